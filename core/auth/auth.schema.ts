import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, okResponse, responseObject, tenantParams, uuid } from '../schemas/common.schema.ts';
import { passwordSchema } from './password-rule.ts';

export const loginBody = {
  type: 'object',
  required: ['login', 'password'],
  additionalProperties: false,
  properties: {
    /** Username or phone number. */
    login: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 128 },
  },
} as const;

export const sessionUser = responseObject({
  id: uuid,
  username: { type: 'string' },
  displayName: { type: 'string' },
  personId: { type: ['string', 'null'] },
  unit: {
    ...responseObject({ id: uuid, name: { type: 'string' } }),
    type: ['object', 'null'],
    description: 'The unit of the user’s directory entry (null without one): what pages default to',
  },
  isTenantAdmin: { type: 'boolean' },
  mustChangePassword: { type: 'boolean' },
  locale: {
    type: ['string', 'null'],
    enum: ['zh-CN', 'en', null],
    description: 'The language the user chose; null: the county’s (tenant.locale)',
  },
});
export type SessionUser = FromSchema<typeof sessionUser>;

const sessionTenant = responseObject({
  id: uuid,
  slug: { type: 'string' },
  name: { type: 'string' },
  locale: { type: 'string' },
  logoUrl: { type: ['string', 'null'] },
  timeZone: { type: 'string' },
});
/** The tenant as its users see it; `timeZone` is the county's clock, which pages show times in. */
export type SessionTenant = FromSchema<typeof sessionTenant>;

export const sessionResponse = responseObject({
  user: sessionUser,
  csrfToken: { type: 'string' },
  tenant: sessionTenant,
  /** Permissions the user holds (all of them for a tenant admin), for menus. */
  permissions: { type: 'array', items: { type: 'string' } },
});
/** A signed-in user's session: who, the CSRF token, the tenant and the permissions held. */
export type TenantSession = FromSchema<typeof sessionResponse>;

/** A platform operator's session (operators are not tenant users). */
export const operatorSession = responseObject({
  operator: responseObject({
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    mustChangePassword: { type: 'boolean' },
  }),
  csrfToken: { type: 'string' },
});
export type OperatorSession = FromSchema<typeof operatorSession>;

export const loginRoute = {
  tags: ['auth'],
  summary: 'Sign in with username or phone and password',
  params: tenantParams,
  body: loginBody,
  response: { 200: sessionResponse, 429: errorResponses[403], ...errorResponses },
} as const;

export const meRoute = {
  tags: ['auth'],
  summary: 'The signed-in user, the CSRF token and the permissions held',
  params: tenantParams,
  response: { 200: sessionResponse, ...errorResponses },
} as const;

/** The languages a user may choose; null goes back to the county's. */
const userLocale = { type: ['string', 'null'], enum: ['zh-CN', 'en', null] } as const;

export const updateMeRoute = {
  tags: ['auth'],
  summary: 'Change the signed-in user’s own preferences: the language (notifications and SMS come in it)',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['locale'],
    additionalProperties: false,
    properties: { locale: userLocale },
  },
  response: { 200: sessionResponse, ...errorResponses },
} as const;

export const logoutRoute = {
  tags: ['auth'],
  summary: 'Sign out (ends the server-side session)',
  params: tenantParams,
  response: { 200: okResponse, ...errorResponses },
} as const;

const changePasswordBody = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 128 }, newPassword: passwordSchema },
} as const;

export const changePasswordRoute = {
  tags: ['auth'],
  summary: 'Change the own password; other sessions are ended',
  params: tenantParams,
  body: changePasswordBody,
  response: { 200: okResponse, ...errorResponses },
} as const;

export const operatorChangePasswordRoute = {
  tags: ['platform'],
  summary: 'The operator changes their own password; their other sessions are ended',
  body: changePasswordBody,
  response: { 200: okResponse, ...errorResponses },
} as const;
