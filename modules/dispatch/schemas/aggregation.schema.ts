import { errorResponses, tenantIdParams, timestamp, uuid } from '../../../core/module-kit.ts';
import { nullableString, nullableTimestamp } from './common.schema.ts';

const periodKey = { type: 'string', minLength: 1, maxLength: 20, description: 'A report period of the task: each unit’s latest report in it (default: each unit’s latest report)' } as const;
const lang = { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'The language of the headers and values' } as const;

const aggregationView = {
  type: 'object',
  properties: {
    id: uuid,
    taskId: uuid,
    periodKey: nullableString,
    lang: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    total: { type: 'integer', description: 'Rows (assignments) to write' },
    done: { type: 'integer', description: 'Rows read so far' },
    progress: { type: 'number', description: 'done / total, 1 when done' },
    fileId: { ...nullableString, description: 'The stored .xlsx (core file) once done' },
    error: nullableString,
    createdAt: timestamp,
    finishedAt: nullableTimestamp,
  },
} as const;

export const directAggregationRoute = {
  tags: ['dispatch'],
  summary: 'One .xlsx sheet merging every unit’s latest report of the task (one row per assignment, in tree order, with the report form’s fields), streamed now. For the task’s supervisors and leaders; a tree over the tenant’s directAggregationMaxRows is a 400: queue POST /tasks/:id/aggregations instead',
  params: tenantIdParams,
  querystring: { type: 'object', additionalProperties: false, properties: { periodKey, lang } },
  response: { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;

export const createAggregationRoute = {
  tags: ['dispatch'],
  summary: 'Queue the aggregation of a task of any size as a job with progress; the requester is told when its file is ready',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: { periodKey, lang } },
  response: { 202: aggregationView, ...errorResponses },
} as const;

export const getAggregationRoute = {
  tags: ['dispatch'],
  summary: 'One of the caller’s own aggregations with its progress',
  params: tenantIdParams,
  response: { 200: aggregationView, ...errorResponses },
} as const;

export const downloadAggregationRoute = {
  tags: ['dispatch'],
  summary: 'Download the .xlsx of one of the caller’s finished aggregations (409 while it is still running)',
  params: tenantIdParams,
  response: { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;
