import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { badRequest, type ExportView, queueExport } from '../../../core/module-kit.ts';
import { aggregationCells, aggregationPage, aggregationTitle, type AggregationLanguage, type Cell } from './aggregation-sheet.ts';
import type { ReportFormColumn, ReportForms } from './report-form-port.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Dispatch's one kind of export (`exportRunners`). */
export const AGGREGATION_KIND = 'aggregation';
/** Assignments read per step of the job: one short transaction each, progress committed with it. */
export const AGGREGATION_CHUNK = 200;

/** What an aggregation export keeps in its params (core/exports/): the request, fixed when asked. */
export interface AggregationParams {
  taskId: string;
  periodKey: string | null;
  lang: AggregationLanguage;
  /** Where the photo links of the sheet point: the job has no request to ask. */
  filesBase: string;
}

/** A period key must be one of the task's report periods (a 400 naming where it came from). */
export async function checkPeriod(trx: Knex.Transaction, taskId: string, periodKey: string | undefined, path: string): Promise<void> {
  if (periodKey === undefined) return;
  const found = await trx('dispatch_report_period').where({ task_id: taskId, period_key: periodKey }).first('period_key');
  if (!found)
    throw badRequest(DISPATCH_ERRORS.PERIOD_NOT_FOUND, 'The task has no such report period', [
      { path, message: 'is not a report period of the task' },
    ]);
}

export async function countAssignments(trx: Knex.Transaction, taskId: string): Promise<number> {
  const row = await trx('dispatch_assignment').where({ task_id: taskId }).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** The columns of the task's frozen report form, when it has one and the forms module is enabled (else none). */
export async function reportFormColumns(
  trx: Knex.Transaction,
  taskId: string,
  forms: ReportForms | undefined,
): Promise<ReportFormColumn[]> {
  const task: { report_form_id: string | null; report_form_version: number | null } = await trx('dispatch_task')
    .where({ id: taskId })
    .first('report_form_id', 'report_form_version');
  if (!forms || !task.report_form_id || task.report_form_version === null) return [];
  const version = await forms.publishedVersion(trx, task.report_form_id, task.report_form_version);
  return version ? forms.columns(version) : [];
}

/** Every row of a task's aggregation at once: the direct download, for trees within `directAggregationMaxRows`. */
export async function aggregationRows(
  trx: Knex.Transaction,
  taskId: string,
  periodKey: string | null,
  lang: AggregationLanguage,
  formColumns: ReportFormColumn[],
  fileUrl: (fileId: string) => string,
  timeZone: string,
): Promise<Cell[][]> {
  const cells: Cell[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await aggregationPage(trx, taskId, periodKey, after, AGGREGATION_CHUNK);
    cells.push(...page.map((row) => aggregationCells(lang, row, formColumns, fileUrl, timeZone)));
    if (page.length < AGGREGATION_CHUNK) return cells;
    after = page[page.length - 1].path;
  }
}

/**
 * Queues an aggregation of any size as a core export (core/exports/, kind `aggregation`) in the
 * request's transaction: the export and its job exist together. Its requester follows it under
 * `/exports`; dispatch's runner (aggregation-runner.ts) writes it.
 */
export async function createAggregation(
  request: FastifyRequest,
  task: { id: string; title: string },
  input: Omit<AggregationParams, 'taskId'>,
): Promise<ExportView> {
  const params: AggregationParams = { taskId: task.id, ...input };
  return queueExport(request, {
    module: 'dispatch',
    kind: AGGREGATION_KIND,
    title: aggregationTitle(input.lang, task.title, input.periodKey),
    params: { ...params },
    total: await countAssignments(request.db, task.id),
  });
}

/**
 * Where the tenant's files are read over HTTP, as the requester reached the server
 * (`https://host/api/t/<slug>/files/`): the photo links of a sheet opened on another computer.
 */
export function filesBase(request: { protocol: string; host: string; tenant: { slug: string } }): string {
  return `${request.protocol}://${request.host}/api/t/${encodeURIComponent(request.tenant.slug)}/files/`;
}
