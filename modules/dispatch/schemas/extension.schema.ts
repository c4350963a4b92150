import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { deadlineFields, nullableString, nullableTimestamp, reasonText, unitRef } from './common.schema.ts';

const extensionStatus = { type: 'string', enum: ['pending', 'granted', 'refused'] } as const;

export const extensionView = responseObject({
  id: uuid,
  taskId: uuid,
  assignmentId: uuid,
  unit: unitRef,
  currentDeadline: { ...timestamp, description: 'The assignment’s deadline when the extension was asked for' },
  requestedDeadline: timestamp,
  reason: { type: 'string' },
  status: extensionStatus,
  decisionReason: nullableString,
  requestedByName: nullableString,
  decidedByName: nullableString,
  decidedAt: nullableTimestamp,
  createdAt: timestamp,
});
/** An extension request (延期) and its decision. */
export type ExtensionView = FromSchema<typeof extensionView>;

export const requestExtensionRoute = {
  tags: ['dispatch'],
  summary:
    'Ask for a later deadline (延期) for an assignment, with a reason: an instant or working days from today, after the current deadline and, for a subtask, not after its parent’s. One pending request per assignment',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: { reason: reasonText, ...deadlineFields },
  },
  response: { 201: extensionView, ...errorResponses },
} as const;
export type ExtensionInput = FromSchema<typeof requestExtensionRoute.body>;

export const decideExtensionRoute = {
  tags: ['dispatch'],
  summary:
    'Grant or refuse an extension (the task’s supervisors, or the unit that re-dispatched the assignment). Granting moves the assignment’s deadline (its subtasks keep theirs) and its light follows; refusing needs a reason',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['decision'],
    additionalProperties: false,
    properties: { decision: { type: 'string', enum: ['grant', 'refuse'] }, reason: { ...reasonText, description: 'Required to refuse' } },
  },
  response: { 200: extensionView, ...errorResponses },
} as const;

export const taskExtensionsRoute = {
  tags: ['dispatch'],
  summary: 'Extension requests on a task’s assignments the caller sees, newest first',
  params: tenantIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { status: extensionStatus, assignmentId: uuid, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  },
  response: { 200: responseObject({ items: { type: 'array', items: extensionView } }), ...errorResponses },
} as const;
