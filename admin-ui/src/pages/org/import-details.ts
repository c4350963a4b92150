import type { FieldIssue } from '../../api/api-error';

/** One problem of an import file: `人员!3.手机号` → sheet 人员, row 3, column 手机号. */
export interface ImportProblem {
  key: number;
  sheet: string;
  row: number | null;
  column: string;
  message: string;
}

const CELL = /^(.+)!(\d+)\.(.+)$/;

/** The server's error details as table rows; a problem with the whole file (`body`) has no sheet or row. */
export function importProblems(details: FieldIssue[]): ImportProblem[] {
  return details.map((detail, key) => {
    const cell = CELL.exec(detail.path);
    if (cell) return { key, sheet: cell[1], row: Number(cell[2]), column: cell[3], message: detail.message };
    return { key, sheet: detail.path === 'body' ? '' : detail.path, row: null, column: '', message: detail.message };
  });
}

export type ImportMessageKey =
  | 'required'
  | 'phoneInvalid'
  | 'phoneInDirectory'
  | 'twiceInFile'
  | 'noSuchUnit'
  | 'unitExists'
  | 'columnMissing'
  | 'outOfScope'
  | 'kindInvalid'
  | 'nameInvalid'
  | 'notXlsx';

// The server words row problems in English (core/org/org-import-*.ts); the usual ones get the
// user's language, keeping what they quote (a row number, a unit name). Others show as sent.
const PATTERNS: [RegExp, ImportMessageKey][] = [
  [/^is required$/, 'required'],
  [/^is not a mobile number/, 'phoneInvalid'],
  [/^belongs to a person already in the directory$/, 'phoneInDirectory'],
  [/appears twice in the file \(row (\d+)\)$/, 'twiceInFile'],
  [/^"(.*)" names no unit/, 'noSuchUnit'],
  [/^(.*) already exists in the directory$/, 'unitExists'],
  [/^column is missing from the header row$/, 'columnMissing'],
  [/^is outside your data scope$/, 'outOfScope'],
  [/^must be one of (.*)$/, 'kindInvalid'],
  [/^must be plain text/, 'nameInvalid'],
  [/^is not an \.xlsx file$/, 'notXlsx'],
];

/** The message key and its quoted value (`value`), or null for a message to show as it came. */
export function importMessage(message: string): { key: ImportMessageKey; value: string } | null {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return { key, value: match[1] ?? '' };
  }
  return null;
}
