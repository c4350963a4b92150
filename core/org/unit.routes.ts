import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { orgContext } from './org-context.ts';
import { createUnitRoute, deleteUnitRoute, getUnitRoute, listUnitsRoute, moveUnitRoute, updateUnitRoute } from './unit.schema.ts';
import { createUnit, deleteUnit, getUnit, listUnits, moveUnit, unitToView, updateUnit } from './unit.service.ts';

/** The unit tree: read with `core.org.read`, change with `core.org.manage`, both within the data scope. */
export const unitRoutes: RoutePlugin = async (app) => {
  app.get('/units', { schema: listUnitsRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.read'));
    return { items: (await listUnits(ctx, { parentId: request.query.parentId })).map(unitToView) };
  });

  app.get('/units/:id', { schema: getUnitRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.read'));
    return unitToView(await getUnit(ctx, request.params.id));
  });

  app.post('/units', { schema: createUnitRoute }, async (request, reply) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    return reply.status(201).send(unitToView(await createUnit(ctx, request.body)));
  });

  app.patch('/units/:id', { schema: updateUnitRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    return unitToView(await updateUnit(ctx, request.params.id, request.body));
  });

  app.post('/units/:id/move', { schema: moveUnitRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    return unitToView(await moveUnit(ctx, request.params.id, request.body.parentId));
  });

  app.delete('/units/:id', { schema: deleteUnitRoute }, async (request, reply) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    await deleteUnit(ctx, request.params.id);
    return reply.status(204).send(null);
  });
};
