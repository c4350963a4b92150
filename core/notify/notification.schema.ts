import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, limitQuery, responseObject, tenantIdParams, tenantParams, timestamp, uuid } from '../schemas/common.schema.ts';

export const notificationView = responseObject({
  id: uuid,
  kind: { type: 'string' },
  title: { type: 'string' },
  body: { type: 'string' },
  link: { type: ['string', 'null'], description: 'Path in the web app the notification opens' },
  createdAt: timestamp,
  readAt: { type: ['string', 'null'], format: 'date-time' },
});
/** One notification of the signed-in user's inbox, in the reader's language. */
export type InboxNotification = FromSchema<typeof notificationView>;

const notificationPage = responseObject({ items: { type: 'array', items: notificationView }, nextCursor: { type: ['string', 'null'] } });
export type NotificationPage = FromSchema<typeof notificationPage>;

const unreadCount = responseObject({ count: { type: 'integer' } });
export type UnreadCount = FromSchema<typeof unreadCount>;

const markedRead = responseObject({ updated: { type: 'integer' } });
export type MarkedRead = FromSchema<typeof markedRead>;

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
    200: notificationPage,
    ...errorResponses,
  },
} as const;

export const unreadCountRoute = {
  tags: ['notifications'],
  summary: 'How many of the signed-in user’s notifications are unread',
  params: tenantParams,
  response: { 200: unreadCount, ...errorResponses },
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
  response: { 200: markedRead, ...errorResponses },
} as const;
