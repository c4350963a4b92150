import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, plainName, responseObject, tenantIdParams, tenantParams, uuid } from '../schemas/common.schema.ts';

/** own_unit: the person's unit; unit_subtree: it and everything below; tenant: everything. */
export const dataScope = { type: 'string', enum: ['own_unit', 'unit_subtree', 'tenant'] } as const;
export type DataScopeKind = FromSchema<typeof dataScope>;

const grant = {
  type: 'object',
  required: ['permission', 'scope'],
  additionalProperties: false,
  properties: {
    permission: { type: 'string', minLength: 1, maxLength: 100 },
    scope: dataScope,
  },
} as const;
export type Grant = FromSchema<typeof grant>;

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
/** A role's name, description and grants, as saved. */
export type RoleInput = FromSchema<typeof roleBody, { keepDefaultedPropertiesOptional: true }>;

export const roleView = responseObject({
  id: uuid,
  name: { type: 'string' },
  description: { type: 'string' },
  grants: { type: 'array', items: responseObject({ permission: { type: 'string' }, scope: dataScope }) },
  memberCount: { type: 'integer' },
});
export type RoleView = FromSchema<typeof roleView>;

const localized = responseObject({ 'zh-CN': { type: 'string' }, en: { type: 'string' } });

const permissionGroup = responseObject({
  moduleId: { type: ['string', 'null'], description: 'null: the core platform' },
  name: localized,
  permissions: { type: 'array', items: responseObject({ id: { type: 'string' }, name: localized }) },
});
/** The permissions of the core platform or of one module. */
export type PermissionGroup = FromSchema<typeof permissionGroup>;

export const listPermissionsRoute = {
  tags: ['roles'],
  summary: 'Every permission a role can grant, grouped by module (core first)',
  params: tenantParams,
  response: {
    200: responseObject({ groups: { type: 'array', items: permissionGroup } }),
    ...errorResponses,
  },
} as const;

export const listRolesRoute = {
  tags: ['roles'],
  summary: 'Roles of the tenant with their grants and member counts',
  params: tenantParams,
  response: { 200: responseObject({ items: { type: 'array', items: roleView } }), ...errorResponses },
} as const;

export const getRoleRoute = {
  tags: ['roles'],
  summary: 'One role',
  params: tenantIdParams,
  response: { 200: roleView, ...errorResponses },
} as const;
export const createRoleRoute = {
  tags: ['roles'],
  summary: 'Create a role with its grants',
  params: tenantParams,
  body: roleBody,
  response: { 201: roleView, ...errorResponses },
} as const;
export const updateRoleRoute = {
  tags: ['roles'],
  summary: 'Rename a role and replace its grants',
  params: tenantIdParams,
  body: roleBody,
  response: { 200: roleView, ...errorResponses },
} as const;
export const deleteRoleRoute = {
  tags: ['roles'],
  summary: 'Delete a role (its members lose it)',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;

const memberView = responseObject({ personId: uuid, name: { type: 'string' }, phone: { type: 'string' }, unitId: uuid });
export type RoleMember = FromSchema<typeof memberView>;

export const listMembersRoute = {
  tags: ['roles'],
  summary: 'People who hold the role',
  params: tenantIdParams,
  response: { 200: responseObject({ items: { type: 'array', items: memberView } }), ...errorResponses },
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
  response: { 200: responseObject({ items: { type: 'array', items: memberView } }), ...errorResponses },
} as const;
