import { badRequest } from '../../../core/server/errors.ts';

/** Opaque list cursors: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((v) => typeof v === 'string' || typeof v === 'number' || v === null)) {
    throw badRequest('FORMS_CURSOR_INVALID', 'The cursor is not one this list gave out', [{ path: 'querystring.cursor', message: 'is invalid' }]);
  }
  return values.map((v) => (v === null ? '' : String(v)));
}
