import { badRequest, contentDisposition, forbidden, type RoutePlugin, XLSX_MIME } from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import { createAggregationRoute, directAggregationRoute } from '../schemas/aggregation.schema.ts';
import { aggregationFileName, aggregationSheet } from './aggregation-sheet.ts';
import { writeAggregationWorkbook } from './aggregation-workbook.ts';
import { aggregationRows, filesBase, checkPeriod, countAssignments, createAggregation, reportFormColumns } from './aggregation.service.ts';
import { reportForms } from './report-form-port.ts';
import { taskAccess, type TaskAccess } from './task-access.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/**
 * Aggregation (汇总): every unit's latest report of a task in one .xlsx sheet. The whole tree is
 * the supervisors' and leaders' view, so they aggregate; a unit sees only its branch (403).
 * A queued aggregation is one of its requester's core exports: followed and downloaded under
 * `/exports` (core/exports/), written by aggregation-runner.ts.
 */
export const aggregationRoutes: RoutePlugin = async (app) => {
  app.get('/tasks/:id/aggregation.xlsx', { schema: directAggregationRoute }, async (request, reply) => {
    const access = requireOverview(await taskAccess(request, request.params.id));
    const periodKey = request.query.periodKey ?? null;
    await checkPeriod(request.db, access.task.id, request.query.periodKey, 'querystring.periodKey');
    const max = (await dispatchConfig(request.db)).directAggregationMaxRows;
    const rows = await countAssignments(request.db, access.task.id);
    if (rows > max) {
      throw badRequest(
        DISPATCH_ERRORS.AGGREGATION_TOO_LARGE,
        `The task has ${rows} assignments; a direct download holds at most ${max}: queue POST /tasks/:id/aggregations`,
        [{ path: 'querystring', message: `the tree has more than ${max} rows` }],
      );
    }
    const formColumns = await reportFormColumns(request.db, access.task.id, await reportForms(request));
    const base = filesBase(request);
    const cells = await aggregationRows(
      request.db,
      access.task.id,
      periodKey,
      request.query.lang,
      formColumns,
      (id) => `${base}${id}`,
      request.tenant.timeZone,
    );
    const content = await writeAggregationWorkbook(
      aggregationSheet(request.query.lang, formColumns, cells, {
        taskTitle: access.task.title,
        periodKey,
        at: new Date(),
        timeZone: request.tenant.timeZone,
      }),
    );
    return reply
      .header('content-type', XLSX_MIME)
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-disposition',
        contentDisposition('attachment', aggregationFileName(request.query.lang, access.task.title, periodKey)),
      )
      .header('cache-control', 'private, no-cache')
      .send(content);
  });

  app.post('/tasks/:id/aggregations', { schema: createAggregationRoute }, async (request, reply) => {
    const access = requireOverview(await taskAccess(request, request.params.id));
    await checkPeriod(request.db, access.task.id, request.body.periodKey, 'body.periodKey');
    const queued = await createAggregation(request, access.task, {
      periodKey: request.body.periodKey ?? null,
      lang: request.body.lang ?? 'zh-CN',
      filesBase: filesBase(request),
    });
    return reply.status(202).send(queued);
  });
};

function requireOverview(access: TaskAccess): TaskAccess {
  if (!access.supervise && !access.instruct)
    throw forbidden(DISPATCH_ERRORS.NOT_SUPERVISOR, 'Only the task’s supervisors and leaders aggregate its reports');
  return access;
}
