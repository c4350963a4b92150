import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { nullableString, reasonText } from './common.schema.ts';

export const reminderKind = { type: 'string', enum: ['unopened', 'before_deadline', 'overdue', 'urge', 'period_due'] } as const;

export const reminderView = responseObject({
  id: uuid,
  kind: reminderKind,
  occasion: {
    type: 'string',
    description: 'What the reminder was about: a deadline instant and threshold, a period key, the minute of an urge',
  },
  text: { type: 'string' },
  recipients: { type: 'integer' },
  sentByName: nullableString,
  createdAt: timestamp,
});
/** A reminder or urge an assignment got (the reminder ledger). */
export type ReminderView = FromSchema<typeof reminderView>;
const urgeResult = responseObject({ sent: { type: 'boolean' }, reminder: reminderView });
export type UrgeResult = FromSchema<typeof urgeResult>;

export const urgeRoute = {
  tags: ['dispatch'],
  summary:
    'One-click urge (催办) of the unit answering for an assignment, in-app and by SMS (tenant config); a second urge within a minute sends nothing (200 with the earlier one)',
  params: tenantIdParams,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { text: { ...reasonText, maxLength: 500, description: 'Default: the tenant’s urge text' } },
  },
  response: {
    201: urgeResult,
    200: urgeResult,
    ...errorResponses,
  },
} as const;

export const assignmentRemindersRoute = {
  tags: ['dispatch'],
  summary: 'Reminders and urges an assignment got, newest first (the reminder ledger)',
  params: tenantIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  },
  response: { 200: responseObject({ items: { type: 'array', items: reminderView } }), ...errorResponses },
} as const;
