import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { AppError, badRequest, type DataScope, decodeCursor, encodeCursor, type JobRunner, notFound, writeAudit } from '../../../core/module-kit.ts';
import { filteredSubmissions, type ResultsFilter } from './results-query.ts';
import { sortKey } from './results-sort.ts';
import { resultFields } from './results.service.ts';
import { statisticsPlan } from './statistics.service.ts';
import type { ExportCellContext } from './county-time.ts';
import type { ExportLanguage } from './export-language.ts';

export const EXPORT_JOB = 'forms.export';
/** A workbook of the list or of the statistics, or a `.zip` of the photo and file answers. */
export type ExportKind = 'list' | 'statistics' | 'photos';
/** The most submissions one export job writes (Excel itself stops at 1,048,576 rows a sheet). */
export const EXPORT_JOB_MAX_ROWS = 1_000_000;

export interface ExportParams {
  filter: ResultsFilter;
  sort?: string;
  order: 'asc' | 'desc';
  fields: string[];
  groupBy?: string;
  /** The workbook's own words (statistics); exports queued before it existed are Chinese. */
  lang?: ExportLanguage;
  /** The county's zone and the files address, fixed when asked for (exports queued before: Asia/Shanghai, relative links). */
  cells?: ExportCellContext;
}

export interface ExportRow {
  id: string;
  form_id: string;
  kind: ExportKind;
  status: 'queued' | 'running' | 'done' | 'failed';
  params: ExportParams;
  scope: DataScope;
  requested_by: string;
  rows_total: number;
  rows_done: number;
  file_id: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface ExportContext {
  trx: Knex.Transaction;
  tenantId: string;
  userId: string;
  jobs: JobRunner;
}

/**
 * Checks an export request as the list or statistics route would (photos: as the list, on a form
 * with a photo or file question) (a 400 names `body.<field>`),
 * counts what it matches (a list over EXPORT_JOB_MAX_ROWS is refused), then stores the export and
 * queues its job in the same transaction: the job exists if and only if the export row does.
 */
export async function createExport(ctx: ExportContext, formId: string, kind: ExportKind, params: ExportParams, scope: DataScope): Promise<ExportRow> {
  const { fields } = await asBodyErrors(() => resultFields(ctx.trx, formId, params.filter.version));
  let total = 1;
  if (kind === 'photos' && !fields.some((f) => f.kind === 'file')) {
    throw badRequest('FORMS_EXPORT_NO_FILES', 'The form has no photo or file question', [{ path: 'body.kind', message: 'photos: the form asks for no photo or file' }]);
  }
  if (kind === 'list' || kind === 'photos') {
    await asBodyErrors(async () => {
      sortKey(fields, params);
      const [{ n }] = await filteredSubmissions(ctx.trx, formId, scope, fields, params.filter).count({ n: '*' });
      total = Number(n);
    });
    if (total > EXPORT_JOB_MAX_ROWS) {
      throw badRequest('FORMS_EXPORT_TOO_LARGE', `${total} submissions match; an export holds at most ${EXPORT_JOB_MAX_ROWS}: narrow the filters`, [{ path: 'body', message: `matches more than ${EXPORT_JOB_MAX_ROWS} submissions` }]);
    }
  } else {
    await asBodyErrors(async () => statisticsPlan(fields, params));
  }
  const id = uuidv7();
  const [row] = await ctx.trx('forms_export')
    .insert({ tenant_id: ctx.tenantId, id, form_id: formId, kind, params: JSON.stringify(params), scope: JSON.stringify(scope), requested_by: ctx.userId, rows_total: total })
    .returning('*');
  await ctx.jobs.enqueue(ctx.trx, EXPORT_JOB, { tenantId: ctx.tenantId, exportId: id });
  await writeAudit(ctx.trx, ctx.tenantId, ctx.userId, { action: 'forms.export.create', recordType: 'forms_export', recordId: id, data: { formId, kind, rows: total } });
  return row;
}

export type ExportListRow = ExportRow & { form_name?: string; cursor_at?: string };

function ownExports(trx: Knex.Transaction, userId: string) {
  return trx('forms_export as e')
    .join('forms_form as f', function joinForm() {
      this.on('f.tenant_id', 'e.tenant_id').andOn('f.id', 'e.form_id');
    })
    .where('e.requested_by', userId)
    .select('e.*', 'f.name as form_name');
}

/** An export of the signed-in user's own: others' exports (even of the same form) are not found. */
export async function getOwnExport(trx: Knex.Transaction, id: string, userId: string): Promise<ExportListRow> {
  const row: ExportListRow | undefined = await ownExports(trx, userId).where('e.id', id).first();
  if (!row) throw notFound('FORMS_EXPORT_NOT_FOUND', 'No such export of yours');
  return row;
}

/**
 * The signed-in user's exports, newest first: keyset pages on (created_at, id), which the index
 * (tenant_id, requested_by, created_at) serves; the cursor is the last row's key.
 */
export async function listOwnExports(trx: Knex.Transaction, userId: string, page: { limit: number; cursor?: string }): Promise<{ rows: ExportListRow[]; nextCursor: string | null }> {
  // The cursor keeps the microseconds: a JavaScript Date would cut them and skip rows.
  const cursorAt = trx.raw(`to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`);
  const query = ownExports(trx, userId).select(cursorAt).orderBy([{ column: 'e.created_at', order: 'desc' }, { column: 'e.id', order: 'desc' }]).limit(page.limit + 1);
  if (page.cursor) {
    const [createdAt, id] = decodeCursor(page.cursor, ['timestamp', 'uuid'], 'FORMS_CURSOR_INVALID');
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) throw badRequest('FORMS_CURSOR_INVALID', 'The cursor is not one this list gave out', [{ path: 'querystring.cursor', message: 'is invalid' }]);
    query.whereRaw('(e.created_at, e.id) < (?::timestamptz, ?::uuid)', [createdAt, id]);
  }
  const rows: ExportListRow[] = await query;
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: rows.length > page.limit ? encodeCursor([last.cursor_at ?? '', last.id]) : null };
}

export const exportToView = (row: ExportListRow) => ({
  id: row.id,
  formId: row.form_id,
  formName: row.form_name,
  kind: row.kind,
  status: row.status,
  rowsTotal: row.rows_total,
  rowsDone: row.rows_done,
  progress: row.status === 'done' ? 1 : row.rows_total > 0 ? Math.round((row.rows_done / row.rows_total) * 1000) / 1000 : 0,
  fileId: row.file_id,
  error: row.error,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

/** The list and statistics checks name query-string parameters; here the same values came in the body. */
async function asBodyErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details.map((d) => ({ ...d, path: d.path.replace(/^querystring(\.|$)/, 'body$1') }));
    throw new AppError(error.statusCode, error.code, error.message, details);
  }
}
