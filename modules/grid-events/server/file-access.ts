import type { FileAccessCheck } from '../../../core/module-kit.ts';
import { eventAccess } from './event-access.ts';

/**
 * Who may read the photos attached to an event through core's `/files`: whoever sees the event in
 * the app (its handling unit or grid in their scope, or they reported it). Citizens read their
 * report's photos through the public route, by its tracking code.
 */
export const gridEventsFileAccess: Record<string, FileAccessCheck> = {
  event: async (request, eventId) => {
    if (!request.user) return false;
    return Boolean(await eventAccess(request, eventId));
  },
};
