import { errorResponseSchema } from '../server/errors.ts';

export const uuid = { type: 'string', format: 'uuid' } as const;

/** Tenant slug: what appears in every tenant URL. */
export const tenantSlug = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' } as const;

export const tenantParams = {
  type: 'object',
  required: ['tenant'],
  additionalProperties: false,
  properties: { tenant: tenantSlug },
} as const;

export const tenantIdParams = {
  type: 'object',
  required: ['tenant', 'id'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, id: uuid },
} as const;

/** Names of people, units, roles: plain text, no markup or control characters. */
export const plainName = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^<>\\u0000-\\u001f\\u007f]+$' } as const;

/** Mainland mobile numbers (11 digits starting with 1) or landlines with area code. */
export const phoneNumber = { type: 'string', pattern: '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$' } as const;

export const limitQuery = { type: 'integer', minimum: 1, maximum: 200, default: 20 } as const;
export const cursorQuery = { type: 'string', maxLength: 200 } as const;

export const timestamp = { type: 'string', format: 'date-time' } as const;

/** Standard error responses, spread into each route's `response`. */
export const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
} as const;

export const okResponse = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;
