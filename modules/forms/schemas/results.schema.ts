import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, limitQuery, responseObject, uuid } from '../../../core/schemas/schema-kit.ts';
import { formIdParams, periodKey, versionNumber } from './common.schema.ts';
import { submissionView } from './submission.schema.ts';

/** The filters every results route takes: built-in ones and `filter[field]`, `filter[field][gte|lte]` on the answers. */
export const filterProperties = {
  status: { type: 'string', enum: ['submitted', 'returned'] },
  version: versionNumber,
  collectionId: uuid,
  periodKey,
  unitId: uuid,
  q: { type: 'string', minLength: 1, maxLength: 100, description: 'Substring of any answer' },
} as const;

// The cursor carries the last row's sort key (a long text answer makes a long cursor).
const resultsCursor = { type: 'string', maxLength: 30_000 } as const;

export const fieldFilterPattern = { '^filter\\[[^\\[\\]]{1,64}\\](\\[(gte|lte)\\])?$': { type: 'string', maxLength: 200 } } as const;

const fieldKind = { type: 'string', enum: ['number', 'choice', 'multi', 'boolean', 'date', 'text', 'file', 'group', 'other'] } as const;
export type FieldKind = FromSchema<typeof fieldKind>;

const fieldProperties = {
  name: { type: 'string' },
  title: { type: 'string' },
  kind: fieldKind,
  format: { type: 'string', description: '`date-time` for a date field holding a moment' },
  options: { type: 'array', items: responseObject({ value: { type: 'string' }, label: { type: 'string' } }) },
  group: { type: ['string', 'null'], description: 'For a field of a repeating group: the group (its filter matches when any row matches)' },
} as const;
const fieldView = responseObject(fieldProperties, ['format']);
/** A field of the form as the results list, filters and statistics name it. */
export type ResultField = FromSchema<typeof fieldView>;

export const filterHelp =
  'Answers filter as filter[field]=value (a choice, number, yes/no or text; nested fields dotted; a field of a repeating group, e.g. filter[members.relation], matches when any row matches), ranges as filter[field][gte]=… and filter[field][lte]=… for numbers, dates and text';

export const listResultsRoute = {
  tags: ['forms'],
  summary: `Submissions of a form within the results scope. ${filterHelp}; sort by submittedAt, unit or any field`,
  params: formIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    patternProperties: fieldFilterPattern,
    properties: {
      ...filterProperties,
      sort: { type: 'string', minLength: 1, maxLength: 64 },
      order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
      limit: limitQuery,
      cursor: resultsCursor,
    },
  },
  response: {
    200: responseObject({
      items: { type: 'array', items: submissionView },
      nextCursor: { type: ['string', 'null'] },
      fields: { type: 'array', items: fieldView },
    }),
    ...errorResponses,
  },
} as const;
export type ResultsPage = FromSchema<(typeof listResultsRoute.response)[200]>;

const statisticsQuery = {
  type: 'object',
  additionalProperties: false,
  patternProperties: fieldFilterPattern,
  properties: {
    ...filterProperties,
    fields: { type: 'string', maxLength: 1000, description: 'Comma-separated number or choice fields (default: all of them)' },
    groupBy: { type: 'string', minLength: 1, maxLength: 64, description: 'unit, period, or a single-choice field' },
  },
} as const;

// A group or option with no name of its own (every submission, no answer, no unit) has a null
// label and a labelKey, worded by the reader in their language.
const statLabelKey = {
  type: 'string',
  enum: ['all', 'unanswered', 'noUnit'],
  description: 'Set when label is null: all (no grouping), unanswered, noUnit',
} as const;
export type StatLabelKey = FromSchema<typeof statLabelKey>;
const statLabel = { label: { type: ['string', 'null'] }, labelKey: statLabelKey } as const;
const optionCount = responseObject({ value: { type: 'string' }, ...statLabel, count: { type: 'integer' } }, ['labelKey']);
const nullableNumber = { type: ['number', 'null'] } as const;
const groupProperties = { key: { type: 'string' }, ...statLabel, count: { type: 'integer' } } as const;
const groupView = responseObject(groupProperties, ['labelKey']);
/** A label of a statistics group or option (null with a labelKey for one without a name of its own). */
export type StatLabel = Pick<FromSchema<typeof groupView>, 'label' | 'labelKey'>;

/** The language of an .xlsx's own words (sheet names, headers, unnamed groups); else Accept-Language, else Chinese. */
export const exportLang = {
  type: 'string',
  enum: ['zh-CN', 'en'],
  description: 'Language of the workbook’s own words; default: Accept-Language, else zh-CN',
} as const;

// A number field's groups carry sum/avg/min/max, a choice field's its options.
const fieldGroupStatistics = responseObject(
  {
    ...groupProperties,
    options: { type: 'array', items: optionCount },
    sum: nullableNumber,
    avg: nullableNumber,
    min: nullableNumber,
    max: nullableNumber,
  },
  ['labelKey', 'options', 'sum', 'avg', 'min', 'max'],
);
const fieldStatistics = responseObject({ ...fieldProperties, groups: { type: 'array', items: fieldGroupStatistics } }, ['format']);
export type FieldStatistics = FromSchema<typeof fieldStatistics>;

export const statisticsRoute = {
  tags: ['forms'],
  summary: `Statistics of the filtered submissions per group: counts per option, and count/sum/avg/min/max of numbers. ${filterHelp}`,
  params: formIdParams,
  querystring: statisticsQuery,
  response: {
    200: responseObject({
      groupBy: { type: ['string', 'null'] },
      total: { type: 'integer' },
      groups: { type: 'array', items: groupView },
      fields: { type: 'array', items: fieldStatistics },
    }),
    ...errorResponses,
  },
} as const;
export type Statistics = FromSchema<(typeof statisticsRoute.response)[200]>;

const xlsxResponse = { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses } as const;

export const exportResultsRoute = {
  tags: ['forms'],
  summary: `Download the filtered submissions (at most 2,000; larger lists go through POST /forms/forms/:id/exports) as .xlsx, repeating groups one row per group row in a sheet of their own (text that would be a formula is written as text). ${filterHelp}`,
  params: formIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    patternProperties: fieldFilterPattern,
    properties: {
      ...filterProperties,
      sort: { type: 'string', minLength: 1, maxLength: 64 },
      order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
    },
  },
  response: xlsxResponse,
} as const;

export const exportStatisticsRoute = {
  tags: ['forms'],
  summary:
    'Download the statistics (same query as the statistics route) as .xlsx, one sheet per field, in `lang` (or Accept-Language, else Chinese)',
  params: formIdParams,
  querystring: { ...statisticsQuery, properties: { ...statisticsQuery.properties, lang: exportLang } },
  response: xlsxResponse,
} as const;
