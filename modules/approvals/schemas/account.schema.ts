import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams, uuid } from '../../../core/schemas/schema-kit.ts';
import { nullableString, plainText } from './common.schema.ts';

export const accountChoice = responseObject({ id: uuid, name: { type: 'string' }, unitName: nullableString });
export type AccountChoice = FromSchema<typeof accountChoice>;

export const listAccountsRoute = {
  tags: ['approvals'],
  summary: 'Active accounts by name, to pick approvers, a transfer’s or 加签’s colleague, or a deputy (any signed-in user)',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { q: plainText(40), limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
  },
  response: { 200: responseObject({ items: { type: 'array', items: accountChoice } }), ...errorResponses },
} as const;
