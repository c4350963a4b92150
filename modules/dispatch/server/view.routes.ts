import { moduleActor, type RoutePlugin } from '../../../core/module-kit.ts';
import { boardRoute, myPendingRoute, unitAssignmentsRoute } from '../schemas/view.schema.ts';
import { unitAssignments } from './unit-assignments.service.ts';
import { board } from './board.service.ts';
import { dispatchScopes } from './dispatch-scopes.ts';
import { assignmentsToHandle, myPending, redispatchedAssignmentIds, reportsToReview, type PendingSection } from './pending.service.ts';
import { extensionsToDecide } from './extension-pending.service.ts';
import { instructionsToAcknowledge } from './instruction-pending.ts';
import { requestsToHandle } from './request-pending.ts';

/** Every kind of pending work, in one list: a new kind adds its section here. */
const PENDING_SECTIONS: PendingSection[] = [
  assignmentsToHandle,
  reportsToReview,
  extensionsToDecide,
  instructionsToAcknowledge,
  requestsToHandle,
];

/** The views across tasks: my pending work, the supervisor board. */
export const viewRoutes: RoutePlugin = async (app) => {
  app.get('/my-pending', { schema: myPendingRoute }, async (request) => {
    const actor = await moduleActor(request);
    const scopes = await dispatchScopes(request);
    const viewer = { actor, ...scopes, redispatched: await redispatchedAssignmentIds(request.db, actor, scopes.handle) };
    return myPending(request.db, viewer, PENDING_SECTIONS, request.query.limit);
  });

  app.get('/my-assignments', { schema: unitAssignmentsRoute }, async (request) => {
    const actor = await moduleActor(request);
    const { handle } = await dispatchScopes(request);
    return unitAssignments(request.db, actor, handle, request.query);
  });

  app.get('/board', { schema: boardRoute, config: { permission: 'dispatch.supervise' } }, async (request) => {
    return board(request.db, request.scope, request.query, request.tenant.timeZone);
  });
};
