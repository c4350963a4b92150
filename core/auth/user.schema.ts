import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  phoneNumber,
  plainName,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../schemas/common.schema.ts';
import { passwordSchema } from './password-rule.ts';

export const username = { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,40}$' } as const;

export const userView = responseObject({
  id: uuid,
  username: { type: 'string' },
  displayName: { type: 'string' },
  phone: { type: ['string', 'null'] },
  personId: { type: ['string', 'null'] },
  isTenantAdmin: { type: 'boolean' },
  status: { type: 'string', enum: ['active', 'disabled'] },
  mustChangePassword: { type: 'boolean' },
  locked: { type: 'boolean' },
  createdAt: timestamp,
});
/** A sign-in account of the tenant. */
export type UserView = FromSchema<typeof userView>;

export const listUsersRoute = {
  tags: ['users'],
  summary: 'Accounts of the tenant, searchable by username, name or phone',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { limit: limitQuery, cursor: cursorQuery, q: { type: 'string', maxLength: 50 } },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: userView }, nextCursor: { type: ['string', 'null'] } }),
    ...errorResponses,
  },
} as const;

export const createUserRoute = {
  tags: ['users'],
  summary: 'Create an account (optionally linked to a person of the directory)',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['username', 'displayName', 'password'],
    additionalProperties: false,
    properties: {
      username,
      displayName: plainName,
      phone: phoneNumber,
      personId: uuid,
      password: passwordSchema,
      isTenantAdmin: { type: 'boolean', default: false },
      mustChangePassword: { type: 'boolean', default: true },
    },
  },
  response: { 201: userView, ...errorResponses },
} as const;
export type NewUser = FromSchema<typeof createUserRoute.body, { keepDefaultedPropertiesOptional: true }>;

export const updateUserRoute = {
  tags: ['users'],
  summary: 'Change an account: name, phone, person, admin flag, enabled or disabled',
  params: tenantIdParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      displayName: plainName,
      phone: { anyOf: [phoneNumber, { type: 'null' }] },
      personId: { anyOf: [uuid, { type: 'null' }] },
      isTenantAdmin: { type: 'boolean' },
      status: { type: 'string', enum: ['active', 'disabled'] },
    },
  },
  response: { 200: userView, ...errorResponses },
} as const;
export type UserChanges = FromSchema<typeof updateUserRoute.body>;

export const resetPasswordRoute = {
  tags: ['users'],
  summary: 'Admin reset: set a new password, unlock, end the user’s sessions, require a change at next sign-in',
  params: tenantIdParams,
  body: { type: 'object', required: ['newPassword'], additionalProperties: false, properties: { newPassword: passwordSchema } },
  response: { 200: userView, ...errorResponses },
} as const;

export const unlockUserRoute = {
  tags: ['users'],
  summary: 'Lift every sign-in lock of the account, from every address (the password stays)',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: { 200: userView, ...errorResponses },
} as const;
