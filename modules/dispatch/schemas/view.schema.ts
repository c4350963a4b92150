import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  responseObject,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { assignmentRole, assignmentStatus, light, namedRef, nullableString, nullableTimestamp } from './common.schema.ts';

const lightCounts = responseObject({
  white: { type: 'integer' },
  blue: { type: 'integer' },
  green: { type: 'integer' },
  yellow: { type: 'integer' },
  red: { type: 'integer' },
});
export type LightCounts = FromSchema<typeof lightCounts>;

const pendingKind = { type: 'string', enum: ['assignment', 'review', 'extension', 'instruction', 'request'] } as const;
export type PendingKind = FromSchema<typeof pendingKind>;

export const pendingItem = responseObject({
  kind: pendingKind,
  id: uuid,
  title: { type: 'string' },
  taskId: nullableString,
  assignmentId: nullableString,
  unitName: nullableString,
  light: { type: ['string', 'null'], enum: [...light.enum, null] },
  status: { type: 'string' },
  deadline: nullableTimestamp,
  at: timestamp,
});
/** Something the caller must do now: an assignment, a report to review, an extension, an instruction, a request. */
export type PendingItem = FromSchema<typeof pendingItem>;

export const myPendingRoute = {
  tags: ['dispatch'],
  summary:
    'What the caller must do now, most urgent first: assignments to handle, reports to review, extension requests to decide, instructions to acknowledge, requests to answer',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  },
  response: {
    200: responseObject({
      items: { type: 'array', items: pendingItem },
      counts: { type: 'object', additionalProperties: { type: 'integer' } },
    }),
    ...errorResponses,
  },
} as const;
export type MyPending = FromSchema<(typeof myPendingRoute.response)[200]>;

export const boardRoute = {
  tags: ['dispatch'],
  summary: 'Supervisor board: assignments of active tasks in the caller’s scope counted by light and by unit',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      category: { type: 'string', maxLength: 50 },
      unitId: { ...uuid, description: 'Only assignments of this unit and the units below it' },
      light,
      period: {
        type: 'string',
        pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$',
        description: 'Deadlines within a year (2026), month (2026-03) or quarter (2026-Q1)',
      },
      allDepths: {
        type: 'boolean',
        default: false,
        description: 'Count re-dispatched subtasks too (default: the units tasks were dispatched to)',
      },
    },
  },
  response: {
    200: responseObject({
      total: { type: 'integer' },
      byLight: lightCounts,
      byUnit: {
        type: 'array',
        items: responseObject({ unitId: uuid, unitName: { type: 'string' }, total: { type: 'integer' }, byLight: lightCounts }),
      },
    }),
    ...errorResponses,
  },
} as const;
/** The supervisor board: assignments counted by light, overall and by unit. */
export type Board = FromSchema<(typeof boardRoute.response)[200]>;

const unitAssignment = responseObject({
  id: uuid,
  taskId: uuid,
  title: { type: 'string' },
  category: { type: 'string' },
  unit: namedRef,
  role: assignmentRole,
  depth: { type: 'integer' },
  status: assignmentStatus,
  light,
  progress: { type: 'integer' },
  ownProgress: { type: 'integer' },
  deadline: timestamp,
  dispatchedAt: timestamp,
  updatedAt: timestamp,
});
/** One row of 本单位任务: an assignment of the caller's unit, or naming the caller. */
export type UnitAssignment = FromSchema<typeof unitAssignment>;

export const unitAssignmentsRoute = {
  tags: ['dispatch'],
  summary:
    '本单位任务: every assignment of the caller’s unit (dispatch.handle) or naming the caller as responsible person, finished ones included; newest first',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      state: {
        type: 'string',
        enum: ['active', 'finished', 'all'],
        default: 'all',
        description: 'active: not acknowledged, in progress or awaiting acceptance; finished: done or closed',
      },
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: unitAssignment }, nextCursor: nullableString }),
    ...errorResponses,
  },
} as const;
