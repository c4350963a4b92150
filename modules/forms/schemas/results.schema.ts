import { errorResponses, limitQuery, uuid } from '../../../core/module-kit.ts';
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

const fieldView = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
    format: { type: 'string', description: '`date-time` for a date field holding a moment' },
    options: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' }, label: { type: 'string' } } } },
    group: { type: ['string', 'null'], description: 'For a field of a repeating group: the group (its filter matches when any row matches)' },
  },
} as const;

export const filterHelp = 'Answers filter as filter[field]=value (a choice, number, yes/no or text; nested fields dotted; a field of a repeating group, e.g. filter[members.relation], matches when any row matches), ranges as filter[field][gte]=… and filter[field][lte]=… for numbers, dates and text';

export const listResultsRoute = {
  tags: ['forms'],
  summary: `Submissions of a form within the results scope. ${filterHelp}; sort by submittedAt, unit or any field`,
  params: formIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    patternProperties: fieldFilterPattern,
    properties: { ...filterProperties, sort: { type: 'string', minLength: 1, maxLength: 64 }, order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' }, limit: limitQuery, cursor: resultsCursor },
  },
  response: {
    200: { type: 'object', properties: { items: { type: 'array', items: submissionView }, nextCursor: { type: ['string', 'null'] }, fields: { type: 'array', items: fieldView } } },
    ...errorResponses,
  },
} as const;

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
const statLabel = {
  label: { type: ['string', 'null'] },
  labelKey: { type: 'string', enum: ['all', 'unanswered', 'noUnit'], description: 'Set when label is null: all (no grouping), unanswered, noUnit' },
} as const;
const optionCount = { type: 'object', properties: { value: { type: 'string' }, ...statLabel, count: { type: 'integer' } } } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const groupView = { type: 'object', properties: { key: { type: 'string' }, ...statLabel, count: { type: 'integer' } } } as const;

/** The language of an .xlsx's own words (sheet names, headers, unnamed groups); else Accept-Language, else Chinese. */
export const exportLang = { type: 'string', enum: ['zh-CN', 'en'], description: 'Language of the workbook’s own words; default: Accept-Language, else zh-CN' } as const;

export const statisticsRoute = {
  tags: ['forms'],
  summary: `Statistics of the filtered submissions per group: counts per option, and count/sum/avg/min/max of numbers. ${filterHelp}`,
  params: formIdParams,
  querystring: statisticsQuery,
  response: {
    200: {
      type: 'object',
      properties: {
        groupBy: { type: ['string', 'null'] },
        total: { type: 'integer' },
        groups: { type: 'array', items: groupView },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              ...fieldView.properties,
              groups: {
                type: 'array',
                items: { type: 'object', properties: { ...groupView.properties, options: { type: 'array', items: optionCount }, sum: nullableNumber, avg: nullableNumber, min: nullableNumber, max: nullableNumber } },
              },
            },
          },
        },
      },
    },
    ...errorResponses,
  },
} as const;

const xlsxResponse = { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses } as const;

export const exportResultsRoute = {
  tags: ['forms'],
  summary: `Download the filtered submissions (at most 2,000; larger lists go through POST /forms/forms/:id/exports) as .xlsx, repeating groups one row per group row in a sheet of their own (text that would be a formula is written as text). ${filterHelp}`,
  params: formIdParams,
  querystring: { type: 'object', additionalProperties: false, patternProperties: fieldFilterPattern, properties: { ...filterProperties, sort: { type: 'string', minLength: 1, maxLength: 64 }, order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' } } },
  response: xlsxResponse,
} as const;

export const exportStatisticsRoute = {
  tags: ['forms'],
  summary: 'Download the statistics (same query as the statistics route) as .xlsx, one sheet per field, in `lang` (or Accept-Language, else Chinese)',
  params: formIdParams,
  querystring: { ...statisticsQuery, properties: { ...statisticsQuery.properties, lang: exportLang } },
  response: xlsxResponse,
} as const;
