import { audit, type RoutePlugin } from '../../../core/module-kit.ts';
import { assignmentRemindersRoute, urgeRoute } from '../schemas/reminder.schema.ts';
import { assignmentAccess, requireOpen, requireReviewer } from './assignment-access.ts';
import { dispatchContext } from './dispatch-context.ts';
import { reminderViews, urgeAssignment } from './reminder-urge.service.ts';

/** Reminders of one assignment: the one-click urge (催办) and the ledger of what was sent. */
export const reminderRoutes: RoutePlugin = async (app) => {
  app.post('/assignments/:id/urge', { schema: urgeRoute }, async (request, reply) => {
    // Whoever reviews the assignment urges it: the task's supervisors, or the unit that re-dispatched it.
    const access = requireOpen(requireReviewer(await assignmentAccess(request, request.params.id)));
    const result = await urgeAssignment(dispatchContext(request), access, request.body.text);
    if (!result.sent) return reply.status(200).send(result);
    await audit(request, {
      action: 'dispatch.assignment.urge',
      recordType: 'dispatch_assignment',
      recordId: access.node.id,
      data: { text: result.reminder.text },
    });
    return reply.status(201).send(result);
  });

  app.get('/assignments/:id/reminders', { schema: assignmentRemindersRoute }, async (request) => {
    const access = await assignmentAccess(request, request.params.id);
    return { items: await reminderViews(request.db, access.node.id, {}, request.query.limit) };
  });
};
