import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { AppError, attachFiles, type ModuleJob, type ModuleJobContext, type StagedFile, tenantTimeZone, writeAudit, XLSX_MIME } from '../../../core/module-kit.ts';
import { aggregationCells, aggregationFileName, aggregationPage, aggregationSheet, type AggregationRow, type Cell } from './aggregation-sheet.ts';
import { writeAggregationWorkbook } from './aggregation-workbook.ts';
import { AGGREGATION_CHUNK, AGGREGATION_JOB, countAssignments, reportFormColumns, type ExportRow } from './aggregation.service.ts';
import { REPORT_FORMS_SERVICE, type ReportForms } from './report-form-port.ts';

type Context = Pick<ModuleJobContext, 'withTenant' | 'notifier' | 'files' | 'service'>;

/** Writes one aggregation (queued by `POST /tasks/:id/aggregations`): see runAggregation. */
export const aggregationJob: ModuleJob = {
  name: AGGREGATION_JOB,
  handler: async (data, context) => {
    if (typeof data.tenantId !== 'string' || typeof data.exportId !== 'string') throw new Error('dispatch.aggregation needs tenantId and exportId');
    await runAggregation(context, data.tenantId, data.exportId, typeof data.filesBase === 'string' ? data.filesBase : '');
  },
};

/**
 * Reads the task's tree in chunks (keyset on the path, one short transaction each, progress
 * `done/total` committed with every chunk so `GET /aggregations/:id` shows it), writes the
 * workbook (a task's tree is thousands of rows at most: it is built in memory), then in one
 * transaction stores the core_file row, marks the export done, audits and tells the requester.
 * A finished or failed export is left alone, so a retried job does nothing twice.
 */
export async function runAggregation(context: Context, tenantId: string, exportId: string, filesBase = ''): Promise<void> {
  const row = await context.withTenant(tenantId, ({ db }) => claim(db, exportId));
  if (!row) return;
  let staged: StagedFile | null = null;
  try {
    const forms = await context.service<ReportForms>(tenantId, REPORT_FORMS_SERVICE);
    const { title, formColumns, timeZone } = await context.withTenant(tenantId, async ({ db }) => ({
      title: ((await db('dispatch_task').where({ id: row.task_id }).first('title')) as { title: string }).title,
      formColumns: await reportFormColumns(db, row.task_id, forms),
      timeZone: await tenantTimeZone(db, tenantId),
    }));
    const cells: Cell[][] = [];
    let after: string | null = null;
    for (;;) {
      const position: string | null = after;
      const page: AggregationRow[] = await context.withTenant(tenantId, async ({ db }) => {
        await db('dispatch_export').where({ id: row.id }).update({ done: Math.min(cells.length, row.total) });
        return aggregationPage(db, row.task_id, row.period_key, position, AGGREGATION_CHUNK);
      });
      cells.push(...page.map((r) => aggregationCells(row.lang, r, formColumns, (id) => `${filesBase}${id}`, timeZone)));
      if (page.length < AGGREGATION_CHUNK) break;
      after = page[page.length - 1].path;
    }
    const content = await writeAggregationWorkbook(aggregationSheet(row.lang, formColumns, cells, { taskTitle: title, periodKey: row.period_key, at: new Date(), timeZone }));
    staged = await context.files.stage(Readable.from(content));
    await complete(context, tenantId, row, staged, aggregationFileName(row.lang, title, row.period_key), cells.length);
  } catch (error) {
    if (staged) await context.files.discard(staged);
    await context.withTenant(tenantId, async ({ db }) => {
      const message = error instanceof AppError ? error.message : 'The aggregation failed; please try again';
      await db('dispatch_export').where({ id: exportId }).update({ status: 'failed', error: message, finished_at: db.fn.now() });
      await writeAudit(db, tenantId, null, { action: 'dispatch.aggregation.fail', recordType: 'dispatch_export', recordId: exportId, data: { error: message } });
      await context.notifier.notify(db, tenantId, { userIds: [row.requested_by], kind: 'dispatch.aggregation.failed', title: '汇总表生成失败', body: message, link: `/dispatch/tasks/${row.task_id}` });
    });
    if (!(error instanceof AppError)) throw error;
  }
}

/** Marks the export running with the tree's size now (units may have been added since it was queued). */
async function claim(db: Knex.Transaction, exportId: string): Promise<ExportRow | null> {
  const row: ExportRow | undefined = await db('dispatch_export').where({ id: exportId }).forUpdate().first();
  if (!row || row.status === 'done' || row.status === 'failed') return null;
  const total = await countAssignments(db, row.task_id);
  await db('dispatch_export').where({ id: exportId }).update({ status: 'running', done: 0, total });
  return { ...row, status: 'running', done: 0, total };
}

async function complete(context: Context, tenantId: string, row: ExportRow, staged: StagedFile, name: string, rows: number): Promise<void> {
  const fileId = uuidv7();
  try {
    await context.withTenant(tenantId, async ({ db }) => {
      await db('core_file').insert({ tenant_id: tenantId, id: fileId, name, content_type: XLSX_MIME, size_bytes: staged.sizeBytes, sha256: staged.sha256, created_by: row.requested_by });
      // Units added while the job ran may pass the total counted at the start: both end at the rows written.
      await db('dispatch_export').where({ id: row.id }).update({ status: 'done', file_id: fileId, total: rows, done: rows, finished_at: db.fn.now() });
      await attachFiles(db, tenantId, null, { module: 'dispatch', kind: 'export', id: row.id }, [{ id: fileId, path: 'fileId' }]);
      await writeAudit(db, tenantId, null, { action: 'dispatch.aggregation.done', recordType: 'dispatch_export', recordId: row.id, data: { fileId, rows, sizeBytes: staged.sizeBytes } });
      await context.notifier.notify(db, tenantId, { userIds: [row.requested_by], kind: 'dispatch.aggregation.done', title: `汇总表已生成：${name}`, body: `共${rows}行`, link: `/dispatch/aggregations/${row.id}` });
      // Last: the content is in place only if everything before it was written.
      await context.files.place(staged, tenantId, fileId);
    });
  } catch (error) {
    await context.files.remove(tenantId, fileId);
    throw error;
  }
}
