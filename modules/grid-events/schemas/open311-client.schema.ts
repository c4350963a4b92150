import type { FromSchema } from 'json-schema-to-ts';
import {
  errorResponses,
  plainName,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { nullableTimestamp, plainText } from './common.schema.ts';

/** Requests an hour a client may file unless its manager says otherwise. */
export const DEFAULT_REQUESTS_PER_HOUR = 100;

/** An Open311 client as its managers see it: never its key, which is shown once, when it is made. */
export const open311ClientView = responseObject({
  id: uuid,
  name: { type: 'string' },
  active: { type: 'boolean' },
  requestsPerHour: { type: 'integer' },
  requestCount: { type: 'integer', description: 'Requests it has filed' },
  createdAt: timestamp,
  lastUsedAt: { ...nullableTimestamp, description: 'Its last accepted request' },
  revokedAt: nullableTimestamp,
});
export type Open311ClientView = FromSchema<typeof open311ClientView>;

export const listOpen311ClientsRoute = {
  tags: ['grid-events', 'open311'],
  summary: 'The systems that file Open311 requests with a key of this county (managers of the whole county)',
  params: tenantParams,
  response: { 200: responseObject({ items: { type: 'array', items: open311ClientView } }), ...errorResponses },
} as const;

export const createOpen311ClientRoute = {
  tags: ['grid-events', 'open311'],
  summary:
    'Issues a key to a system that files Open311 requests (managers of the whole county). The answer carries the key once: only its hash is kept',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: { ...plainName, maxLength: 60, description: 'Who holds the key, e.g. the app or the hotline system' },
      requestsPerHour: { type: 'integer', minimum: 1, maximum: 10_000, default: DEFAULT_REQUESTS_PER_HOUR },
    },
  },
  response: {
    201: responseObject({
      ...open311ClientView.properties,
      apiKey: { type: 'string', description: 'The api_key: shown this once, never again' },
    }),
    ...errorResponses,
  },
} as const;
export type Open311ClientInput = FromSchema<typeof createOpen311ClientRoute.body, { keepDefaultedPropertiesOptional: true }>;

export const revokeOpen311ClientRoute = {
  tags: ['grid-events', 'open311'],
  summary: 'Revokes a client’s key for good (managers of the whole county): its requests stay, new ones get 403',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: { reason: plainText(200) } },
  response: { 200: open311ClientView, ...errorResponses },
} as const;
