import type { FastifyRequest } from 'fastify';
import { AppError, audit, notFound, type RoutePlugin } from '../../../core/module-kit.ts';
import { decideExtensionRoute, requestExtensionRoute, taskExtensionsRoute } from '../schemas/extension.schema.ts';
import { assignmentAccess, requireHandler, requireOpen, requireReviewer, type AssignmentAccess } from './assignment-access.ts';
import { dispatchContext } from './dispatch-context.ts';
import { decideExtension, requestExtension } from './extension.service.ts';
import { extensionQuery, extensionView, toExtensionView } from './extension-view.ts';
import { taskAccess } from './task-access.ts';
import { assignmentQuery, toAssignmentNode, visibleNodes } from './task-view.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Extensions (延期): a unit asks for more time, a reviewer grants or refuses, lists per task. */
export const extensionRoutes: RoutePlugin = async (app) => {
  app.post('/assignments/:id/extensions', { schema: requestExtensionRoute }, async (request, reply) => {
    const access = requireOpen(requireHandler(await assignmentAccess(request, request.params.id)));
    const id = await requestExtension(dispatchContext(request), access, request.body);
    await audit(request, {
      action: 'dispatch.extension.request',
      recordType: 'dispatch_assignment',
      recordId: access.node.id,
      data: { extensionId: id, reason: request.body.reason },
    });
    return reply.status(201).send(await extensionView(request.db, id));
  });

  app.post('/extensions/:id/decision', { schema: decideExtensionRoute }, async (request) => {
    const access = requireReviewer(await extensionAccess(request, request.params.id));
    await decideExtension(dispatchContext(request), access, request.params.id, request.body.decision, request.body.reason);
    await audit(request, {
      action: `dispatch.extension.${request.body.decision}`,
      recordType: 'dispatch_assignment',
      recordId: access.node.id,
      data: { extensionId: request.params.id, reason: request.body.reason ?? null },
    });
    return extensionView(request.db, request.params.id);
  });

  app.get('/tasks/:id/extensions', { schema: taskExtensionsRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    const query = extensionQuery(request.db).where('x.task_id', access.task.id).limit(request.query.limit);
    if (!access.supervise && !access.instruct) {
      const nodes = visibleNodes(access, (await assignmentQuery(request.db).where('a.task_id', access.task.id)).map(toAssignmentNode));
      query.whereIn(
        'x.assignment_id',
        nodes.map((n) => n.id),
      );
    }
    if (request.query.status) query.where('x.status', request.query.status);
    if (request.query.assignmentId) query.where('x.assignment_id', request.query.assignmentId);
    return { items: (await query).map(toExtensionView) };
  });
};

/** The caller's access to the assignment of an extension request; 404 for one they cannot see. */
async function extensionAccess(request: FastifyRequest, extensionId: string): Promise<AssignmentAccess> {
  const row: { assignment_id: string } | undefined = await request
    .db('dispatch_extension')
    .where({ id: extensionId })
    .first('assignment_id');
  if (!row) throw extensionNotFound();
  try {
    return await assignmentAccess(request, row.assignment_id);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) throw extensionNotFound();
    throw error;
  }
}

const extensionNotFound = () => notFound(DISPATCH_ERRORS.EXTENSION_NOT_FOUND, 'No such extension request');
