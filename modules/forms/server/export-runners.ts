import {
  DEFAULT_TIME_ZONE,
  type ExportOutput,
  type ExportRunContext,
  type ExportRunner,
  type ExportTask,
  XLSX_MIME,
} from '../../../core/module-kit.ts';
import { listLayout } from './export-layout.ts';
import { exportFileName, type ExportKind, type FormsExportParams } from './export.service.ts';
import { getForm } from './form.service.ts';
import { statisticsSheets } from './results-export.ts';
import { filteredSubmissions } from './results-query.ts';
import { sortKey, type KeysetPosition } from './results-sort.ts';
import { resultFields, submissionsPage, type KeyedRow } from './results.service.ts';
import { statistics } from './statistics.service.ts';
import { XlsxStream } from './xlsx-stream.ts';
import { writePhotos } from './photo-export.ts';
import { ZipStream } from './zip-stream.ts';

/** Submissions read, written and reported per step: small enough for short transactions, large enough to be quick. */
const CHUNK = 1_000;
const ZIP_MIME = 'application/zip';

/**
 * Writes one forms export (queued by `POST /forms/forms/:id/exports`, run by core's export job):
 * streams it into the file store in chunks (keyset pages, one short transaction each, progress
 * committed with every chunk so `GET /exports/:id` shows it) and hands the staged file back to
 * core, which stores it and tells the requester. What it staged is dropped when it fails.
 */
async function runFormsExport(task: ExportTask, context: ExportRunContext): Promise<ExportOutput> {
  const kind = task.kind as ExportKind;
  const params = task.params as unknown as FormsExportParams;
  const zip = kind === 'photos' ? new ZipStream(context.files) : null;
  const out = zip ?? new XlsxStream(context.files);
  try {
    const formName = await context.withTenant(task.tenantId, async ({ db }) => (await getForm(db, params.formId)).name);
    if (zip) await writePhotos(context, task.tenantId, params, zip);
    else if (kind === 'list') await writeList(context, task.tenantId, params, out as XlsxStream);
    else await writeStatistics(context, task.tenantId, params, out as XlsxStream);
    const file = await out.finish();
    return { file, fileName: exportFileName(kind, formName, params.lang ?? 'zh-CN'), contentType: zip ? ZIP_MIME : XLSX_MIME };
  } catch (error) {
    await out.abort();
    throw error;
  }
}

/** Forms' runners by export kind (`PlatformModule.exportRunners`). */
export const formsExportRunners: Record<ExportKind, ExportRunner> = {
  list: runFormsExport,
  statistics: runFormsExport,
  photos: runFormsExport,
};

/** One pass over the matching submissions per sheet (the list, then each repeating group). */
async function writeList(context: ExportRunContext, tenantId: string, params: FormsExportParams, out: XlsxStream): Promise<void> {
  const { filter } = params;
  const { fields, count } = await context.withTenant(tenantId, async ({ db }) => {
    const found = await resultFields(db, params.formId, filter.version);
    const [{ n }] = await filteredSubmissions(db, params.formId, params.scope, found.fields, filter).count({ n: '*' });
    return { fields: found.fields, count: Number(n) };
  });
  const key = sortKey(fields, params);
  const layouts = listLayout(fields, params.cells ?? { timeZone: DEFAULT_TIME_ZONE, filesBase: '' });
  const total = count * layouts.length;
  let done = 0;
  for (const layout of layouts) {
    out.startSheet(layout.name, layout.columns);
    let after: KeysetPosition | null = null;
    for (;;) {
      // Submissions made since the count could pass the total: progress stays within it.
      await context.progress(Math.min(done, total), total);
      const position: KeysetPosition | null = after;
      const page: KeyedRow[] = await context.withTenant(tenantId, ({ db }) =>
        submissionsPage(db, params.formId, params.scope, fields, filter, key, position, CHUNK),
      );
      out.addRows(page.flatMap((r) => layout.rowsOf(r)));
      done += page.length;
      if (page.length < CHUNK) break;
      const last: KeyedRow = page[page.length - 1];
      after = { value: last.sort_key, id: last.id };
    }
  }
}

async function writeStatistics(context: ExportRunContext, tenantId: string, params: FormsExportParams, out: XlsxStream): Promise<void> {
  const stats = await context.withTenant(tenantId, ({ db }) =>
    statistics(db, params.formId, params.scope, params.filter, { fields: params.fields, groupBy: params.groupBy }),
  );
  for (const sheet of statisticsSheets(stats, params.lang ?? 'zh-CN')) {
    out.startSheet(sheet.name, sheet.columns);
    out.addRows(sheet.rows.map((cells) => cells.map((c) => (c === undefined ? null : typeof c === 'boolean' ? (c ? '是' : '否') : c))));
  }
}
