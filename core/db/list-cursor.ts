import { badRequest } from '../server/errors.ts';

/**
 * Opaque keyset cursors for every list: the sort key of the last row given out, as
 * base64url-encoded JSON. `code` names the list in the 400 a forged or stale cursor gets.
 */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number, code = 'CURSOR_INVALID'): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((v) => typeof v === 'string' || typeof v === 'number' || v === null)) {
    throw badRequest(code, 'The cursor is not one this list gave out', [{ path: 'querystring.cursor', message: 'is invalid' }]);
  }
  return values.map((v) => (v === null ? '' : String(v)));
}
