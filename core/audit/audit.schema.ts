import { cursorQuery, errorResponses, limitQuery, tenantParams, timestamp, uuid } from '../schemas/common.schema.ts';

const auditEntryView = {
  type: 'object',
  properties: {
    id: uuid,
    at: timestamp,
    action: { type: 'string' },
    recordType: { type: 'string' },
    recordId: { type: 'string' },
    data: { type: 'object', additionalProperties: true },
    /** The record's name (current, or as the entry recorded it), where one is known. */
    recordName: { type: ['string', 'null'] },
    actor: {
      type: ['object', 'null'],
      properties: { id: uuid, displayName: { type: ['string', 'null'] } },
    },
  },
} as const;

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
  response: {
    200: { type: 'object', properties: { items: { type: 'array', items: auditEntryView }, nextCursor: { type: ['string', 'null'] } } },
    ...errorResponses,
  },
} as const;
