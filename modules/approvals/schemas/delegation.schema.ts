import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams, tenantParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { nullableTimestamp, plainText } from './common.schema.ts';

const day = { type: 'string', format: 'date', description: 'A day of the county’s calendar, YYYY-MM-DD' } as const;

export const delegationView = responseObject({
  id: uuid,
  deputy: responseObject({ id: uuid, name: { type: 'string' } }),
  startsOn: day,
  endsOn: day,
  note: { type: 'string' },
  revokedAt: nullableTimestamp,
  createdAt: timestamp,
});
export type DelegationView = FromSchema<typeof delegationView>;

export const listDelegationsRoute = {
  tags: ['approvals'],
  summary: 'My delegations while away (委托): who decides my approvals, from when to when',
  params: tenantParams,
  response: { 200: responseObject({ items: { type: 'array', items: delegationView } }), ...errorResponses },
} as const;

export const createDelegationRoute = {
  tags: ['approvals'],
  summary: 'Lets a deputy decide my approvals for a range of days; their decisions are recorded as made on my behalf',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['deputyUserId', 'startsOn', 'endsOn'],
    additionalProperties: false,
    properties: { deputyUserId: uuid, startsOn: day, endsOn: day, note: plainText(200) },
  },
  response: { 201: delegationView, ...errorResponses },
} as const;
export type DelegationInput = FromSchema<typeof createDelegationRoute.body>;

export const revokeDelegationRoute = {
  tags: ['approvals'],
  summary: 'Ends a delegation now',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: { 200: delegationView, ...errorResponses },
} as const;
