import {
  attachmentDisposition,
  audit,
  badRequest,
  readXlsx,
  type RoutePlugin,
  todayIn,
  writeXlsx,
  XLSX_MIME,
} from '../../../core/module-kit.ts';
import { TASK_IMPORT_BODY_LIMIT, TASK_IMPORT_MAX_ROWS, importTasksRoute, importTemplateRoute } from '../schemas/task-import.schema.ts';
import { dispatchContext } from './dispatch-context.ts';
import { reportForms } from './report-form-port.ts';
import { importTemplate, parseImportSheet } from './task-import-sheet.ts';
import { importTasks } from './task-import.service.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Many tasks at once from a spreadsheet (Huantai: 60 items × 34 units), and its template. */
export const taskImportRoutes: RoutePlugin = async (app) => {
  // Only this plugin's routes accept the raw workbook (the parser is encapsulated here).
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: TASK_IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/tasks/import',
    { schema: importTasksRoute, bodyLimit: TASK_IMPORT_BODY_LIMIT, config: { idempotent: true, permission: 'dispatch.supervise' } },
    async (request, reply) => {
      const scope = request.scope;
      const file: unknown = request.body;
      if (!Buffer.isBuffer(file) || file.length === 0) {
        throw badRequest(DISPATCH_ERRORS.IMPORT_INVALID, `Send the .xlsx file as the request body with Content-Type ${XLSX_MIME}`, [
          { path: 'body', message: 'is not an .xlsx file' },
        ]);
      }
      const ctx = dispatchContext(request);
      const tables = await readXlsx(file, { maxRows: TASK_IMPORT_MAX_ROWS });
      const parsed = parseImportSheet(tables.values().next().value, todayIn(ctx.timeZone, ctx.now));
      const { ownerUnitId, dryRun } = request.query;
      const tasks = await importTasks(ctx, scope, ownerUnitId, parsed, await reportForms(request), dryRun);
      const ids = dryRun ? [] : tasks.map((t) => t.id);
      if (!dryRun)
        await audit(request, {
          action: 'dispatch.task.import',
          recordType: 'dispatch_task',
          recordId: ids[0],
          data: { tasks: ids.length, units: tasks.reduce((n, t) => n + t.units, 0) },
        });
      return reply
        .status(dryRun ? 200 : 201)
        .send({ dryRun, count: tasks.length, ids, tasks: tasks.map(({ id, ...task }) => (dryRun ? task : { id, ...task })) });
    },
  );

  app.get(
    '/tasks/import-template',
    { schema: importTemplateRoute, config: { permission: 'dispatch.supervise' } },
    async (request, reply) => {
      const lang = request.query.lang ?? 'zh-CN';
      const file = await writeXlsx(importTemplate(lang));
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachmentDisposition(lang === 'en' ? 'task-import-template.xlsx' : '任务导入模板.xlsx'))
        .send(file);
    },
  );
};
