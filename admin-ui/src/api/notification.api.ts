import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import type { InboxNotification, MarkedRead, NotificationPage, UnreadCount } from '../../../core/notify/notification.schema';

export type { InboxNotification } from '../../../core/notify/notification.schema';

export const fetchUnreadCount = (slug: string, signal?: AbortSignal) =>
  apiRequest<UnreadCount>(tenantScope(slug), '/notifications/unread-count', { signal });

export const fetchRecentNotifications = (slug: string, limit: number, signal?: AbortSignal) =>
  apiRequest<NotificationPage>(tenantScope(slug), '/notifications', { query: { limit }, signal });

// The action routes take an empty JSON object as their body.
export const markNotificationRead = (slug: string, id: string) =>
  apiRequest<InboxNotification>(tenantScope(slug), `/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });

export const markAllNotificationsRead = (slug: string) =>
  apiRequest<MarkedRead>(tenantScope(slug), '/notifications/read-all', { method: 'POST', body: {} });
