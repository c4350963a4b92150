import { Readable } from 'node:stream';
import {
  type ExportOutput,
  type ExportRunContext,
  type ExportRunner,
  type ExportTask,
  notFound,
  tenantTimeZone,
  XLSX_MIME,
} from '../../../core/module-kit.ts';
import {
  aggregationCells,
  aggregationFileName,
  aggregationPage,
  aggregationSheet,
  type AggregationRow,
  type Cell,
} from './aggregation-sheet.ts';
import { writeAggregationWorkbook } from './aggregation-workbook.ts';
import { AGGREGATION_CHUNK, countAssignments, reportFormColumns, type AggregationParams } from './aggregation.service.ts';
import { REPORT_FORMS_SERVICE, type ReportForms } from './report-form-port.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/**
 * Writes one aggregation (queued by `POST /tasks/:id/aggregations`, run by core's export job):
 * reads the task's tree in chunks (keyset on the path, one short transaction each, progress
 * `done/total` committed with every chunk so `GET /exports/:id` shows it; the total is the tree's
 * size now, units may have been added since it was queued), writes the workbook (a task's tree is
 * thousands of rows at most: it is built in memory) and hands it to core to store and announce.
 */
export const aggregationRunner: ExportRunner = async (task: ExportTask, context: ExportRunContext): Promise<ExportOutput> => {
  const { tenantId } = task;
  const params = task.params as unknown as AggregationParams;
  const forms = await context.service<ReportForms>(tenantId, REPORT_FORMS_SERVICE);
  const { title, formColumns, timeZone, total } = await context.withTenant(tenantId, async ({ db }) => {
    const found: { title: string } | undefined = await db('dispatch_task').where({ id: params.taskId }).first('title');
    if (!found) throw notFound(DISPATCH_ERRORS.TASK_NOT_FOUND, 'The task no longer exists');
    return {
      title: found.title,
      formColumns: await reportFormColumns(db, params.taskId, forms),
      timeZone: await tenantTimeZone(db, tenantId),
      total: await countAssignments(db, params.taskId),
    };
  });
  const cells: Cell[][] = [];
  let after: string | null = null;
  for (;;) {
    await context.progress(Math.min(cells.length, total), total);
    const position: string | null = after;
    const page: AggregationRow[] = await context.withTenant(tenantId, ({ db }) =>
      aggregationPage(db, params.taskId, params.periodKey, position, AGGREGATION_CHUNK),
    );
    cells.push(...page.map((r) => aggregationCells(params.lang, r, formColumns, (id) => `${params.filesBase}${id}`, timeZone)));
    if (page.length < AGGREGATION_CHUNK) break;
    after = page[page.length - 1].path;
  }
  const content = await writeAggregationWorkbook(
    aggregationSheet(params.lang, formColumns, cells, { taskTitle: title, periodKey: params.periodKey, at: new Date(), timeZone }),
  );
  const file = await context.files.stage(Readable.from(content));
  // Units added while the job ran may pass the total counted at the start: both end at the rows written.
  return { file, fileName: aggregationFileName(params.lang, title, params.periodKey), contentType: XLSX_MIME, done: cells.length };
};
