import type { Knex } from 'knex';
import type { DataScope } from '../../../core/auth/permissions.ts';
import { badRequest } from '../../../core/server/errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { formFields, type FormField } from './form-fields.ts';
import { getForm, getVersion } from './form.service.ts';
import { filteredSubmissions, numberSql, type ResultsFilter } from './results-query.ts';
import { selectSubmissions, submissionToView, type SubmissionRow } from './submission-query.ts';

/** The fields of the version asked for, else of the latest version (what lists filter and count by). */
export async function resultFields(trx: Knex.Transaction, formId: string, version?: number): Promise<{ fields: FormField[]; version: number }> {
  const form = await getForm(trx, formId);
  const number = version ?? form.latest_version;
  if (number === 0) return { fields: [], version: 0 };
  return { fields: formFields((await getVersion(trx, formId, number)).schema), version: number };
}

export interface ListOptions {
  sort?: string;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

/**
 * One page of results. Sorted by submission time (default) or by any field (numbers as numbers,
 * missing answers last), ties by id; the cursor is the offset of the next page.
 */
export async function listResults(trx: Knex.Transaction, formId: string, scope: DataScope, filter: ResultsFilter, options: ListOptions) {
  const { fields } = await resultFields(trx, formId, filter.version);
  const ids = filteredSubmissions(trx, formId, scope, fields, filter).select('s.id');
  const query = selectSubmissions(trx).whereIn('s.id', ids);
  const direction = options.order === 'asc' ? 'asc' : 'desc';
  applySort(query, fields, options.sort, direction);
  const offset = options.cursor ? Number(decodeCursor(options.cursor, 1)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('FORMS_CURSOR_INVALID', 'The cursor is not one this list gave out', [{ path: 'querystring.cursor', message: 'is invalid' }]);
  const rows: SubmissionRow[] = await query.offset(offset).limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return { items: page.map(submissionToView), nextCursor: rows.length > options.limit ? encodeCursor([offset + options.limit]) : null, fields: fields.map(fieldView) };
}

export function applySort(query: Knex.QueryBuilder, fields: FormField[], sort: string | undefined, direction: 'asc' | 'desc'): void {
  if (!sort || sort === 'submittedAt') {
    query.orderBy([{ column: 's.submitted_at', order: direction, nulls: 'last' }, { column: 's.id', order: direction }]);
    return;
  }
  if (sort === 'unit') {
    query.orderBy([{ column: 'u.name', order: direction, nulls: 'last' }, { column: 's.id', order: direction }]);
    return;
  }
  const field = fields.find((f) => f.name === sort);
  if (!field) throw badRequest('FORMS_FIELD_UNKNOWN', `"${sort}" is not a field of this form`, [{ path: 'querystring.sort', message: 'is not a field of the form, submittedAt or unit' }]);
  if (field.kind === 'number') query.orderByRaw(`${numberSql()} ${direction} nulls last`, [field.path, field.path]);
  else query.orderByRaw(`s.data #>> ?::text[] ${direction} nulls last`, [field.path]);
  query.orderBy('s.id', direction);
}

export const fieldView = (f: FormField) => ({ name: f.name, title: f.title, kind: f.kind, options: f.options });
