import {
  attachmentDisposition,
  audit,
  badRequest,
  moduleContext,
  readXlsx,
  writeXlsx,
  XLSX_MIME,
  type RoutePlugin,
} from '../../../core/module-kit.ts';
import {
  IMPORT_BODY_LIMIT,
  IMPORT_MAX_ROWS,
  createBuildingRoute,
  deleteBuildingRoute,
  getBuildingRoute,
  importBuildingsRoute,
  importTemplateRoute,
  listBuildingsRoute,
  updateBuildingRoute,
} from '../schemas/building.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { generateHouseholdsRoute, listHouseholdsRoute } from '../schemas/household.schema.ts';
import { BUILDING_READERS, buildingAccess, scopesOf } from './building-access.ts';
import { importBuildings, importTemplate } from './building-import.ts';
import { buildingView, createBuilding, deleteBuilding, generateHouseholds, listBuildings, updateBuilding } from './building.service.ts';
import { listHouseholds } from './household.service.ts';
import { PERMISSION } from './permissions.ts';

const MANAGERS = [PERMISSION.manage];
const manage = { permission: PERMISSION.manage };
const readers = { permission: BUILDING_READERS };

/** Buildings as floor models (楼栋): managers keep them, everyone of the building's grid reads them and their households. */
export const buildingRoutes: RoutePlugin = async (app) => {
  // Only this plugin's routes take the raw workbook of an import.
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get('/buildings', { schema: listBuildingsRoute, config: readers }, async (request) =>
    listBuildings(request.db, await scopesOf(request, BUILDING_READERS), request.query, new Date()),
  );

  app.post('/buildings', { schema: createBuildingRoute, config: { ...manage, idempotent: true } }, async (request, reply) => {
    const ctx = moduleContext(request);
    const id = await createBuilding(ctx, await scopesOf(request, MANAGERS), request.body);
    await audit(request, {
      action: 'grid-events.building.create',
      recordType: 'grid_building',
      recordId: id,
      data: { name: request.body.name },
    });
    return reply.status(201).send(await buildingView(request.db, id, ctx.now));
  });

  app.get('/buildings/:id', { schema: getBuildingRoute, config: readers }, async (request) => {
    const building = await buildingAccess(request, request.params.id, BUILDING_READERS);
    return buildingView(request.db, building.id, new Date());
  });

  app.patch('/buildings/:id', { schema: updateBuildingRoute, config: manage }, async (request) => {
    const ctx = moduleContext(request);
    const building = await buildingAccess(request, request.params.id, MANAGERS, { forUpdate: true });
    await updateBuilding(ctx, await scopesOf(request, MANAGERS), building, request.body);
    await audit(request, { action: 'grid-events.building.update', recordType: 'grid_building', recordId: building.id, data: request.body });
    return buildingView(request.db, building.id, ctx.now);
  });

  app.delete('/buildings/:id', { schema: deleteBuildingRoute, config: manage }, async (request, reply) => {
    const building = await buildingAccess(request, request.params.id, MANAGERS, { forUpdate: true });
    await deleteBuilding(moduleContext(request), building);
    await audit(request, {
      action: 'grid-events.building.delete',
      recordType: 'grid_building',
      recordId: building.id,
      data: { name: building.name },
    });
    return reply.status(204).send(null);
  });

  app.post('/buildings/:id/households/generate', { schema: generateHouseholdsRoute, config: manage }, async (request) => {
    const building = await buildingAccess(request, request.params.id, MANAGERS, { forUpdate: true });
    const result = await generateHouseholds(moduleContext(request), building);
    await audit(request, { action: 'grid-events.building.generate', recordType: 'grid_building', recordId: building.id, data: result });
    return result;
  });

  app.get('/buildings/:id/households', { schema: listHouseholdsRoute, config: readers }, async (request) => {
    const building = await buildingAccess(request, request.params.id, BUILDING_READERS);
    return { items: await listHouseholds(request.db, building.id, new Date()) };
  });

  app.post(
    '/buildings/import',
    { schema: importBuildingsRoute, bodyLimit: IMPORT_BODY_LIMIT, config: { ...manage, idempotent: true } },
    async (request, reply) => {
      const file: unknown = request.body;
      if (!Buffer.isBuffer(file) || file.length === 0)
        throw badRequest(GRID_ERRORS.IMPORT_INVALID, `Send the .xlsx file as the request body with Content-Type ${XLSX_MIME}`, [
          { path: 'body', message: 'is not an .xlsx file' },
        ]);
      const tables = await readXlsx(file, { maxRows: IMPORT_MAX_ROWS });
      const dryRun = request.query.dryRun ?? false;
      const result = await importBuildings(moduleContext(request), await scopesOf(request, MANAGERS), tables.values().next().value, dryRun);
      if (!dryRun)
        await audit(request, {
          action: 'grid-events.building.import',
          recordType: 'grid_building',
          recordId: request.tenant.id,
          data: result,
        });
      return reply.status(dryRun ? 200 : 201).send({ dryRun, ...result });
    },
  );

  app.get('/buildings/import-template', { schema: importTemplateRoute, config: manage }, async (request, reply) => {
    const lang = request.query.lang ?? 'zh-CN';
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', attachmentDisposition(lang === 'en' ? 'building-import-template.xlsx' : '楼栋导入模板.xlsx'))
      .send(await writeXlsx(importTemplate(lang)));
  });
};
