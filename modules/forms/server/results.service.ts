import type { Knex } from 'knex';
import type { DataScope } from '../../../core/module-kit.ts';
import { formFields, type FormField } from './form-fields.ts';
import { getForm, getVersion } from './form.service.ts';
import { filteredSubmissions, type ResultsFilter } from './results-query.ts';
import {
  decodeKeysetCursor,
  encodeKeysetCursor,
  orderBySortKey,
  selectSortKey,
  sortKey,
  whereAfter,
  type KeysetPosition,
  type SortKey,
  type SortRequest,
} from './results-sort.ts';
import { selectSubmissions, submissionToView, type SubmissionRow } from './submission-query.ts';

/** The fields of the version asked for, else of the latest version (what lists filter and count by). */
export async function resultFields(
  trx: Knex.Transaction,
  formId: string,
  version?: number,
): Promise<{ fields: FormField[]; version: number }> {
  const form = await getForm(trx, formId);
  const number = version ?? form.latest_version;
  if (number === 0) return { fields: [], version: 0 };
  return { fields: formFields((await getVersion(trx, formId, number)).schema), version: number };
}

export interface ListOptions extends SortRequest {
  limit: number;
  cursor?: string;
}

export type KeyedRow = SubmissionRow & { sort_key: string | null };

/**
 * The filtered submissions after `after` in the sort's order, at most `limit` of them, each with
 * its sort key as text: one keyset page, as the list and the export job read them.
 */
export function submissionsPage(
  trx: Knex.Transaction,
  formId: string,
  scope: DataScope,
  fields: FormField[],
  filter: ResultsFilter,
  key: SortKey,
  after: KeysetPosition | null,
  limit: number,
): Promise<KeyedRow[]> {
  const query = selectSubmissions(trx).whereIn('s.id', filteredSubmissions(trx, formId, scope, fields, filter).select('s.id'));
  if (after) whereAfter(query, key, after);
  selectSortKey(query, trx, key);
  orderBySortKey(query, key);
  return query.limit(limit);
}

/**
 * One page of results. Sorted by submission time (default), unit, or any field outside repeating
 * groups (numbers as numbers, missing answers last), ties by id. The cursor is the (key, id) of
 * the last row: a submission made while someone pages never shifts or repeats a page.
 */
export async function listResults(trx: Knex.Transaction, formId: string, scope: DataScope, filter: ResultsFilter, options: ListOptions) {
  const { fields } = await resultFields(trx, formId, filter.version);
  const key = sortKey(fields, options);
  const after = options.cursor ? decodeKeysetCursor(options.cursor, key) : null;
  const rows = await submissionsPage(trx, formId, scope, fields, filter, key, after, options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(submissionToView),
    nextCursor: rows.length > options.limit ? encodeKeysetCursor(key, { value: last.sort_key, id: last.id }) : null,
    fields: fields.map(fieldView),
  };
}

export const fieldView = (f: FormField) => ({
  name: f.name,
  title: f.title,
  kind: f.kind,
  options: f.options,
  group: f.group ? f.group.join('.') : null,
});
