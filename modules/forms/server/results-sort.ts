import type { Knex } from 'knex';
import { badRequest, decodeCursor, encodeCursor, isStorableTimestamp } from '../../../core/module-kit.ts';
import type { FormField } from './form-fields.ts';
import { numberSql } from './results-query.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

export interface SortRequest {
  sort?: string;
  order: 'asc' | 'desc';
}

/**
 * The sort key of a results list as one SQL expression (`cast` is how a cursor's text value is
 * read back), so ordering and keyset paging use exactly the same expression.
 */
export interface SortKey {
  name: string;
  order: 'asc' | 'desc';
  sql: string;
  bindings: string[][];
  cast: 'timestamptz' | 'numeric' | 'text';
}

export function sortKey(fields: FormField[], request: SortRequest): SortKey {
  const order = request.order === 'asc' ? 'asc' : 'desc';
  if (!request.sort || request.sort === 'submittedAt')
    return { name: 'submittedAt', order, sql: 's.submitted_at', bindings: [], cast: 'timestamptz' };
  if (request.sort === 'unit') return { name: 'unit', order, sql: 'u.name', bindings: [], cast: 'text' };
  const field = fields.find((f) => f.name === request.sort);
  if (!field || field.group || field.kind === 'group') {
    throw badRequest(FORMS_ERRORS.FIELD_UNKNOWN, `"${request.sort}" cannot sort this form`, [
      { path: 'querystring.sort', message: 'is not a field of the form (outside repeating groups), submittedAt or unit' },
    ]);
  }
  if (field.kind === 'number') return { name: field.name, order, sql: numberSql(), bindings: [field.path, field.path], cast: 'numeric' };
  return { name: field.name, order, sql: 's.data #>> ?::text[]', bindings: [field.path], cast: 'text' };
}

/** Orders by the key (missing values last) and then by id, both in the list's direction. */
export function orderBySortKey(query: Knex.QueryBuilder, key: SortKey): void {
  query.orderByRaw(`${key.sql} ${key.order} nulls last, s.id ${key.order}`, key.bindings);
}

/** Selects the key as PostgreSQL's text (`sort_key`): a JS Date or float would lose precision and skip rows. */
export function selectSortKey(query: Knex.QueryBuilder, trx: Knex.Transaction, key: SortKey): void {
  query.select(trx.raw(`(${key.sql})::text as sort_key`, key.bindings));
}

export interface KeysetPosition {
  value: string | null;
  id: string;
}

/**
 * Rows after `after` in (key, id) order with missing keys last: stable when rows are inserted
 * between pages, unlike an offset. A row whose key is missing follows every row that has one.
 */
export function whereAfter(query: Knex.QueryBuilder, key: SortKey, after: KeysetPosition): void {
  const cmp = key.order === 'asc' ? '>' : '<';
  if (after.value === null) {
    query.whereRaw(`(${key.sql}) is null and s.id ${cmp} ?::uuid`, [...key.bindings, after.id]);
    return;
  }
  query.whereRaw(`(((${key.sql}), s.id) ${cmp} (?::${key.cast}, ?::uuid) or (${key.sql}) is null)`, [
    ...key.bindings,
    after.value,
    after.id,
    ...key.bindings,
  ]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor names its sort, so a cursor of another sort or order is refused rather than misread. */
export function encodeKeysetCursor(key: SortKey, position: KeysetPosition): string {
  return encodeCursor([key.name, key.order, position.value, position.id]);
}

export function decodeKeysetCursor(cursor: string, key: SortKey): KeysetPosition {
  const [name, order, , id] = decodeCursor(cursor, 4, FORMS_ERRORS.CURSOR_INVALID);
  // decodeCursor checked the shape; read the key again to tell a missing key (null) from ''.
  const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  if (name !== key.name || order !== key.order || !UUID.test(id) || !validKeyValue(key, raw[2])) {
    throw badRequest(FORMS_ERRORS.CURSOR_INVALID, 'The cursor belongs to another sort or is not one this list gave out', [
      { path: 'querystring.cursor', message: 'is invalid for this sort' },
    ]);
  }
  return { value: raw[2] === null ? null : String(raw[2]), id };
}

// A tampered value must be a 400, not a cast error from the database.
function validKeyValue(key: SortKey, value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'string' || value.length > 20_000) return false;
  // PostgreSQL's numeric overflows past an exponent of about 131072: keep to what a number answer can be.
  if (key.cast === 'numeric') return /^-?\d{1,1000}(\.\d{1,1000})?(e[+-]?\d{1,4})?$/i.test(value);
  if (key.cast === 'timestamptz') return isStorableTimestamp(value);
  return true;
}
