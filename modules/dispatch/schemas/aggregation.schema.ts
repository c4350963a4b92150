import { errorResponses, exportView, tenantIdParams } from '../../../core/module-kit.ts';

const periodKey = {
  type: 'string',
  minLength: 1,
  maxLength: 20,
  description: 'A report period of the task: each unit’s latest report in it (default: each unit’s latest report)',
} as const;
const lang = { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'The language of the headers and values' } as const;

export const directAggregationRoute = {
  tags: ['dispatch'],
  summary:
    'One .xlsx sheet merging every unit’s latest report of the task (one row per assignment, in tree order, with the report form’s fields), streamed now. For the task’s supervisors and leaders; a tree over the tenant’s directAggregationMaxRows is a 400: queue POST /tasks/:id/aggregations instead',
  params: tenantIdParams,
  querystring: { type: 'object', additionalProperties: false, properties: { periodKey, lang } },
  response: { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;

export const createAggregationRoute = {
  tags: ['dispatch'],
  summary:
    'Queue the aggregation of a task of any size as an export job with progress (kind aggregation); the requester follows it and downloads its file at GET /exports/:id, and is told when it is ready',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: { periodKey, lang } },
  response: { 202: exportView, ...errorResponses },
} as const;
