import { conflict, FileStore, requirePermission, type RoutePlugin, sendStoredFile } from '../../../core/module-kit.ts';
import { createExportRoute, downloadExportRoute, getExportRoute, listExportsRoute } from '../schemas/export.schema.ts';
import { createExport, exportToView, getOwnExport, listOwnExports } from './export.service.ts';
import { exportCellContext } from './county-time.ts';
import { getForm } from './form.service.ts';
import { fieldFiltersOf } from './results-query.ts';
import { exportLanguage } from './export-language.ts';

const fieldList = (fields: string | undefined) => (fields ? fields.split(',').map((f) => f.trim()).filter(Boolean) : []);

/** Export jobs (`forms.results`): start one, follow its progress, download its file. Each user sees their own. */
export const exportRoutes: RoutePlugin = async (app) => {
  const store = FileStore.inDataDir(app.platform.config.dataDir);

  app.post('/forms/:id/exports', { schema: createExportRoute }, async (request, reply) => {
    const scope = await requirePermission(request, 'forms.results');
    await getForm(request.db, request.params.id);
    const { kind, sort, order, fields, groupBy, status, version, collectionId, periodKey, unitId, q, lang } = request.body;
    const filter = { status, version, collectionId, periodKey, unitId, q, fieldFilters: fieldFiltersOf(request.body) };
    // The language is fixed now: the job runs later, without the request.
    const params = { filter, sort, order: order ?? 'desc', fields: fieldList(fields), groupBy, lang: exportLanguage(lang, request.headers['accept-language']), cells: exportCellContext(request) };
    const row = await createExport({ trx: request.db, tenantId: request.tenant.id, userId: request.user?.id ?? '', jobs: app.jobs }, request.params.id, kind, params, scope);
    return reply.status(202).send(exportToView(row));
  });

  app.get('/exports', { schema: listExportsRoute }, async (request) => {
    await requirePermission(request, 'forms.results');
    const { rows, nextCursor } = await listOwnExports(request.db, request.user?.id ?? '', { limit: request.query.limit ?? 20, cursor: request.query.cursor });
    return { items: rows.map(exportToView), nextCursor };
  });

  app.get('/exports/:id', { schema: getExportRoute }, async (request) => {
    await requirePermission(request, 'forms.results');
    return exportToView(await getOwnExport(request.db, request.params.id, request.user?.id ?? ''));
  });

  app.get('/exports/:id/file', { schema: downloadExportRoute }, async (request, reply) => {
    await requirePermission(request, 'forms.results');
    const row = await getOwnExport(request.db, request.params.id, request.user?.id ?? '');
    if (row.status !== 'done' || !row.file_id) throw conflict('FORMS_EXPORT_NOT_READY', `The export is ${row.status}, not done`);
    return sendStoredFile(request, reply, store, row.file_id, 'attachment');
  });
};
