import { cursorQuery, errorResponses, limitQuery, tenantParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { light, nullableString, nullableTimestamp } from './common.schema.ts';

const lightCounts = {
  type: 'object',
  properties: { white: { type: 'integer' }, blue: { type: 'integer' }, green: { type: 'integer' }, yellow: { type: 'integer' }, red: { type: 'integer' } },
} as const;

export const pendingItem = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['assignment', 'review', 'extension', 'instruction', 'request'] },
    id: uuid,
    title: { type: 'string' },
    taskId: nullableString,
    assignmentId: nullableString,
    unitName: nullableString,
    light: { type: ['string', 'null'], enum: [...light.enum, null] },
    status: { type: 'string' },
    deadline: nullableTimestamp,
    at: timestamp,
  },
} as const;

export const myPendingRoute = {
  tags: ['dispatch'],
  summary: 'What the caller must do now, most urgent first: assignments to handle, reports to review, extension requests to decide, instructions to acknowledge, requests to answer',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } } },
  response: {
    200: {
      type: 'object',
      properties: {
        items: { type: 'array', items: pendingItem },
        counts: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    },
    ...errorResponses,
  },
} as const;

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
      period: { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$', description: 'Deadlines within a year (2026), month (2026-03) or quarter (2026-Q1)' },
      allDepths: { type: 'boolean', default: false, description: 'Count re-dispatched subtasks too (default: the units tasks were dispatched to)' },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        total: { type: 'integer' },
        byLight: lightCounts,
        byUnit: { type: 'array', items: { type: 'object', properties: { unitId: uuid, unitName: { type: 'string' }, total: { type: 'integer' }, byLight: lightCounts } } },
      },
    },
    ...errorResponses,
  },
} as const;

export const unitAssignmentsRoute = {
  tags: ['dispatch'],
  summary: '本单位任务: every assignment of the caller’s unit (dispatch.handle) or naming the caller as responsible person, finished ones included; newest first',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      state: { type: 'string', enum: ['active', 'finished', 'all'], default: 'all', description: 'active: not acknowledged, in progress or awaiting acceptance; finished: done or closed' },
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: uuid,
              taskId: uuid,
              title: { type: 'string' },
              category: { type: 'string' },
              unit: { type: 'object', properties: { id: uuid, name: { type: 'string' } } },
              role: { type: 'string', enum: ['lead', 'co'] },
              depth: { type: 'integer' },
              status: { type: 'string', enum: ['pending', 'open', 'submitted', 'done', 'closed'] },
              light,
              progress: { type: 'integer' },
              ownProgress: { type: 'integer' },
              deadline: timestamp,
              dispatchedAt: timestamp,
              updatedAt: timestamp,
            },
          },
        },
        nextCursor: nullableString,
      },
    },
    ...errorResponses,
  },
} as const;
