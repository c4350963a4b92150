import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';

// Mirrors core/notify/notification.schema.ts.
export interface InboxNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Path in the web app the notification opens. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const fetchUnreadCount = (slug: string, signal?: AbortSignal) =>
  apiRequest<{ count: number }>(tenantScope(slug), '/notifications/unread-count', { signal });

export const fetchRecentNotifications = (slug: string, limit: number, signal?: AbortSignal) =>
  apiRequest<{ items: InboxNotification[]; nextCursor: string | null }>(tenantScope(slug), '/notifications', { query: { limit }, signal });

// The action routes take an empty JSON object as their body.
export const markNotificationRead = (slug: string, id: string) =>
  apiRequest<InboxNotification>(tenantScope(slug), `/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });

export const markAllNotificationsRead = (slug: string) =>
  apiRequest<{ updated: number }>(tenantScope(slug), '/notifications/read-all', { method: 'POST', body: {} });
