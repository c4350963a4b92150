import ExcelJS from 'exceljs';

export interface ColumnSpec {
  header: string;
  width?: number;
  /** Stored as text (phone numbers, codes): Excel keeps leading zeros and does not round. */
  text?: boolean;
  /** Allowed values, offered as a drop-down in the data rows. */
  choices?: readonly string[];
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: (string | number | boolean | Date | null | undefined)[][];
}

/** Rows below the header that get the column formats and drop-downs of a template. */
const FORMATTED_ROWS = 500;

/**
 * Writes sheets with a bold, frozen header row. Every text value goes through `safeCellText`
 * and is written as a plain string, never as a formula.
 */
export async function writeXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({
      header: safeCellText(c.header),
      width: c.width ?? Math.max(12, c.header.length * 3),
      style: c.text ? { numFmt: '@' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row.map((value) => (typeof value === 'string' ? safeCellText(value) : (value ?? null))));
    spec.columns.forEach((column, index) => {
      if (!column.choices) return;
      for (let r = 2; r <= FORMATTED_ROWS + 1; r++) {
        sheet.getCell(r, index + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${column.choices.join(',')}"`] };
      }
    });
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

/**
 * Neutralises formula injection (CSV/Excel injection): text starting with = + - @ or a tab or
 * carriage return gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
 */
export function safeCellText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** `Content-Disposition` for a download with a Chinese file name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
