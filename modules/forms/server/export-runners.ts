import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { AppError, attachFiles, DEFAULT_TIME_ZONE, type ModuleJob, type ModuleJobContext, type StagedFile, writeAudit, XLSX_MIME } from '../../../core/module-kit.ts';
import { listLayout } from './export-layout.ts';
import { EXPORT_JOB, type ExportRow } from './export.service.ts';
import { getForm } from './form.service.ts';
import { statisticsSheets } from './results-export.ts';
import { STATISTICS_TEXTS } from './export-language.ts';
import { filteredSubmissions } from './results-query.ts';
import { sortKey, type KeysetPosition } from './results-sort.ts';
import { resultFields, submissionsPage, type KeyedRow } from './results.service.ts';
import { statistics } from './statistics.service.ts';
import { XlsxStream } from './xlsx-stream.ts';
import { writePhotos } from './photo-export.ts';
import { ZipStream } from './zip-stream.ts';

/** Submissions read, written and reported per step: small enough for short transactions, large enough to be quick. */
const CHUNK = 1_000;

type Context = Pick<ModuleJobContext, 'withTenant' | 'notifier' | 'files'>;

/** Writes one export (queued by `POST /forms/forms/:id/exports`): see runExport. */
export const exportJob: ModuleJob = {
  name: EXPORT_JOB,
  handler: async (data, context) => {
    if (typeof data.tenantId !== 'string' || typeof data.exportId !== 'string') throw new Error('forms.export needs tenantId and exportId');
    await runExport(context, data.tenantId, data.exportId);
  },
};

/**
 * Streams the export into the file store in chunks (keyset pages, one short transaction each,
 * progress committed with every chunk so `GET /forms/exports/:id` shows it), then in one
 * transaction stores the core_file row, marks the export done, audits and notifies the requester.
 * A finished or failed export is left alone, so a retried job does nothing twice.
 */
export async function runExport(context: Context, tenantId: string, exportId: string): Promise<void> {
  const row = await context.withTenant(tenantId, ({ db }) => claim(db, exportId));
  if (!row) return;
  const workbook = row.kind === 'photos' ? null : new XlsxStream(context.files);
  const zip = row.kind === 'photos' ? new ZipStream(context.files) : null;
  const out = (workbook ?? zip) as XlsxStream | ZipStream;
  try {
    const formName = await context.withTenant(tenantId, async ({ db }) => (await getForm(db, row.form_id)).name);
    if (zip) await writePhotos(context, tenantId, row, zip);
    else if (row.kind === 'list') await writeList(context, tenantId, row, workbook as XlsxStream);
    else await writeStatistics(context, tenantId, row, workbook as XlsxStream);
    await complete(context, tenantId, row, await out.finish(), formName);
  } catch (error) {
    await out.abort();
    await context.withTenant(tenantId, async ({ db }) => {
      const message = error instanceof AppError ? error.message : 'The export failed; please try again';
      await db('forms_export').where({ id: exportId }).update({ status: 'failed', error: message, finished_at: db.fn.now() });
      await writeAudit(db, tenantId, null, { action: 'forms.export.fail', recordType: 'forms_export', recordId: exportId, data: { error: message } });
      await context.notifier.notify(db, tenantId, { userIds: [row.requested_by], kind: 'forms.export.failed', title: '导出失败', body: message, link: `/forms/exports/${exportId}` });
    });
    // An expected failure (the form changed under the filters) is the requester's to fix; anything else is logged by the runner.
    if (!(error instanceof AppError)) throw error;
  }
}

async function claim(db: Knex.Transaction, exportId: string): Promise<ExportRow | null> {
  const row: ExportRow | undefined = await db('forms_export').where({ id: exportId }).forUpdate().first();
  if (!row || row.status === 'done' || row.status === 'failed') return null;
  await db('forms_export').where({ id: exportId }).update({ status: 'running', started_at: db.fn.now(), rows_done: 0 });
  return row;
}

