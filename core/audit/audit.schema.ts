import type { FromSchema } from 'json-schema-to-ts';
import { cursorQuery, errorResponses, limitQuery, responseObject, tenantParams, timestamp, uuid } from '../schemas/common.schema.ts';

const auditEntryView = responseObject({
  id: uuid,
  at: timestamp,
  action: { type: 'string' },
  recordType: { type: 'string' },
  recordId: { type: 'string' },
  data: { type: 'object', additionalProperties: true },
  /** The record's name (current, or as the entry recorded it), where one is known (core/audit/audit-record-names.ts). */
  recordName: { type: ['string', 'null'] },
  actor: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['id', 'displayName'],
    properties: { id: uuid, displayName: { type: ['string', 'null'] } },
  },
});
/** One entry of the audit trail as readers get it. */
export type AuditEntry = FromSchema<typeof auditEntryView>;

const auditPage = responseObject({ items: { type: 'array', items: auditEntryView }, nextCursor: { type: ['string', 'null'] } });
export type AuditPage = FromSchema<typeof auditPage>;

export const listAuditQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    recordType: { type: 'string', minLength: 1, maxLength: 100 },
    recordId: { type: 'string', minLength: 1, maxLength: 200 },
    userId: uuid,
    action: { type: 'string', minLength: 1, maxLength: 100 },
    from: timestamp,
    to: timestamp,
    limit: limitQuery,
    cursor: cursorQuery,
  },
} as const;

export const listAuditRoute = {
  tags: ['audit'],
  summary: 'The audit trail, newest first; filter by record, actor (userId), action and time (from inclusive, to exclusive)',
  params: tenantParams,
  querystring: listAuditQuery,
  response: { 200: auditPage, ...errorResponses },
} as const;
/** The trail's filters (`from` inclusive, `to` exclusive, ISO timestamps) and its page. */
export type AuditQuery = FromSchema<typeof listAuditQuery>;

/** One action the audit filter offers, with the installed module it belongs to (null: core). */
const auditActionView = responseObject({ action: { type: 'string' }, moduleId: { type: ['string', 'null'] } });
export type AuditAction = FromSchema<typeof auditActionView>;

const auditActionList = responseObject({ items: { type: 'array', items: auditActionView } });
export type AuditActionList = FromSchema<typeof auditActionList>;

export const listAuditActionsRoute = {
  tags: ['audit'],
  summary: 'The actions the audit trail filter offers: core’s and every action in this tenant’s trail, with the module each belongs to',
  params: tenantParams,
  response: { 200: auditActionList, ...errorResponses },
} as const;
