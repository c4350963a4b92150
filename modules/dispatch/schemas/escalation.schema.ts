import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { longText, nullableString, reasonText } from './common.schema.ts';

export const escalationLevel = { type: 'string', enum: ['urge', 'notice', 'interview'] } as const;
export type EscalationLevel = FromSchema<typeof escalationLevel>;
const nullableLevel = { type: ['string', 'null'], enum: [...escalationLevel.enum, null] } as const;
const line = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  pattern: '^[^<>\\u0000-\\u001f\\u007f]*\\S[^<>\\u0000-\\u001f\\u007f]*$',
} as const;

/** What an interview (约谈) record holds: when, where, who attended, what was said and agreed. */
export const interviewRecord = {
  type: 'object',
  required: ['at', 'place', 'attendees', 'summary'],
  additionalProperties: false,
  properties: {
    at: timestamp,
    place: line,
    attendees: { type: 'array', items: { ...line, maxLength: 50 }, minItems: 1, maxItems: 50 },
    summary: { ...longText(5000), minLength: 1 },
  },
} as const;
export type InterviewRecord = FromSchema<typeof interviewRecord>;

export const escalationView = responseObject({
  id: uuid,
  assignmentId: uuid,
  level: escalationLevel,
  text: { type: 'string' },
  record: { ...responseObject(interviewRecord.properties), type: ['object', 'null'] },
  createdByName: nullableString,
  createdAt: timestamp,
});
/** A step of the escalation ladder raised on an assignment. */
export type EscalationView = FromSchema<typeof escalationView>;

export const raiseEscalationRoute = {
  tags: ['dispatch'],
  summary:
    'Raise the next step of the tenant’s escalation ladder (督办: urge 催办 → notice 督办通知 → interview 约谈) on an assignment; an interview carries its record. The unit is told; for a notice or an interview its head too',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: {
      level: { ...escalationLevel, description: 'The step meant; must be the next one of the ladder (default: the next one)' },
      text: reasonText,
      record: { ...interviewRecord, description: 'Required for an interview, refused for the other steps' },
    },
  },
  response: { 201: escalationView, ...errorResponses },
} as const;

export const assignmentEscalationsRoute = {
  tags: ['dispatch'],
  summary: 'The escalation steps raised on an assignment, oldest first, with its current and next step',
  params: tenantIdParams,
  response: {
    200: responseObject({
      items: { type: 'array', items: escalationView },
      level: nullableLevel,
      next: nullableLevel,
      ladder: { type: 'array', items: escalationLevel, description: 'The tenant’s steps, in order' },
    }),
    ...errorResponses,
  },
} as const;
export type AssignmentEscalations = FromSchema<(typeof assignmentEscalationsRoute.response)[200]>;
