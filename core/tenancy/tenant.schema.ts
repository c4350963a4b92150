import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, plainName, responseObject, tenantSlug, timestamp, uuid } from '../schemas/common.schema.ts';
import { passwordSchema } from '../auth/password-rule.ts';

const tenantStatus = { type: 'string', enum: ['active', 'suspended'] } as const;
export type TenantStatus = FromSchema<typeof tenantStatus>;

export const tenantView = responseObject(
  {
    id: uuid,
    slug: { type: 'string' },
    name: { type: 'string' },
    status: tenantStatus,
    locale: { type: 'string' },
    timeZone: { type: 'string' },
    logoUrl: { type: ['string', 'null'] },
    createdAt: timestamp,
    suspendedAt: { type: ['string', 'null'], format: 'date-time' },
    usage: {
      ...responseObject({
        users: { type: 'integer' },
        people: { type: 'integer' },
        enabledModules: { type: 'integer' },
        records: { type: 'integer' },
      }),
      description: 'In the list; a create or status change answers without it',
    },
  },
  ['usage'],
);
/** A tenant (county) as the operator console lists it. */
export type TenantView = FromSchema<typeof tenantView>;

export const createTenantBody = {
  type: 'object',
  required: ['slug', 'name', 'admin'],
  additionalProperties: false,
  properties: {
    slug: tenantSlug,
    name: plainName,
    locale: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' },
    admin: {
      type: 'object',
      required: ['username', 'displayName', 'password'],
      additionalProperties: false,
      properties: {
        username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,40}$' },
        displayName: plainName,
        password: passwordSchema,
      },
    },
  },
} as const;
export type NewTenant = FromSchema<typeof createTenantBody, { keepDefaultedPropertiesOptional: true }>;

const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } } as const;

export const listTenantsRoute = {
  tags: ['platform'],
  summary: 'List tenants with usage figures',
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
      cursor: { type: 'string', maxLength: 40 },
      q: { type: 'string', maxLength: 100 },
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: tenantView }, nextCursor: { type: ['string', 'null'] } }),
    ...errorResponses,
  },
} as const;
export type TenantPage = FromSchema<(typeof listTenantsRoute.response)[200]>;

export const createTenantRoute = {
  tags: ['platform'],
  summary: 'Create a tenant (county) with its first admin user',
  body: createTenantBody,
  response: { 201: tenantView, ...errorResponses },
} as const;

export const tenantStatusRoute = {
  tags: ['platform'],
  summary: 'Suspend or resume a tenant; a suspended tenant answers 403 and keeps its data',
  params: idParams,
  response: { 200: tenantView, ...errorResponses },
} as const;
