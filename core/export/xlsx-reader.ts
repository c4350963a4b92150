import ExcelJS from 'exceljs';
import { badRequest } from '../http/errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export { XLSX_MIME } from '../schemas/xlsx-mime.ts';

/** One data row of a sheet: its row number as Excel shows it, and its cells by header text. */
export interface SheetRow {
  rowNumber: number;
  cells: Record<string, string>;
}

export interface SheetTable {
  name: string;
  /** Header texts of row 1, trimmed, in column order. */
  headers: string[];
  /** Data rows from row 2 on; rows with no text at all are skipped. */
  rows: SheetRow[];
}

export interface ReadOptions {
  /** Data rows allowed per sheet; more is a 400 (default 10 000). */
  maxRows?: number;
}

type ExcelBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

/**
 * Reads every sheet of an .xlsx file as text tables keyed by the header row. Cell values become
 * trimmed text (numbers as written, formulas by their cached result), and a leading apostrophe
 * that `xlsx-writer` added against formula injection is taken off again.
 * A file that is not a workbook is a 400 `XLSX_INVALID` naming `body`.
 */
export async function readXlsx(data: Buffer, options: ReadOptions = {}): Promise<Map<string, SheetTable>> {
  const maxRows = options.maxRows ?? 10_000;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelBuffer);
  } catch {
    throw badRequest(CORE_ERRORS.XLSX_INVALID, 'The file is not a readable .xlsx workbook', [
      { path: 'body', message: 'is not an .xlsx workbook' },
    ]);
  }
  const tables = new Map<string, SheetTable>();
  workbook.eachSheet((sheet) => {
    if (sheet.actualRowCount - 1 > maxRows) {
      throw badRequest(CORE_ERRORS.XLSX_TOO_MANY_ROWS, `The sheet ${sheet.name} has more than ${maxRows} rows`, [
        { path: sheet.name, message: `has more than ${maxRows} rows` },
      ]);
    }
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
      headers[column - 1] = cellText(cell.value);
    });
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, string> = {};
      let any = false;
      headers.forEach((header, index) => {
        if (!header) return;
        const text = cellText(row.getCell(index + 1).value);
        cells[header] = text;
        if (text) any = true;
      });
      if (any) rows.push({ rowNumber, cells });
    });
    tables.set(sheet.name.trim(), { name: sheet.name.trim(), headers: headers.map((h) => h ?? ''), rows });
  });
  return tables;
}

/** The text of a cell value as a person reading the sheet sees it. */
export function cellText(value: ExcelJS.CellValue): string {
  return unquote(rawText(value).trim());
}

function rawText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : rawText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : rawText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

function unquote(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
