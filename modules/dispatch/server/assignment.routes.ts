import type { FastifyRequest } from 'fastify';
import { audit, type RoutePlugin } from '../../../core/module-kit.ts';
import { getAssignmentRoute, openAssignmentRoute, redispatchRoute } from '../schemas/assignment.schema.ts';
import { assignmentAccess, requireHandler, requireOpen, type AssignmentAccess } from './assignment-access.ts';
import { dispatchContext } from './dispatch-context.ts';
import { dispatchAssignments } from './dispatch.service.ts';
import { recomputeTaskLights } from './light.service.ts';
import { appendTimeline } from './timeline.ts';
import { reportForms } from './report-form-port.ts';
import { assignmentQuery, fileViews, taskQuery, toAssignmentNode, toTaskView } from './task-view.ts';

/** One assignment: read it, acknowledge it (签收), re-dispatch it to sub-units. */
export const assignmentRoutes: RoutePlugin = async (app) => {
  app.get('/assignments/:id', { schema: getAssignmentRoute }, async (request) => {
    return assignmentDetail(request, await assignmentAccess(request, request.params.id));
  });

  app.post('/assignments/:id/open', { schema: openAssignmentRoute }, async (request) => {
    const access = requireOpen(requireHandler(await assignmentAccess(request, request.params.id)));
    const ctx = dispatchContext(request);
    const opened = await request
      .db('dispatch_assignment')
      .where({ id: access.node.id, status: 'pending' })
      .update({ status: 'open', opened_at: ctx.now, updated_at: ctx.now });
    if (opened > 0) await appendTimeline(ctx, [{ taskId: access.task.id, assignmentId: access.node.id, kind: 'assignment.opened' }]);
    return assignmentDetail(request, await assignmentAccess(request, access.node.id));
  });

  app.post('/assignments/:id/subtasks', { schema: redispatchRoute }, async (request, reply) => {
    const access = requireOpen(requireHandler(await assignmentAccess(request, request.params.id)));
    const ctx = dispatchContext(request);
    const parent = await request
      .db('dispatch_assignment')
      .where({ id: access.node.id })
      .forUpdate()
      .first('id', 'path', 'depth', 'unit_id', 'deadline');
    const ids = await dispatchAssignments(
      ctx,
      {
        kind: 'subtask',
        taskId: access.task.id,
        taskTitle: access.task.title,
        parent: { id: parent.id, path: parent.path, depth: parent.depth, unitId: parent.unit_id, deadline: new Date(parent.deadline) },
      },
      request.body.assignments,
    );
    await recomputeTaskLights(ctx, [access.task.id]);
    await audit(request, {
      action: 'dispatch.assignment.redispatch',
      recordType: 'dispatch_assignment',
      recordId: access.node.id,
      data: { units: ids.length },
    });
    const rows = await assignmentQuery(request.db).whereIn('a.id', ids).orderBy('a.created_at');
    return reply.status(201).send({ items: rows.map(toAssignmentNode) });
  });
};

async function assignmentDetail(request: FastifyRequest, access: AssignmentAccess) {
  const task = await taskQuery(request.db).where('t.id', access.task.id).first();
  const node = toAssignmentNode(await assignmentQuery(request.db).where('a.id', access.node.id).first());
  // The form itself comes with the assignment: a village filling it in holds no forms permission.
  const forms = task.report_form_id ? await reportForms(request) : undefined;
  const reportForm = forms ? ((await forms.publishedVersion(request.db, task.report_form_id, task.report_form_version)) ?? null) : null;
  return {
    assignment: node,
    task: toTaskView(task, await fileViews(request.db, task.attachment_ids ?? []), reportForm?.name ?? null),
    reportForm,
    viewer: { handles: access.handles, reviews: access.reviews, supervise: access.supervise },
  };
}
