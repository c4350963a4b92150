import type { Knex } from 'knex';
import { badRequest, containsPattern, type DataScope, whereInScope } from '../../../core/module-kit.ts';
import type { FormField } from './form-fields.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

export interface ResultsFilter {
  status?: 'submitted' | 'returned';
  version?: number;
  collectionId?: string;
  periodKey?: string;
  unitId?: string;
  q?: string;
  /** `filter[field]`, `filter[field][gte]`, `filter[field][lte]` as they came in the query string. */
  fieldFilters: Record<string, string>;
}

const FILTER_KEY = /^filter\[([^[\]]{1,64})\](?:\[(gte|lte)\])?$/;

/** The `filter[...]` keys of a query string. */
export function fieldFiltersOf(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([key, value]) => FILTER_KEY.test(key) && typeof value === 'string')) as Record<
    string,
    string
  >;
}

/** A field's value as SQL: the number when it is one (other versions may have stored text), else text. */
export function numberSql(alias = 's', type: 'numeric' | 'float8' = 'numeric'): string {
  return `(case when jsonb_typeof(${alias}.data #> ?::text[]) = 'number' then (${alias}.data #>> ?::text[])::${type} end)`;
}

/**
 * Submitted (and returned) submissions of one form within the scope, narrowed by the filters.
 * Field filters use jsonb containment (served by the GIN index on data); ranges compare numbers
 * as numbers and dates as ISO text. Drafts are their submitters' own and never listed here.
 */
export function filteredSubmissions(
  trx: Knex.Transaction,
  formId: string,
  scope: DataScope,
  fields: FormField[],
  filter: ResultsFilter,
): Knex.QueryBuilder {
  const query = trx('forms_submission as s').where('s.form_id', formId);
  query.whereIn('s.status', filter.status ? [filter.status] : ['submitted', 'returned']);
  if (filter.version !== undefined) query.where('s.version', filter.version);
  if (filter.collectionId) query.where('s.collection_id', filter.collectionId);
  if (filter.periodKey) query.where('s.period_key', filter.periodKey);
  if (filter.unitId) query.where('s.unit_id', filter.unitId);
  if (filter.q) query.whereILike('s.search_text', containsPattern(filter.q));
  for (const [key, value] of Object.entries(filter.fieldFilters)) {
    const [, name, bound] = FILTER_KEY.exec(key) as RegExpExecArray;
    const at = `querystring.${key}`;
    const field = fields.find((f) => f.name === name);
    if (!field)
      throw badRequest(FORMS_ERRORS.FIELD_UNKNOWN, `"${name}" is not a field of this form`, [
        { path: at, message: 'is not a field of the form' },
      ]);
    if (field.kind === 'group') {
      throw badRequest(FORMS_ERRORS.FILTER_INVALID, 'Filter on the fields of a repeating group, not the group itself', [
        { path: at, message: `cannot filter (a ${field.kind} field)` },
      ]);
    }
    if (bound && field.group) {
      throw badRequest(FORMS_ERRORS.FILTER_INVALID, 'Ranges do not apply inside repeating groups', [
        { path: at, message: 'cannot take a range (a field of a repeating group)' },
      ]);
    }
    if (bound) {
      const op = bound === 'gte' ? '>=' : '<=';
      if (field.kind === 'number') {
        const number = Number(value);
        if (value.trim() === '' || !Number.isFinite(number))
          throw badRequest(FORMS_ERRORS.FILTER_INVALID, 'A number range needs a number', [{ path: at, message: 'must be a number' }]);
        query.whereRaw(`${numberSql()} ${op} ?`, [field.path, field.path, number]);
      } else if (field.kind === 'date' || field.kind === 'text') {
        query.whereRaw(`s.data #>> ?::text[] ${op} ?`, [field.path, value]);
      } else {
        throw badRequest(FORMS_ERRORS.FILTER_INVALID, 'Ranges apply to numbers, dates and text', [
          { path: at, message: `cannot take a range (a ${field.kind} field)` },
        ]);
      }
      continue;
    }
    // Inside a repeating group, `{"members": [{"relation": "子女"}]}` contains any submission with such a row.
    const answer = nest(field.path, typedValue(field, value, at));
    query.whereRaw('s.data @> ?::jsonb', [JSON.stringify(field.group ? nest(field.group, [answer]) : answer)]);
  }
  return whereInScope(query, 's.unit_id', scope, trx);
}

function typedValue(field: FormField, value: string, at: string): unknown {
  if (field.kind === 'number') {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number))
      throw badRequest(FORMS_ERRORS.FILTER_INVALID, 'This field holds numbers', [{ path: at, message: 'must be a number' }]);
    return number;
  }
  if (field.kind === 'boolean') {
    if (value !== 'true' && value !== 'false')
      throw badRequest(FORMS_ERRORS.FILTER_INVALID, 'This field is yes/no', [{ path: at, message: 'must be true or false' }]);
    return value === 'true';
  }
  // A multi-choice answer contains the value among its choices.
  if (field.kind === 'multi') return [value];
  return value;
}

function nest(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}
