import type { RoutePlugin } from '../server/route-plugin.ts';
import { currentUser } from '../auth/session-auth.ts';
import { listNotificationsRoute, markAllReadRoute, markReadRoute, unreadCountRoute } from './notification.schema.ts';
import { NotificationInbox } from './notification.service.ts';

/** The signed-in user's in-app inbox: list, unread count, mark read. */
export const notificationRoutes: RoutePlugin = async (app) => {
  app.get('/notifications', { schema: listNotificationsRoute }, async (request) => {
    const { limit, cursor, unread } = request.query;
    return new NotificationInbox(request.db, currentUser(request).id).list({ limit, cursor, unread });
  });

  app.get('/notifications/unread-count', { schema: unreadCountRoute }, async (request) => ({
    count: await new NotificationInbox(request.db, currentUser(request).id).unreadCount(),
  }));

  app.post('/notifications/read-all', { schema: markAllReadRoute }, async (request) => ({
    updated: await new NotificationInbox(request.db, currentUser(request).id).markAllRead(),
  }));

  app.post('/notifications/:id/read', { schema: markReadRoute }, async (request) =>
    new NotificationInbox(request.db, currentUser(request).id).markRead(request.params.id),
  );
};
