import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { type ColumnSpec, type FileStore, safeCellText, type StagedFile } from '../../../core/module-kit.ts';
import type { Cell } from './export-layout.ts';

/** Excel's limit is 1,048,576 rows a sheet, header included; a longer sheet continues in "<name> (2)". */
const SHEET_MAX_ROWS = 1_000_000;

/**
 * An .xlsx written row by row straight into the file store's staging area: committed rows leave
 * memory, so an export of a million rows needs no more memory than one chunk. Text is written
 * through `safeCellText` (formula injection neutralised), as core's writer does. One sheet is open
 * at a time: the zip holds sheets one after another.
 */
export class XlsxStream {
  private readonly output = new PassThrough();
  private readonly workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.output, useStyles: true, useSharedStrings: false });
  private readonly staged: Promise<StagedFile>;
  private sheet: { base: string; part: number; columns: ColumnSpec[]; worksheet: ExcelJS.Worksheet; rows: number } | null = null;

  constructor(private readonly store: FileStore) {
    this.staged = store.stage(this.output);
    // Settled here so a failure before finish() is not an unhandled rejection; finish() rethrows it.
    this.staged.catch(() => undefined);
  }

  /** Commits the open sheet and starts a new one with a bold, frozen header row. */
  startSheet(name: string, columns: ColumnSpec[], part = 1): void {
    this.sheet?.worksheet.commit();
    const worksheet = this.workbook.addWorksheet(part === 1 ? name : `${name.slice(0, 26)} (${part})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = columns.map((c) => ({
      header: safeCellText(c.header),
      width: c.width ?? Math.max(12, c.header.length * 3),
      style: c.text ? { numFmt: '@' } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    this.sheet = { base: name, part, columns, worksheet, rows: 0 };
  }

  addRows(rows: Cell[][]): void {
    for (const row of rows) {
      if (!this.sheet) throw new Error('startSheet before addRows');
      if (this.sheet.rows >= SHEET_MAX_ROWS) this.startSheet(this.sheet.base, this.sheet.columns, this.sheet.part + 1);
      const sheet = this.sheet as NonNullable<XlsxStream['sheet']>;
      sheet.worksheet.addRow(row.map((value) => (typeof value === 'string' ? safeCellText(value) : value))).commit();
      sheet.rows += 1;
    }
  }

  /** Writes the workbook's end and waits until the file is staged (hashed and measured). */
  async finish(): Promise<StagedFile> {
    this.sheet?.worksheet.commit();
    await this.workbook.commit();
    return this.staged;
  }

  /** Drops what was written so far (a failed export leaves no file behind). */
  async abort(): Promise<void> {
    this.output.destroy();
    const staged = await this.staged.catch(() => null);
    if (staged) await this.store.discard(staged);
  }
}
