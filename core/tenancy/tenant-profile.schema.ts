import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, plainName, responseObject, timeZoneName, uuid } from '../schemas/common.schema.ts';
import { passwordSchema } from '../auth/password-rule.ts';
import { tenantView } from './tenant.schema.ts';

const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } } as const;

const adminView = responseObject({
  id: uuid,
  username: { type: 'string' },
  displayName: { type: 'string' },
  status: { type: 'string' },
  locked: { type: 'boolean' },
});
/** One of a county's admins, as the operator sees them. */
export type TenantAdmin = FromSchema<typeof adminView>;

export const getTenantRoute = {
  tags: ['platform'],
  summary: 'One county: its profile and its admins',
  params: idParams,
  response: { 200: responseObject({ tenant: tenantView, admins: { type: 'array', items: adminView } }), ...errorResponses },
} as const;
export type TenantProfile = FromSchema<(typeof getTenantRoute.response)[200]>;

export const updateTenantRoute = {
  tags: ['platform'],
  summary: 'Edit a county’s profile: name, default language, time zone, logo (audited in the county’s trail)',
  params: idParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      name: plainName,
      locale: { type: 'string', enum: ['zh-CN', 'en'] },
      /** The county's clock: every time is shown, exported and counted in it. */
      timeZone: timeZoneName,
      /** An https address or a path on this server; null removes the logo. */
      logoUrl: { anyOf: [{ type: 'string', maxLength: 500, pattern: '^(https://|/)[^\\s<>"\']+$' }, { type: 'null' }] },
    },
  },
  response: { 200: tenantView, ...errorResponses },
} as const;
export type TenantProfileChange = FromSchema<typeof updateTenantRoute.body>;

export const resetTenantAdminPasswordRoute = {
  tags: ['platform'],
  summary:
    'Reset a county admin’s password: unlocks, ends their sessions, requires a new one at next sign-in (audited in the county’s trail)',
  params: { type: 'object', required: ['id', 'userId'], additionalProperties: false, properties: { id: uuid, userId: uuid } },
  body: { type: 'object', required: ['newPassword'], additionalProperties: false, properties: { newPassword: passwordSchema } },
  response: { 200: adminView, ...errorResponses },
} as const;
