import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, conflict, type JobRunner, notFound } from '../../../core/module-kit.ts';
import { aggregationCells, aggregationPage, type AggregationLanguage, type Cell } from './aggregation-sheet.ts';
import type { ReportFormColumn, ReportForms } from './report-form-port.ts';

export const AGGREGATION_JOB = 'dispatch.aggregation';
/** Assignments read per step of the job: one short transaction each, progress committed with it. */
export const AGGREGATION_CHUNK = 200;

export interface ExportRow {
  id: string;
  task_id: string;
  period_key: string | null;
  lang: AggregationLanguage;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  file_id: string | null;
  error: string | null;
  requested_by: string;
  created_at: Date;
  finished_at: Date | null;
}

/** A period key must be one of the task's report periods (a 400 naming where it came from). */
export async function checkPeriod(trx: Knex.Transaction, taskId: string, periodKey: string | undefined, path: string): Promise<void> {
  if (periodKey === undefined) return;
  const found = await trx('dispatch_report_period').where({ task_id: taskId, period_key: periodKey }).first('period_key');
  if (!found) throw badRequest('DISPATCH_PERIOD_NOT_FOUND', 'The task has no such report period', [{ path, message: 'is not a report period of the task' }]);
}

export async function countAssignments(trx: Knex.Transaction, taskId: string): Promise<number> {
  const row = await trx('dispatch_assignment').where({ task_id: taskId }).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** The columns of the task's frozen report form, when it has one and the forms module is enabled (else none). */
export async function reportFormColumns(trx: Knex.Transaction, taskId: string, forms: ReportForms | undefined): Promise<ReportFormColumn[]> {
  const task: { report_form_id: string | null; report_form_version: number | null } = await trx('dispatch_task').where({ id: taskId }).first('report_form_id', 'report_form_version');
  if (!forms || !task.report_form_id || task.report_form_version === null) return [];
  const version = await forms.publishedVersion(trx, task.report_form_id, task.report_form_version);
  return version ? forms.columns(version) : [];
}

/** Every row of a task's aggregation at once: the direct download, for trees within `directAggregationMaxRows`. */
export async function aggregationRows(trx: Knex.Transaction, taskId: string, periodKey: string | null, lang: AggregationLanguage, formColumns: ReportFormColumn[], fileUrl: (fileId: string) => string, timeZone: string): Promise<Cell[][]> {
  const cells: Cell[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await aggregationPage(trx, taskId, periodKey, after, AGGREGATION_CHUNK);
    cells.push(...page.map((row) => aggregationCells(lang, row, formColumns, fileUrl, timeZone)));
    if (page.length < AGGREGATION_CHUNK) return cells;
    after = page[page.length - 1].path;
  }
}


/** Stores an aggregation export and queues its job in the same transaction: the job exists if and only if the row does. */
export async function createAggregation(trx: Knex.Transaction, jobs: JobRunner, input: { tenantId: string; userId: string; taskId: string; periodKey: string | null; lang: AggregationLanguage; filesBase: string }): Promise<ExportRow> {
  const id = uuidv7();
  const [row] = await trx('dispatch_export')
    .insert({ tenant_id: input.tenantId, id, task_id: input.taskId, period_key: input.periodKey, lang: input.lang, total: await countAssignments(trx, input.taskId), requested_by: input.userId })
    .returning('*');
  // The job has no request: the address photo links start with travels in its data.
  await jobs.enqueue(trx, AGGREGATION_JOB, { tenantId: input.tenantId, exportId: id, filesBase: input.filesBase });
  return row;
}

/** One of the caller's own aggregation exports; anyone else's is a 404. */
export async function ownAggregation(trx: Knex.Transaction, id: string, userId: string): Promise<ExportRow> {
  const row: ExportRow | undefined = await trx('dispatch_export').where({ id, requested_by: userId }).first();
  if (!row) throw notFound('DISPATCH_AGGREGATION_NOT_FOUND', 'No such aggregation');
  return row;
}

export function requireDone(row: ExportRow): string {
  if (row.status !== 'done' || !row.file_id) throw conflict('DISPATCH_AGGREGATION_NOT_READY', `The aggregation is ${row.status}, not done`);
  return row.file_id;
}

export function aggregationView(row: ExportRow) {
  return {
    id: row.id,
    taskId: row.task_id,
    periodKey: row.period_key,
    lang: row.lang,
    status: row.status,
    total: row.total,
    done: row.done,
    progress: row.status === 'done' ? 1 : row.total > 0 ? Math.min(1, row.done / row.total) : 0,
    fileId: row.file_id,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Where the tenant's files are read over HTTP, as the requester reached the server
 * (`https://host/api/t/<slug>/files/`): the photo links of a sheet opened on another computer.
 */
export function filesBase(request: { protocol: string; host: string; tenant: { slug: string } }): string {
  return `${request.protocol}://${request.host}/api/t/${encodeURIComponent(request.tenant.slug)}/files/`;
}
