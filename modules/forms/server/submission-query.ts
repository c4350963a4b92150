import type { Knex } from 'knex';
import { type DataScope, decodeCursor, encodeCursor, notFound, unitPathInScope } from '../../../core/module-kit.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

export type SubmissionStatus = 'draft' | 'submitted' | 'returned';

export interface SubmissionRow {
  id: string;
  form_id: string;
  form_name: string;
  version: number;
  status: SubmissionStatus;
  data: Record<string, unknown>;
  collection_id: string | null;
  period_key: string | null;
  assignee_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string | null;
  submitted_by: string;
  submitter_name: string;
  return_reason: string | null;
  returned_at: Date | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Submissions with their form's name, unit and submitter, as every list and view shows them. */
export function selectSubmissions(trx: Knex.Transaction) {
  return trx('forms_submission as s')
    .join('forms_form as f', function joinForm() {
      this.on('f.tenant_id', 's.tenant_id').andOn('f.id', 's.form_id');
    })
    .join('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 's.tenant_id').andOn('usr.id', 's.submitted_by');
    })
    .leftJoin('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 's.tenant_id').andOn('u.id', 's.unit_id');
    })
    .select(
      's.id',
      's.form_id',
      'f.name as form_name',
      's.version',
      's.status',
      's.data',
      's.collection_id',
      's.period_key',
      's.assignee_id',
      's.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      's.submitted_by',
      'usr.display_name as submitter_name',
      's.return_reason',
      's.returned_at',
      's.submitted_at',
      's.created_at',
      's.updated_at',
    );
}

export const submissionToView = (row: SubmissionRow) => ({
  id: row.id,
  formId: row.form_id,
  formName: row.form_name,
  version: row.version,
  status: row.status,
  data: row.data,
  collectionId: row.collection_id,
  periodKey: row.period_key,
  assigneeId: row.assignee_id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  submittedBy: { id: row.submitted_by, displayName: row.submitter_name },
  returnReason: row.return_reason,
  returnedAt: row.returned_at,
  submittedAt: row.submitted_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function findSubmission(trx: Knex.Transaction, id: string, lock = false): Promise<SubmissionRow | undefined> {
  const query = selectSubmissions(trx).where('s.id', id).first();
  // Changes lock the submission row only (joined rows stay free for others).
  if (lock) query.forUpdate('s');
  return query;
}

/**
 * A submission the user may read: their own, or one whose unit lies in `scope` (results or
 * collect permission). Anything else is not found: its existence is not revealed.
 */
export function assertVisible(row: SubmissionRow | undefined, userId: string, scope: DataScope | null): SubmissionRow {
  if (
    row &&
    (row.submitted_by === userId ||
      (scope && (scope.kind === 'tenant' || (row.unit_path !== null && unitPathInScope(row.unit_path, scope)))))
  )
    return row;
  throw notFound(FORMS_ERRORS.SUBMISSION_NOT_FOUND, 'No such submission');
}

/** The user's own submissions, last changed first. */
export async function listMySubmissions(
  trx: Knex.Transaction,
  userId: string,
  filter: { status?: SubmissionStatus; formId?: string; limit: number; cursor?: string },
) {
  const query = selectSubmissions(trx)
    .where('s.submitted_by', userId)
    .orderBy([
      { column: 's.updated_at', order: 'desc' },
      { column: 's.id', order: 'desc' },
    ])
    .limit(filter.limit + 1);
  if (filter.status) query.where('s.status', filter.status);
  if (filter.formId) query.where('s.form_id', filter.formId);
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, ['timestamp', 'uuid'], FORMS_ERRORS.CURSOR_INVALID);
    query.whereRaw('(s.updated_at, s.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  // The key as PostgreSQL's text: a JS Date would drop the microseconds and skip rows.
  query.select(trx.raw('s.updated_at::text as cursor_at'));
  const rows: (SubmissionRow & { cursor_at: string })[] = await query;
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return { items: page.map(submissionToView), nextCursor: rows.length > filter.limit ? encodeCursor([last.cursor_at, last.id]) : null };
}
