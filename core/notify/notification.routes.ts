import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../http/route-plugin.ts';
import { currentUser } from '../http/request-context.ts';
import { listNotificationsRoute, markAllReadRoute, markReadRoute, unreadCountRoute } from './notification.schema.ts';
import { NotificationInbox } from './notification.service.ts';
import { readerLanguage } from './reader-language.ts';

/** The signed-in user's inbox, rendered in their language. */
const inboxOf = (request: FastifyRequest) =>
  new NotificationInbox(
    request.db,
    { userId: currentUser(request).id, language: readerLanguage(request) },
    request.server.notifier.messages,
  );

/** The signed-in user's in-app inbox: list, unread count, mark read. */
export const notificationRoutes: RoutePlugin = async (app) => {
  app.get('/notifications', { schema: listNotificationsRoute }, async (request) => {
    const { limit, cursor, unread } = request.query;
    return inboxOf(request).list({ limit, cursor, unread });
  });

  app.get('/notifications/unread-count', { schema: unreadCountRoute }, async (request) => ({
    count: await inboxOf(request).unreadCount(),
  }));

  app.post('/notifications/read-all', { schema: markAllReadRoute }, async (request) => ({
    updated: await inboxOf(request).markAllRead(),
  }));

  app.post('/notifications/:id/read', { schema: markReadRoute }, async (request) => inboxOf(request).markRead(request.params.id));
};