/** One pass over the matching submissions per sheet (the list, then each repeating group). */
async function writeList(context: Context, tenantId: string, row: ExportRow, out: XlsxStream): Promise<void> {
  const { filter } = row.params;
  const { fields, count } = await context.withTenant(tenantId, async ({ db }) => {
    const found = await resultFields(db, row.form_id, filter.version);
    const [{ n }] = await filteredSubmissions(db, row.form_id, row.scope, found.fields, filter).count({ n: '*' });
    return { fields: found.fields, count: Number(n) };
  });
  const key = sortKey(fields, row.params);
  const layouts = listLayout(fields, row.params.cells ?? { timeZone: DEFAULT_TIME_ZONE, filesBase: '' });
  const total = count * layouts.length;
  let done = 0;
  await context.withTenant(tenantId, ({ db }) => db('forms_export').where({ id: row.id }).update({ rows_total: total }));
  for (const layout of layouts) {
    out.startSheet(layout.name, layout.columns);
    let after: KeysetPosition | null = null;
    for (;;) {
      const position: KeysetPosition | null = after;
      const page: KeyedRow[] = await context.withTenant(tenantId, async ({ db }) => {
        // Submissions made since the count could pass the total: progress stays within it.
        await db('forms_export').where({ id: row.id }).update({ rows_done: Math.min(done, total) });
        return submissionsPage(db, row.form_id, row.scope, fields, filter, key, position, CHUNK);
      });
      out.addRows(page.flatMap((r) => layout.rowsOf(r)));
      done += page.length;
      if (page.length < CHUNK) break;
      const last: KeyedRow = page[page.length - 1];
      after = { value: last.sort_key, id: last.id };
    }
  }
}

async function writeStatistics(context: Context, tenantId: string, row: ExportRow, out: XlsxStream): Promise<void> {
  const stats = await context.withTenant(tenantId, ({ db }) => statistics(db, row.form_id, row.scope, row.params.filter, { fields: row.params.fields, groupBy: row.params.groupBy }));
  for (const sheet of statisticsSheets(stats, row.params.lang ?? 'zh-CN')) {
    out.startSheet(sheet.name, sheet.columns);
    out.addRows(sheet.rows.map((cells) => cells.map((c) => (c === undefined ? null : typeof c === 'boolean' ? (c ? '是' : '否') : c))));
  }
}

const ZIP_MIME = 'application/zip';
const PHOTOS_FILE_NAME = { 'zh-CN': '照片', en: 'photos' } as const;

function fileNameOf(row: ExportRow, formName: string): string {
  const lang = row.params.lang ?? 'zh-CN';
  if (row.kind === 'photos') return `${formName}-${PHOTOS_FILE_NAME[lang]}.zip`;
  return `${formName}-${row.kind === 'list' ? '填报数据' : STATISTICS_TEXTS[lang].fileName}.xlsx`;
}

async function complete(context: Context, tenantId: string, row: ExportRow, staged: StagedFile, formName: string): Promise<void> {
  const fileId = uuidv7();
  const name = fileNameOf(row, formName).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  try {
    await context.withTenant(tenantId, async ({ db }) => {
      await db('core_file').insert({ tenant_id: tenantId, id: fileId, name, content_type: row.kind === 'photos' ? ZIP_MIME : XLSX_MIME, size_bytes: staged.sizeBytes, sha256: staged.sha256, created_by: row.requested_by });
      await db('forms_export').where({ id: row.id }).update({ status: 'done', file_id: fileId, rows_done: db.raw('rows_total'), finished_at: db.fn.now() });
      await attachFiles(db, tenantId, null, { module: 'forms', kind: 'export', id: row.id }, [{ id: fileId, path: 'fileId' }]);
      await writeAudit(db, tenantId, null, { action: 'forms.export.done', recordType: 'forms_export', recordId: row.id, data: { fileId, sizeBytes: staged.sizeBytes } });
      await context.notifier.notify(db, tenantId, { userIds: [row.requested_by], kind: 'forms.export.done', title: `导出完成：${formName}`, body: name, link: `/forms/exports/${row.id}` });
      // Last: the content is in place only if everything before it was written.
      await context.files.place(staged, tenantId, fileId);
    });
  } catch (error) {
    await context.files.remove(tenantId, fileId);
    await context.files.discard(staged);
    throw error;
  }
}
