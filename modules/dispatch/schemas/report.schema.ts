import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  responseObject,
  tenantIdParams,
  tenantSlug,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { fileIds, fileView, longText, nullableString, nullableTimestamp, reasonText } from './common.schema.ts';

const cardColor = { type: 'string', enum: ['green', 'yellow', 'red'] } as const;
export type CardColor = FromSchema<typeof cardColor>;
const reportStatus = { type: 'string', enum: ['submitted', 'accepted', 'returned'] } as const;
export type ReportStatus = FromSchema<typeof reportStatus>;

export const reportView = responseObject({
  id: uuid,
  taskId: uuid,
  assignmentId: uuid,
  unitName: { type: 'string' },
  periodKey: nullableString,
  progress: { type: 'integer' },
  text: { type: 'string' },
  photos: { type: 'array', items: fileView },
  problem: { type: 'boolean' },
  formVersion: { type: ['integer', 'null'] },
  data: { type: ['object', 'null'], additionalProperties: true },
  answers: {
    type: 'array',
    description: 'The form answers as people read them: field title and formatted value (choice titles, units), empty ones left out',
    items: responseObject({ title: { type: 'string' }, value: { type: 'string' } }),
  },
  status: reportStatus,
  reviewReason: nullableString,
  reviewerName: nullableString,
  reviewedAt: nullableTimestamp,
  submitterName: { type: 'string' },
  createdAt: timestamp,
  card: {
    ...responseObject({ color: cardColor, reason: { type: 'string' }, giverName: { type: 'string' }, givenAt: timestamp }),
    type: ['object', 'null'],
  },
});
/** A progress report with its review and quality card. */
export type ReportView = FromSchema<typeof reportView>;

const reportParams = tenantIdParams;
const reportList = responseObject({ items: { type: 'array', items: reportView }, nextCursor: nullableString });

export const submitReportRoute = {
  tags: ['dispatch'],
  summary:
    'Report progress on an assignment: percent, text, photos and the task’s report form (validated against its frozen version). 100% asks the reviewer to accept the work as done. Accepts an Idempotency-Key',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['progress'],
    additionalProperties: false,
    properties: {
      progress: { type: 'integer', minimum: 0, maximum: 100 },
      text: longText(5000),
      photoIds: fileIds(30),
      problem: {
        type: 'boolean',
        default: false,
        description: 'Something stands in the way: the light turns yellow (when the tenant’s rules say so)',
      },
      periodKey: { type: 'string', maxLength: 20, description: 'The report period this answers, for tasks with a cadence' },
      data: { type: 'object', description: 'Answers of the task’s report form' },
    },
  },
  response: { 201: reportView, ...errorResponses },
} as const;
export type ReportInput = FromSchema<typeof submitReportRoute.body, { keepDefaultedPropertiesOptional: true }>;

export const assignmentReportsRoute = {
  tags: ['dispatch'],
  summary: 'Reports of one assignment, newest first',
  params: tenantIdParams,
  querystring: { type: 'object', additionalProperties: false, properties: { limit: limitQuery, cursor: cursorQuery } },
  response: { 200: reportList, ...errorResponses },
} as const;

export const taskReportsRoute = {
  tags: ['dispatch'],
  summary: 'Reports of a task’s assignments the caller sees, newest first',
  params: tenantIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { periodKey: { type: 'string', maxLength: 20 }, status: reportStatus, limit: limitQuery, cursor: cursorQuery },
  },
  response: { 200: reportList, ...errorResponses },
} as const;

export const reviewReportRoute = {
  tags: ['dispatch'],
  summary: 'Accept a report (a 100% report completes the assignment) or return it with a reason',
  params: reportParams,
  body: {
    type: 'object',
    required: ['decision'],
    additionalProperties: false,
    properties: { decision: { type: 'string', enum: ['accept', 'return'] }, reason: { ...reasonText, description: 'Required to return' } },
  },
  response: { 200: reportView, ...errorResponses },
} as const;

export const giveCardRoute = {
  tags: ['dispatch'],
  summary: 'Give a quality card (亮牌) on a report: green, yellow or red, with a required reason; raises dispatch.card_given',
  params: { type: 'object', required: ['tenant', 'id'], additionalProperties: false, properties: { tenant: tenantSlug, id: uuid } },
  body: {
    type: 'object',
    required: ['color', 'reason'],
    additionalProperties: false,
    properties: { color: cardColor, reason: reasonText },
  },
  response: { 201: reportView, ...errorResponses },
} as const;
