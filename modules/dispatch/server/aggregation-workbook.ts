import ExcelJS from 'exceljs';
import { safeCellText } from '../../../core/module-kit.ts';
import type { AggregationSheet, Cell } from './aggregation-sheet.ts';

/**
 * Writes the aggregation workbook: a bold title row across the columns (task, period, when),
 * the bold header row, both frozen, then the rows. Text goes through `safeCellText` (never a
 * formula); a photo is a hyperlink cell showing "照片1"… (core's writer has no title row or links).
 */
export async function writeAggregationWorkbook(spec: AggregationSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  spec.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width ?? Math.max(12, column.header.length * 3);
    if (column.text) sheet.getColumn(i + 1).numFmt = '@';
  });
  const title = sheet.addRow([safeCellText(spec.title)]);
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, Math.max(1, spec.columns.length));
  const header = sheet.addRow(spec.columns.map((c) => safeCellText(c.header)));
  header.font = { bold: true };
  for (const row of spec.rows) sheet.addRow(row.map(cellValue));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'string') return safeCellText(cell);
  if (typeof cell === 'number') return cell;
  return { text: safeCellText(cell.text), hyperlink: cell.hyperlink };
}
