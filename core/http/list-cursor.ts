import { badRequest } from './errors.ts';
import { textProblem } from './input-guard.ts';
import { isStorableDate, isStorableTimestamp } from '../schemas/storable-time.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * What each value of a cursor must be, checked before it reaches SQL: a forged `2025-02-30`,
 * year 0000 or a junk id is the list's 400, never a cast error from the database.
 * `timestamp` is PostgreSQL's text of a timestamptz (`2025-03-01 10:00:00.123456+08`).
 */
export type CursorValueKind = 'timestamp' | 'date' | 'uuid' | 'text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CURSOR_TEXT = 1000;

const VALID: Record<CursorValueKind, (value: string) => boolean> = {
  timestamp: isStorableTimestamp,
  date: isStorableDate,
  uuid: (value) => UUID.test(value),
  text: (value) => value.length <= MAX_CURSOR_TEXT && textProblem(value) === null,
};

/**
 * Opaque keyset cursors for every list: the sort key of the last row given out, as
 * base64url-encoded JSON. `code` names the list in the 400 a forged or stale cursor gets.
 */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor, each checked against its kind (a bare count means text values).
 * A null becomes '' (an empty text value).
 */
export function decodeCursor(cursor: string, kinds: number | CursorValueKind[], code: string = CORE_ERRORS.CURSOR_INVALID): string[] {
  const expected: CursorValueKind[] = typeof kinds === 'number' ? Array<CursorValueKind>(kinds).fill('text') : kinds;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const strings =
    Array.isArray(values) &&
    values.length === expected.length &&
    values.every((v) => typeof v === 'string' || typeof v === 'number' || v === null)
      ? values.map((v) => (v === null ? '' : String(v)))
      : null;
  if (!strings || !strings.every((value, i) => (value === '' && expected[i] === 'text') || VALID[expected[i]](value))) {
    throw badRequest(code, 'The cursor is not one this list gave out', [{ path: 'querystring.cursor', message: 'is invalid' }]);
  }
  return strings;
}
