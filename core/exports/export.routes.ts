import type { RoutePlugin } from '../http/route-plugin.ts';
import { sendStoredFile } from '../files/send-file.ts';
import { conflict } from '../http/errors.ts';
import { downloadExportRoute, getExportRoute, listExportsRoute } from './export.schema.ts';
import { exportToView, listReadableExports, requireReadableExport } from './export.service.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * "My exports": every module's export jobs of the signed-in user, their progress and files.
 * Open to every signed-in user; each sees only their own (anyone else's is a 404).
 */
export const exportRoutes: RoutePlugin = async (app) => {
  const store = app.platform.files;

  app.get('/exports', { schema: listExportsRoute }, async (request) =>
    listReadableExports(request, { limit: request.query.limit ?? 20, cursor: request.query.cursor }),
  );

  app.get('/exports/:id', { schema: getExportRoute }, async (request) =>
    exportToView(await requireReadableExport(request, request.params.id)),
  );

  app.get('/exports/:id/file', { schema: downloadExportRoute }, async (request, reply) => {
    const row = await requireReadableExport(request, request.params.id);
    if (row.status !== 'done' || !row.file_id) throw conflict(CORE_ERRORS.EXPORT_NOT_READY, `The export is ${row.status}, not done`);
    return sendStoredFile(request, reply, store, row.file_id, 'attachment');
  });
};
