import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { orgContext } from './org-context.ts';
import { createPositionRoute, deletePositionRoute, listPositionsRoute, updatePositionRoute } from './position.schema.ts';
import { createPosition, deletePosition, listPositions, positionToView, updatePosition } from './position.service.ts';

/** Positions (职务): a list shared by the whole tenant. */
export const positionRoutes: RoutePlugin = async (app) => {
  app.get('/positions', { schema: listPositionsRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.read'));
    return { items: (await listPositions(ctx)).map(positionToView) };
  });

  app.post('/positions', { schema: createPositionRoute }, async (request, reply) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    return reply.status(201).send(positionToView(await createPosition(ctx, request.body)));
  });

  app.patch('/positions/:id', { schema: updatePositionRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    return positionToView(await updatePosition(ctx, request.params.id, request.body));
  });

  app.delete('/positions/:id', { schema: deletePositionRoute }, async (request, reply) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    await deletePosition(ctx, request.params.id);
    return reply.status(204).send(null);
  });
};
