import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams, timestamp } from '../../../core/schemas/schema-kit.ts';

const nullableNumber = { type: ['number', 'null'] } as const;

/** Outcomes of one group (a grid, a community, a category) over a period: what was achieved, not how many clicks. */
export const statsRow = responseObject({
  id: { type: ['string', 'null'], description: 'The grid, community or category; null: events outside any grid' },
  name: { type: 'string' },
  reported: { type: 'integer' },
  resolved: { type: 'integer', description: 'Resolved or closed (quick closes included)' },
  open: { type: 'integer' },
  overdue: { type: 'integer', description: 'Open and past their deadline now' },
  acceptHoursMedian: { ...nullableNumber, description: 'Median hours from report to acceptance' },
  resolveHoursMedian: { ...nullableNumber, description: 'Median hours from report to resolution' },
  onTimeShare: { ...nullableNumber, description: 'Of the resolved, the share resolved by their deadline (0–1)' },
  satisfaction: { ...nullableNumber, description: 'Mean rating 1–5 of the rated' },
  rated: { type: 'integer' },
  reopenShare: { ...nullableNumber, description: 'Of the resolved, the share reopened at least once (0–1)' },
});
export type StatsRow = FromSchema<typeof statsRow>;

const statsQuery = {
  type: 'object',
  required: ['from', 'to'],
  additionalProperties: false,
  properties: {
    by: { type: 'string', enum: ['grid', 'community', 'category'], default: 'grid' },
    from: { ...timestamp, description: 'Events reported at or after this instant' },
    to: { ...timestamp, description: 'Events reported before this instant' },
    lang: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'Language of the workbook’s headers (export)' },
  },
} as const;
export type StatsQuery = FromSchema<typeof statsQuery>;

export const eventStatsRoute = {
  tags: ['grid-events'],
  summary:
    'Outcomes of the events the caller sees reported in a period, by grid, community or category: counts, median hours to accept and to resolve, share on time, satisfaction, reopen share; a total row first',
  params: tenantParams,
  querystring: statsQuery,
  response: { 200: responseObject({ total: statsRow, rows: { type: 'array', items: statsRow } }), ...errorResponses },
} as const;

export const eventStatsExportRoute = {
  tags: ['grid-events'],
  summary: 'The same statistics as an .xlsx workbook (an attachment)',
  params: tenantParams,
  querystring: statsQuery,
  response: { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;
