import type { FromSchema } from 'json-schema-to-ts';
import { cursorQuery, errorResponses, responseObject, tenantIdParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { nullableString, nullableTimestamp, unitRef } from './common.schema.ts';

const periodUnit = responseObject({
  assignmentId: uuid,
  parentId: nullableString,
  depth: { type: 'integer' },
  unit: unitRef,
  state: {
    type: 'string',
    enum: ['reported', 'returned', 'missing'],
    description: 'returned: its report for the period was sent back and nothing new came',
  },
  reportId: nullableString,
  reportedAt: nullableTimestamp,
});

const periodView = responseObject({
  periodKey: { type: 'string', description: '2026-W48 (weekly), 2026-11 (monthly), 2026-Q4 (quarterly), the start day for a custom RRULE' },
  label: { type: 'string' },
  startsOn: { type: 'string', format: 'date' },
  endsOn: { type: 'string', format: 'date' },
  dueAt: timestamp,
  overdue: { type: 'boolean' },
  expected: { type: 'integer' },
  reported: { type: 'integer' },
  missing: { type: 'integer', description: 'Expected units that have not reported (returned reports count as missing)' },
  units: { type: 'array', items: periodUnit },
});
/** A report period of a recurring task: who reported and who is missing. */
export type ReportPeriodView = FromSchema<typeof periodView>;

export const taskPeriodsRoute = {
  tags: ['dispatch'],
  summary:
    'Report periods of a recurring task, newest first, each with who reported and who is missing (among the assignments the caller sees)',
  params: tenantIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      periodKey: { type: 'string', minLength: 1, maxLength: 20 },
      limit: { type: 'integer', minimum: 1, maximum: 60, default: 12 },
      cursor: cursorQuery,
    },
  },
  response: { 200: responseObject({ items: { type: 'array', items: periodView }, nextCursor: nullableString }), ...errorResponses },
} as const;
