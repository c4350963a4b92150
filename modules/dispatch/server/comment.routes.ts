import { audit, type RoutePlugin } from '../../../core/module-kit.ts';
import { addCommentRoute, listCommentsRoute } from '../schemas/comment.schema.ts';
import { addComment, commentPage } from './comment.service.ts';
import { dispatchContext } from './dispatch-context.ts';
import { taskAccess } from './task-access.ts';

/** Replies (回复) on a task, with photos: anyone who sees the task, within what they see. */
export const commentRoutes: RoutePlugin = async (app) => {
  app.post('/tasks/:id/comments', { schema: addCommentRoute, config: { idempotent: true } }, async (request, reply) => {
    const access = await taskAccess(request, request.params.id);
    const id = await addComment(dispatchContext(request), access, request.body);
    await audit(request, {
      action: 'dispatch.comment.add',
      recordType: 'dispatch_comment',
      recordId: id,
      data: { taskId: access.task.id, assignmentId: request.body.assignmentId ?? null },
    });
    const { items } = await commentPage(request.db, access, { ids: [id], limit: 1 });
    return reply.status(201).send(items[0]);
  });

  app.get('/tasks/:id/comments', { schema: listCommentsRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    return commentPage(request.db, access, request.query);
  });
};
