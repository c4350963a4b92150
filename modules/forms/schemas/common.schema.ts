import type { FromSchema } from 'json-schema-to-ts';
import { tenantIdParams, tenantSlug, uuid } from '../../../core/schemas/schema-kit.ts';

/** Any JSON value object (a tenant-authored schema, uiSchema or submission data): checked by the services, not the route. */
export const jsonObject = { type: 'object', additionalProperties: true } as const;
export type JsonObject = FromSchema<typeof jsonObject>;

/** A form (or collection, submission, export) id under the tenant: core's tenant + id params. */
export const formIdParams = tenantIdParams;

export const versionNumber = { type: 'integer', minimum: 1, maximum: 100000 } as const;

export const formVersionParams = {
  type: 'object',
  required: ['tenant', 'id', 'version'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, id: uuid, version: versionNumber },
} as const;

/** `2025-03` (month), `2025-W12` (ISO week), `2025-Q1` (quarter) or `once`. */
export const periodKey = {
  type: 'string',
  pattern: '^(once|\\d{4}-(0[1-9]|1[0-2])|\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])|\\d{4}-Q[1-4])$',
} as const;

export const collectionPeriodParams = {
  type: 'object',
  required: ['tenant', 'id', 'period'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, id: uuid, period: periodKey },
} as const;

export const isoDate = { type: 'string', format: 'date' } as const;

/** Free text on a form or collection: no markup or control characters. */
export const plainText = (maxLength: number) =>
  ({ type: 'string', maxLength, pattern: '^[^<>\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' }) as const;
