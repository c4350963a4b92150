import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { longText, namedRef, nullableString } from './common.schema.ts';

const unitAck = responseObject({
  assignmentId: uuid,
  unitName: { type: 'string' },
  acknowledgedBy: nullableString,
  acknowledgedAt: { type: ['string', 'null'], format: 'date-time' },
});
export type UnitAck = FromSchema<typeof unitAck>;

export const instructionView = responseObject({
  id: uuid,
  taskId: uuid,
  text: { type: 'string' },
  givenBy: namedRef,
  createdAt: timestamp,
  acknowledged: {
    type: 'array',
    items: unitAck,
    description: 'Units (top-level assignments the caller sees) that acknowledged, with who and when',
  },
  waiting: { type: 'array', items: unitAck, description: 'Units (top-level assignments the caller sees) that have not acknowledged yet' },
  canAcknowledge: { type: 'boolean', description: 'The caller answers for a unit that still has to acknowledge' },
});
/** A leader's instruction (批示) with the units that acknowledged it and those still waiting. */
export type InstructionView = FromSchema<typeof instructionView>;

export const giveInstructionRoute = {
  tags: ['dispatch'],
  summary:
    'A leader’s instruction (批示) on a task (dispatch.instruct over its supervising unit). Every unit the task was dispatched to must acknowledge it; they are told in-app and by SMS (smsReminders)',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: { text: { ...longText(2000), minLength: 1, description: 'Not blank' } },
  },
  response: { 201: instructionView, ...errorResponses },
} as const;

export const listInstructionsRoute = {
  tags: ['dispatch'],
  summary: 'A task’s instructions, newest first, with the units that acknowledged them and those still waiting',
  params: tenantIdParams,
  response: { 200: responseObject({ items: { type: 'array', items: instructionView } }), ...errorResponses },
} as const;

export const acknowledgeInstructionRoute = {
  tags: ['dispatch'],
  summary:
    'Acknowledge an instruction for every unit of the task the caller answers for (a top-level assignment); 409 when already acknowledged',
  params: tenantIdParams,
  response: { 200: instructionView, ...errorResponses },
} as const;
