import { requirePermission } from '../../../core/auth/permissions.ts';
import type { RoutePlugin } from '../../../core/server/route-plugin.ts';
import { boardRoute, myPendingRoute } from '../schemas/view.schema.ts';
import { board } from './board.service.ts';
import { dispatchActor, scopeOrNull } from './dispatch-actor.ts';
import { assignmentsToHandle, myPending, reportsToReview, type PendingSection } from './pending.service.ts';

/** Every kind of pending work, in one list: a new kind adds its section here. */
const PENDING_SECTIONS: PendingSection[] = [assignmentsToHandle, reportsToReview];

/** The views across tasks: my pending work, the supervisor board. */
export const viewRoutes: RoutePlugin = async (app) => {
  app.get('/my-pending', { schema: myPendingRoute }, async (request) => {
    const viewer = {
      actor: await dispatchActor(request),
      supervise: await scopeOrNull(request, 'dispatch.supervise'),
      handle: await scopeOrNull(request, 'dispatch.handle'),
      instruct: await scopeOrNull(request, 'dispatch.instruct'),
      request: await scopeOrNull(request, 'dispatch.request'),
    };
    return myPending(request.db, viewer, PENDING_SECTIONS, request.query.limit);
  });

  app.get('/board', { schema: boardRoute }, async (request) => {
    return board(request.db, await requirePermission(request, 'dispatch.supervise'), request.query);
  });
};
