import { errorResponses, tenantIdParams, tenantParams, uuid } from '../schemas/common.schema.ts';

const localizedText = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } } } as const;

const personIds = { type: 'array', minItems: 1, maxItems: 200, uniqueItems: true, items: uuid } as const;

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
    200: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              personId: uuid,
              name: { type: 'string' },
              phone: { type: 'string' },
              unitName: { type: 'string' },
              account: { type: ['object', 'null'], properties: { id: uuid, username: { type: 'string' } } },
            },
          },
        },
        truncated: { type: 'boolean' },
      },
    },
    ...errorResponses,
  },
} as const;

export const bulkCreateAccountsRoute = {
  tags: ['users'],
  summary: 'Accounts for many people at once (login: their mobile number; must change the password at first sign-in); initial passwords by SMS or on a printable sheet',
  description:
    'All or nothing. People who already have an account are skipped and listed. With `delivery: "sheet"` the response is the only place the initial passwords appear; with `"sms"` each goes to the person’s phone through the SMS outbox and the response holds none.',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['personIds', 'delivery'],
    additionalProperties: false,
    properties: { personIds, delivery: { type: 'string', enum: ['sms', 'sheet'] } },
  },
  response: {
    201: {
      type: 'object',
      properties: {
        delivery: { type: 'string' },
        smsQueued: { type: 'integer' },
        created: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              userId: uuid,
              personId: uuid,
              name: { type: 'string' },
              unitName: { type: 'string' },
              username: { type: 'string' },
              initialPassword: { type: ['string', 'null'] },
            },
          },
        },
        skipped: { type: 'array', items: { type: 'object', properties: { personId: uuid, name: { type: 'string' }, username: { type: 'string' } } } },
      },
    },
    ...errorResponses,
  },
} as const;

const memberChange = {
  type: 'object',
  required: ['personIds'],
  additionalProperties: false,
  properties: { personIds: { ...personIds, maxItems: 5000 } },
} as const;

const membersView = {
  type: 'object',
  properties: { items: { type: 'array', items: { type: 'object', properties: { personId: uuid, name: { type: 'string' }, phone: { type: 'string' }, unitId: uuid } } } },
} as const;

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

export const listRoleTemplatesRoute = {
  tags: ['roles'],
  summary: 'Role templates a county starts from (县领导, 督查员, 部门负责人, 镇长, 村干部, 网格员, 帮扶干部): grants of existing permissions of core and enabled modules',
  params: tenantParams,
  response: {
    200: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              key: { type: 'string' },
              name: localizedText,
              description: localizedText,
              grants: { type: 'array', items: { type: 'object', properties: { permission: { type: 'string' }, scope: { type: 'string' } } } },
              missingModules: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
    ...errorResponses,
  },
} as const;
