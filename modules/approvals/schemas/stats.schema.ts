import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams, uuid } from '../../../core/schemas/schema-kit.ts';

export const statsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', format: 'date', description: 'First day (county calendar) of submission; default: 30 days ago' },
    to: { type: 'string', format: 'date', description: 'Last day of submission; default: today' },
    typeId: uuid,
    lang: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'The workbook’s language' },
  },
} as const;
export type StatsQuery = FromSchema<typeof statsQuery>;

const hours = { type: ['number', 'null'], description: 'Hours, one decimal; null: none finished' } as const;

export const typeStats = responseObject({
  typeId: uuid,
  typeName: { type: 'string' },
  submitted: { type: 'integer' },
  pending: { type: 'integer' },
  approved: { type: 'integer' },
  rejected: { type: 'integer' },
  withdrawn: { type: 'integer' },
  returned: { type: 'integer' },
  hoursToFinish: hours,
});

export const stepStats = responseObject({
  typeId: uuid,
  typeName: { type: 'string' },
  stepName: { type: 'string' },
  finished: { type: 'integer' },
  waiting: { type: 'integer' },
  hoursPerStep: hours,
});

export const approvalStats = responseObject({
  from: { type: 'string' },
  to: { type: 'string' },
  types: { type: 'array', items: typeStats },
  steps: { type: 'array', items: stepStats },
});
export type ApprovalStats = FromSchema<typeof approvalStats>;

export const statsRoute = {
  tags: ['approvals'],
  summary: 'Counts by type and state, and the time each step takes, for requests submitted in a period (managers, their scope)',
  params: tenantParams,
  querystring: statsQuery,
  response: { 200: approvalStats, ...errorResponses },
} as const;

export const statsExportRoute = {
  tags: ['approvals'],
  summary: 'The same statistics as an .xlsx workbook (an attachment)',
  params: tenantParams,
  querystring: statsQuery,
  response: { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;
