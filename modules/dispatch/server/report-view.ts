import type { Knex } from 'knex';
import { reportFormColumns } from './aggregation.service.ts';
import type { ReportForms } from './report-form-port.ts';
import { decodeCursor, encodeCursor } from '../../../core/module-kit.ts';
import { fileViews } from './task-view.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Reports as lists show them: with unit, submitter, reviewer and card. */
export function reportQuery(trx: Knex.Transaction) {
  const on = (alias: string, column: string) =>
    function join(this: Knex.JoinClause) {
      this.on(`${alias}.tenant_id`, 'r.tenant_id').andOn(`${alias}.id`, column);
    };
  return trx('dispatch_report as r')
    .join('dispatch_assignment as a', on('a', 'r.assignment_id'))
    .join('core_unit as u', on('u', 'a.unit_id'))
    .join('core_user as sub', on('sub', 'r.submitted_by'))
    .leftJoin('core_user as rev', on('rev', 'r.reviewed_by'))
    .leftJoin('dispatch_card as c', function joinCard() {
      this.on('c.tenant_id', 'r.tenant_id').andOn('c.report_id', 'r.id');
    })
    .leftJoin('core_user as giver', on('giver', 'c.given_by'))
    .select(
      'r.id',
      'r.task_id',
      'r.assignment_id',
      'u.name as unit_name',
      'r.period_key',
      'r.progress',
      'r.text',
      'r.photo_ids',
      'r.problem',
      'r.form_version',
      'r.form_data',
      'r.status',
      'r.review_reason',
      'rev.display_name as reviewer_name',
      'r.reviewed_at',
      'sub.display_name as submitter_name',
      'r.created_at',
      'c.color as card_color',
      'c.reason as card_reason',
      'giver.display_name as card_giver',
      'c.created_at as card_at',
    )
    .select(trx.raw('r.created_at::text as cursor_at'));
}

export interface ReportQueryRow {
  id: string;
  task_id: string;
  assignment_id: string;
  unit_name: string;
  period_key: string | null;
  progress: number;
  text: string;
  photo_ids: string[];
  problem: boolean;
  form_version: number | null;
  form_data: Record<string, unknown> | null;
  status: 'submitted' | 'accepted' | 'returned';
  review_reason: string | null;
  reviewer_name: string | null;
  reviewed_at: Date | null;
  submitter_name: string;
  created_at: Date;
  card_color: 'green' | 'yellow' | 'red' | null;
  card_reason: string | null;
  card_giver: string | null;
  card_at: Date | null;
  cursor_at: string;
}

export async function toReportViews(trx: Knex.Transaction, rows: ReportQueryRow[], forms: ReportForms | undefined) {
  const files = await fileViews(trx, [...new Set(rows.flatMap((r) => r.photo_ids))]);
  const answers = await formAnswers(trx, rows, forms);
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    assignmentId: r.assignment_id,
    unitName: r.unit_name,
    periodKey: r.period_key,
    progress: r.progress,
    text: r.text,
    photos: r.photo_ids.flatMap((id) => files.get(id) ?? []),
    problem: r.problem,
    formVersion: r.form_version,
    data: r.form_data,
    answers: answers(r),
    status: r.status,
    reviewReason: r.review_reason,
    reviewerName: r.reviewer_name,
    reviewedAt: r.reviewed_at,
    submitterName: r.submitter_name,
    createdAt: r.created_at,
    card: r.card_color
      ? { color: r.card_color, reason: r.card_reason ?? '', giverName: r.card_giver ?? '', givenAt: r.card_at as Date }
      : null,
  }));
}

export async function reportView(trx: Knex.Transaction, id: string, forms: ReportForms | undefined) {
  const [view] = await toReportViews(trx, [await reportQuery(trx).where('r.id', id).first()], forms);
  return view;
}

/** A page of reports, newest first, keyset-paged on (created_at, id). */
export async function reportPage(
  trx: Knex.Transaction,
  query: Knex.QueryBuilder,
  page: { limit: number; cursor?: string },
  forms: ReportForms | undefined,
) {
  query
    .orderBy([
      { column: 'r.created_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(page.limit + 1);
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['timestamp', 'uuid'], DISPATCH_ERRORS.CURSOR_INVALID);
    query.whereRaw('(r.created_at, r.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows: ReportQueryRow[] = await query;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: await toReportViews(trx, items, forms),
    nextCursor: rows.length > page.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}

/**
 * A report's form answers as people read them: each field's title and its value formatted as the
 * form defines it (choice titles, not codes; the same cells as the aggregation sheet), empty
 * answers left out. Without the forms module: none (the raw `data` stays in the view).
 */
async function formAnswers(trx: Knex.Transaction, rows: ReportQueryRow[], forms: ReportForms | undefined) {
  const columns = new Map<string, Awaited<ReturnType<typeof reportFormColumns>>>();
  for (const taskId of new Set(rows.filter((r) => r.form_data).map((r) => r.task_id)))
    columns.set(taskId, await reportFormColumns(trx, taskId, forms));
  return (row: ReportQueryRow) =>
    row.form_data
      ? (columns.get(row.task_id) ?? []).flatMap((column) => {
          const value = column.cell(row.form_data);
          return value === null || value === '' ? [] : [{ title: column.title, value: String(value) }];
        })
      : [];
}
