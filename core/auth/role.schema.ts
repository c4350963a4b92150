import { errorResponses, plainName, tenantIdParams, tenantParams, uuid } from '../schemas/common.schema.ts';

const grant = {
  type: 'object',
  required: ['permission', 'scope'],
  additionalProperties: false,
  properties: {
    permission: { type: 'string', minLength: 1, maxLength: 100 },
    /** own_unit: the person's unit; unit_subtree: it and everything below; tenant: everything. */
    scope: { type: 'string', enum: ['own_unit', 'unit_subtree', 'tenant'] },
  },
} as const;

const roleBody = {
  type: 'object',
  required: ['name', 'grants'],
  additionalProperties: false,
  properties: {
    name: plainName,
    description: { type: 'string', maxLength: 500, default: '' },
    grants: { type: 'array', maxItems: 500, items: grant },
  },
} as const;

export const roleView = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    description: { type: 'string' },
    grants: { type: 'array', items: { type: 'object', properties: { permission: { type: 'string' }, scope: { type: 'string' } } } },
    memberCount: { type: 'integer' },
  },
} as const;

const localized = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } } } as const;

export const listPermissionsRoute = {
  tags: ['roles'],
  summary: 'Every permission a role can grant, grouped by module (core first)',
  params: tenantParams,
  response: {
    200: {
      type: 'object',
      properties: {
        groups: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              moduleId: { type: ['string', 'null'] },
              name: localized,
              permissions: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: localized } } },
            },
          },
        },
      },
    },
    ...errorResponses,
  },
} as const;

export const listRolesRoute = {
  tags: ['roles'],
  summary: 'Roles of the tenant with their grants and member counts',
  params: tenantParams,
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: roleView } } }, ...errorResponses },
} as const;

export const getRoleRoute = { tags: ['roles'], summary: 'One role', params: tenantIdParams, response: { 200: roleView, ...errorResponses } } as const;
export const createRoleRoute = { tags: ['roles'], summary: 'Create a role with its grants', params: tenantParams, body: roleBody, response: { 201: roleView, ...errorResponses } } as const;
export const updateRoleRoute = { tags: ['roles'], summary: 'Rename a role and replace its grants', params: tenantIdParams, body: roleBody, response: { 200: roleView, ...errorResponses } } as const;
export const deleteRoleRoute = { tags: ['roles'], summary: 'Delete a role (its members lose it)', params: tenantIdParams, response: { 204: { type: 'null' }, ...errorResponses } } as const;

const memberView = { type: 'object', properties: { personId: uuid, name: { type: 'string' }, phone: { type: 'string' }, unitId: uuid } } as const;

export const listMembersRoute = {
  tags: ['roles'],
  summary: 'People who hold the role',
  params: tenantIdParams,
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: memberView } } }, ...errorResponses },
} as const;

export const setMembersRoute = {
  tags: ['roles'],
  summary: 'Set exactly who holds the role',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['personIds'],
    additionalProperties: false,
    properties: { personIds: { type: 'array', maxItems: 5000, uniqueItems: true, items: uuid } },
  },
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: memberView } } }, ...errorResponses },
} as const;
