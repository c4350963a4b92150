import { errorResponses, plainName, tenantSlug, timestamp, uuid } from '../schemas/common.schema.ts';
import { passwordSchema } from '../auth/password-rule.ts';

export const tenantView = {
  type: 'object',
  properties: {
    id: uuid,
    slug: { type: 'string' },
    name: { type: 'string' },
    status: { type: 'string', enum: ['active', 'suspended'] },
    locale: { type: 'string' },
    timeZone: { type: 'string' },
    logoUrl: { type: ['string', 'null'] },
    createdAt: timestamp,
    suspendedAt: { type: ['string', 'null'], format: 'date-time' },
    usage: {
      type: 'object',
      properties: { users: { type: 'integer' }, people: { type: 'integer' }, enabledModules: { type: 'integer' }, records: { type: 'integer' } },
    },
  },
} as const;

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
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: tenantView }, nextCursor: { type: ['string', 'null'] } } }, ...errorResponses },
} as const;

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
