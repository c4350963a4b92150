import { audit, type RoutePlugin } from '../../../core/module-kit.ts';
import { assignmentEscalationsRoute, raiseEscalationRoute } from '../schemas/escalation.schema.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import { assignmentAccess, requireOpen } from './assignment-access.ts';
import { dispatchContext } from './dispatch-context.ts';
import { escalationViews, levelOfRank, nextLevel, raiseEscalation } from './escalation.service.ts';
import { requireSupervise } from './task.routes.ts';

/** The escalation ladder (督办) of an assignment: raise the next step, read the steps raised. */
export const escalationRoutes: RoutePlugin = async (app) => {
  app.post('/assignments/:id/escalations', { schema: raiseEscalationRoute }, async (request, reply) => {
    // Formal supervision is the supervising unit's: a re-dispatching unit urges, it does not escalate.
    const access = await assignmentAccess(request, request.params.id);
    requireSupervise(access);
    requireOpen(access);
    const id = await raiseEscalation(dispatchContext(request), access, request.body);
    const [view] = await escalationViews(request.db, { id });
    await audit(request, {
      action: 'dispatch.escalation.raise',
      recordType: 'dispatch_assignment',
      recordId: access.node.id,
      data: { escalationId: id, level: view.level },
    });
    return reply.status(201).send(view);
  });

  app.get('/assignments/:id/escalations', { schema: assignmentEscalationsRoute }, async (request) => {
    const access = await assignmentAccess(request, request.params.id);
    const config = await dispatchConfig(request.db);
    const rank = access.node.escalationLevel;
    return {
      items: await escalationViews(request.db, { assignmentId: access.node.id }),
      level: levelOfRank(rank),
      next: nextLevel(rank, config.escalationLadder),
      ladder: config.escalationLadder,
    };
  });
};
