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
import { plainText } from './common.schema.ts';
import { flowDefinition } from './flow.schema.ts';

export const typeView = responseObject({
  id: uuid,
  name: { type: 'string' },
  category: { type: 'string' },
  description: { type: 'string' },
  formId: uuid,
  formVersion: { type: 'integer' },
  version: { type: 'integer', description: 'The flow version new requests take' },
  active: { type: 'boolean' },
  flow: flowDefinition,
  /** The form applicants fill (the version new requests take). */
  form: responseObject({
    name: { type: 'string' },
    schema: { type: 'object', additionalProperties: true },
    uiSchema: { type: 'object', additionalProperties: true },
  }),
  updatedAt: timestamp,
});
export type TypeView = FromSchema<typeof typeView>;

const typeBody = {
  type: 'object',
  required: ['name', 'formId', 'flow'],
  additionalProperties: false,
  properties: {
    name: { ...plainName, maxLength: 40 },
    category: plainText(40),
    description: plainText(500),
    formId: { ...uuid, description: 'A published form of the forms module; its latest version is taken' },
    flow: flowDefinition,
    active: { type: 'boolean' },
  },
} as const;
export type TypeInput = FromSchema<typeof typeBody>;

export const listTypesRoute = {
  tags: ['approvals'],
  summary: 'Approval types: the active ones to apply with; managers see inactive ones too',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { includeInactive: { type: 'boolean', default: false } } },
  response: { 200: responseObject({ items: { type: 'array', items: typeView } }), ...errorResponses },
} as const;

export const getTypeRoute = {
  tags: ['approvals'],
  summary: 'One approval type with its current flow',
  params: tenantIdParams,
  response: { 200: typeView, ...errorResponses },
} as const;

export const createTypeRoute = {
  tags: ['approvals'],
  summary: 'Defines an approval type: a form and a flow (managers)',
  params: tenantParams,
  body: typeBody,
  response: { 201: typeView, ...errorResponses },
} as const;

export const updateTypeRoute = {
  tags: ['approvals'],
  summary: 'Saves an approval type; a changed form or flow is a new version, requests in flight keep theirs (managers)',
  params: tenantIdParams,
  body: typeBody,
  response: { 200: typeView, ...errorResponses },
} as const;
