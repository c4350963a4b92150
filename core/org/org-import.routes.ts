import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { badRequest } from '../http/errors.ts';
import { XLSX_MIME, readXlsx } from '../export/xlsx-reader.ts';
import { attachmentDisposition, writeXlsx } from '../export/xlsx-writer.ts';
import { orgContext } from './org-context.ts';
import { ORG_IMPORT_BODY_LIMIT, importOrgRoute, importTemplateRoute } from './org-import.schema.ts';
import { importOrg } from './org-import.service.ts';
import { orgImportTemplate } from './org-import-sheets.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** Spreadsheet import of the directory and its template. */
export const orgImportRoutes: RoutePlugin = async (app) => {
  // Only this plugin's routes accept the raw workbook (the parser is encapsulated here).
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: ORG_IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post('/import', { schema: importOrgRoute, bodyLimit: ORG_IMPORT_BODY_LIMIT }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    const file: unknown = request.body;
    if (!Buffer.isBuffer(file) || file.length === 0) {
      throw badRequest(CORE_ERRORS.ORG_IMPORT_INVALID, `Send the .xlsx file as the request body with Content-Type ${XLSX_MIME}`, [
        { path: 'body', message: 'is not an .xlsx file' },
      ]);
    }
    return { imported: await importOrg(ctx, await readXlsx(file)) };
  });

  app.get('/import/template', { schema: importTemplateRoute }, async (request, reply) => {
    await requirePermission(request, 'core.org.manage');
    const file = await writeXlsx(orgImportTemplate());
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentDisposition('通讯录导入模板.xlsx')).send(file);
  });
};
