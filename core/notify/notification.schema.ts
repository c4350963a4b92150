import { errorResponses, limitQuery, tenantIdParams, tenantParams, timestamp, uuid } from '../schemas/common.schema.ts';

export const notificationView = {
  type: 'object',
  properties: {
    id: uuid,
    kind: { type: 'string' },
    title: { type: 'string' },
    body: { type: 'string' },
    link: { type: ['string', 'null'] },
    createdAt: timestamp,
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const listNotificationsRoute = {
  tags: ['notifications'],
  summary: 'The signed-in user’s notifications, newest first',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: limitQuery,
      cursor: uuid,
      unread: { type: 'boolean', default: false },
    },
  },
  response: {
    200: { type: 'object', properties: { items: { type: 'array', items: notificationView }, nextCursor: { type: ['string', 'null'] } } },
    ...errorResponses,
  },
} as const;

export const unreadCountRoute = {
  tags: ['notifications'],
  summary: 'How many of the signed-in user’s notifications are unread',
  params: tenantParams,
  response: { 200: { type: 'object', properties: { count: { type: 'integer' } } }, ...errorResponses },
} as const;

/** The action routes take no fields: `{}` (the id is in the path). */
const emptyBody = { type: 'object', additionalProperties: false, properties: {} } as const;

export const markReadRoute = {
  tags: ['notifications'],
  summary: 'Mark one of the signed-in user’s notifications read (again is harmless)',
  params: tenantIdParams,
  body: emptyBody,
  response: { 200: notificationView, ...errorResponses },
} as const;

export const markAllReadRoute = {
  tags: ['notifications'],
  summary: 'Mark all of the signed-in user’s notifications read',
  params: tenantParams,
  body: emptyBody,
  response: { 200: { type: 'object', properties: { updated: { type: 'integer' } } }, ...errorResponses },
} as const;
