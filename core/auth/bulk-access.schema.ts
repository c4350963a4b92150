import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams, tenantParams, uuid } from '../schemas/common.schema.ts';
import { dataScope } from './role.schema.ts';

const localizedText = responseObject({ 'zh-CN': { type: 'string' }, en: { type: 'string' } });
const passwordDelivery = { type: 'string', enum: ['sms', 'sheet'] } as const;
export type PasswordDelivery = FromSchema<typeof passwordDelivery>;

const personIds = { type: 'array', minItems: 1, maxItems: 200, uniqueItems: true, items: uuid } as const;

const accountCandidate = responseObject({
  personId: uuid,
  name: { type: 'string' },
  phone: { type: 'string' },
  unitName: { type: 'string' },
  account: { ...responseObject({ id: uuid, username: { type: 'string' } }), type: ['object', 'null'] },
});
/** A person of the directory with their account, if any. */
export type AccountCandidate = FromSchema<typeof accountCandidate>;

export const accountCandidatesRoute = {
  tags: ['users'],
  summary: 'People of the directory with their account, if any: whom to give accounts (a unit, optionally with its sub-units, or a search)',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      unitId: uuid,
      includeSubunits: { type: 'boolean', default: true },
      q: { type: 'string', minLength: 1, maxLength: 50 },
      withoutAccount: { type: 'boolean', default: false },
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 200 },
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: accountCandidate }, truncated: { type: 'boolean' } }),
    ...errorResponses,
  },
} as const;
export type AccountCandidates = FromSchema<(typeof accountCandidatesRoute.response)[200]>;

const createdAccount = responseObject({
  userId: uuid,
  personId: uuid,
  name: { type: 'string' },
  unitName: { type: 'string' },
  username: { type: 'string' },
  initialPassword: { type: ['string', 'null'], description: 'Only with delivery "sheet": shown once, never again' },
});
export type CreatedAccount = FromSchema<typeof createdAccount>;

export const bulkCreateAccountsRoute = {
  tags: ['users'],
  summary:
    'Accounts for many people at once (login: their mobile number; must change the password at first sign-in); initial passwords by SMS or on a printable sheet',
  description:
    'All or nothing. People who already have an account are skipped and listed. With `delivery: "sheet"` the response is the only place the initial passwords appear; with `"sms"` each goes to the person’s phone through the SMS outbox and the response holds none.',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['personIds', 'delivery'],
    additionalProperties: false,
    properties: { personIds, delivery: passwordDelivery },
  },
  response: {
    201: responseObject({
      delivery: passwordDelivery,
      smsQueued: { type: 'integer' },
      created: { type: 'array', items: createdAccount },
      skipped: { type: 'array', items: responseObject({ personId: uuid, name: { type: 'string' }, username: { type: 'string' } }) },
    }),
    ...errorResponses,
  },
} as const;
export type BulkAccountsResult = FromSchema<(typeof bulkCreateAccountsRoute.response)[201]>;

const memberChange = {
  type: 'object',
  required: ['personIds'],
  additionalProperties: false,
  properties: { personIds: { ...personIds, maxItems: 5000 } },
} as const;

const membersView = responseObject({
  items: { type: 'array', items: responseObject({ personId: uuid, name: { type: 'string' }, phone: { type: 'string' }, unitId: uuid }) },
});

export const addRoleMembersRoute = {
  tags: ['roles'],
  summary: 'Give the role to many people at once (those who hold it already keep it)',
  params: tenantIdParams,
  body: memberChange,
  response: { 200: membersView, ...errorResponses },
} as const;

export const removeRoleMembersRoute = {
  tags: ['roles'],
  summary: 'Take the role from many people at once',
  params: tenantIdParams,
  body: memberChange,
  response: { 200: membersView, ...errorResponses },
} as const;

const roleTemplate = responseObject({
  key: { type: 'string' },
  name: localizedText,
  description: localizedText,
  grants: { type: 'array', items: responseObject({ permission: { type: 'string' }, scope: dataScope }) },
  missingModules: {
    type: 'array',
    items: { type: 'string' },
    description: 'Installed modules not enabled here whose permissions the template would also grant',
  },
});
export type RoleTemplate = FromSchema<typeof roleTemplate>;

export const listRoleTemplatesRoute = {
  tags: ['roles'],
  summary:
    'Role templates a county starts from (县领导, 督查员, 部门负责人, 镇长, 村干部, 网格员, 帮扶干部): grants of existing permissions of core and enabled modules',
  params: tenantParams,
  response: {
    200: responseObject({ items: { type: 'array', items: roleTemplate } }),
    ...errorResponses,
  },
} as const;
