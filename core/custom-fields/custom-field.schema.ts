import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantSlug, timestamp } from '../schemas/common.schema.ts';

/** Any JSON Schema (or uiSchema): checked by the tenant-schema guard, not by the route. */
const jsonSchemaObject = { type: 'object', additionalProperties: true } as const;

export const recordTypeParams = {
  type: 'object',
  required: ['tenant', 'moduleId', 'recordType'],
  additionalProperties: false,
  properties: {
    tenant: tenantSlug,
    moduleId: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}$' },
    recordType: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 60 },
  },
} as const;

/** A tenant's custom fields of one record type: a JSON Schema object fragment and its uiSchema. */
const fieldSetView = responseObject({
  moduleId: { type: 'string' },
  recordType: { type: 'string' },
  schema: jsonSchemaObject,
  uiSchema: jsonSchemaObject,
  version: { type: 'integer', description: '0 until the first change; +1 on each change' },
  updatedAt: { ...timestamp, type: ['string', 'null'] },
});
export type CustomFieldSetView = FromSchema<typeof fieldSetView>;

/** The record type's schema with the tenant's fields under `custom`, as a browser form renders it. */
const effectiveSchemaView = responseObject({
  moduleId: { type: 'string' },
  recordType: { type: 'string' },
  version: { type: 'integer' },
  schema: jsonSchemaObject,
  uiSchema: jsonSchemaObject,
});
export type EffectiveSchemaView = FromSchema<typeof effectiveSchemaView>;

const putCustomFieldsBody = {
  type: 'object',
  required: ['schema'],
  additionalProperties: false,
  properties: {
    schema: { ...jsonSchemaObject, description: "{ type: 'object', properties: {...}, required: [...] }" },
    uiSchema: jsonSchemaObject,
    version: { type: 'integer', minimum: 0, description: 'The version this change is based on; a different current version is a 409' },
  },
} as const;
export type CustomFieldSetChange = FromSchema<typeof putCustomFieldsBody>;

export const getCustomFieldsRoute = {
  tags: ['custom-fields'],
  summary: 'The tenant’s custom fields of a record type: a JSON Schema object fragment and its uiSchema',
  params: recordTypeParams,
  response: { 200: fieldSetView, ...errorResponses },
} as const;

export const putCustomFieldsRoute = {
  tags: ['custom-fields'],
  summary:
    'Replace the custom fields of a record type; the schema is checked as untrusted input (size, depth, local $ref only, no $data, safe patterns)',
  params: recordTypeParams,
  body: putCustomFieldsBody,
  response: { 200: fieldSetView, ...errorResponses },
} as const;

export const effectiveSchemaRoute = {
  tags: ['custom-fields'],
  summary: 'The record type’s schema with the tenant’s custom fields under `custom`, and the merged uiSchema, for the browser form',
  params: recordTypeParams,
  response: { 200: effectiveSchemaView, ...errorResponses },
} as const;
