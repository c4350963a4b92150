import { audit, moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import { deleteAreaRoute, importAreasRoute, listAreasRoute, saveAreaRoute } from '../schemas/area.schema.ts';
import { deleteArea, importAreas, listAreas, saveArea } from './area.service.ts';
import { ANY_GRID_PERMISSION, PERMISSION } from './permissions.ts';

/** A county's 515 grids as GeoJSON run to a few MB: the import takes more than the API's 1 MB. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** Grid polygons (网格边界): drawn on the map or imported from GeoJSON by managers; the map reads them. */
export const areaRoutes: RoutePlugin = async (app) => {
  app.get('/areas', { schema: listAreasRoute, config: { permission: ANY_GRID_PERMISSION } }, async (request) => ({
    items: await listAreas(request.db),
  }));

  app.post('/areas', { schema: saveAreaRoute, config: { permission: PERMISSION.manage } }, async (request) => {
    const view = await saveArea(moduleContext(request), request.body.unitId, request.body.geometry);
    await audit(request, {
      action: 'grid-events.area.save',
      recordType: 'grid_area',
      recordId: view.id,
      data: { unitId: request.body.unitId },
    });
    return view;
  });

  app.delete('/areas/:id', { schema: deleteAreaRoute, config: { permission: PERMISSION.manage } }, async (request, reply) => {
    await deleteArea(request.db, request.params.id);
    await audit(request, { action: 'grid-events.area.delete', recordType: 'grid_area', recordId: request.params.id });
    return reply.status(204).send(null);
  });

  app.post(
    '/areas/import',
    { schema: importAreasRoute, bodyLimit: IMPORT_BODY_LIMIT, config: { permission: PERMISSION.manage } },
    async (request) => {
      const result = await importAreas(moduleContext(request), {
        unitProperty: request.body.unitProperty ?? 'code',
        crs: request.body.crs ?? 'wgs84',
        features: request.body.collection.features as never,
      });
      await audit(request, { action: 'grid-events.area.import', recordType: 'grid_area', recordId: request.tenant.id, data: result });
      return result;
    },
  );
};
