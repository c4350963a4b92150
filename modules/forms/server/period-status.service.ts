import type { Knex } from 'knex';
import { answeringAccounts, type DataScope, escapeLike, lastRemindedAt, tenantOfTransaction } from '../../../core/module-kit.ts';
import { REMINDER_SUBJECT } from './reminder-ledger.ts';

export type AssigneeState = 'submitted' | 'returned' | 'draft' | 'missing';

export interface AssigneeStatus {
  id: string;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
  state: AssigneeState;
  submittedCount: number;
  lastSubmittedAt: Date | null;
  lastRemindedAt: Date | null;
  /** Active accounts that may fill in for the assignee: 0 means nobody can (the page warns). */
  fillers: number;
}

interface StatusRow {
  id: string;
  unit_id: string | null;
  unit_name: string | null;
  person_id: string | null;
  person_name: string | null;
  submitted_count: number;
  last_submitted_at: Date | null;
  has_returned: boolean;
  has_draft: boolean;
}

/**
 * Each assignee of a collection in one period, with what it has done: submitted (at least one
 * submission counts), returned, a draft, or nothing. Only assignees whose unit (a person's own
 * unit) lies in `scope` are listed.
 */
export async function periodAssigneeStatus(
  trx: Knex.Transaction,
  collectionId: string,
  periodKey: string,
  scope: DataScope,
): Promise<AssigneeStatus[]> {
  const scopeSql = scope.kind === 'tenant' ? '' : scope.kind === 'own_unit' ? 'and eu.id = ?' : "and eu.path like ? escape '\\'";
  const scopeBinding = scope.kind === 'tenant' ? [] : scope.kind === 'own_unit' ? [scope.unitId] : [`${escapeLike(scope.unitPath)}%`];
  const { rows } = await trx.raw(
    `select a.id, a.unit_id, u.name as unit_name, a.person_id, p.name as person_name,
        count(s.id) filter (where s.status = 'submitted')::int as submitted_count,
        max(s.submitted_at) filter (where s.status = 'submitted') as last_submitted_at,
        coalesce(bool_or(s.status = 'returned'), false) as has_returned,
        coalesce(bool_or(s.status = 'draft'), false) as has_draft
      from forms_collection_assignee a
      left join core_unit u on u.tenant_id = a.tenant_id and u.id = a.unit_id
      left join core_person p on p.tenant_id = a.tenant_id and p.id = a.person_id
      join core_unit eu on eu.tenant_id = a.tenant_id and eu.id = coalesce(a.unit_id, p.unit_id)
      left join forms_submission s on s.tenant_id = a.tenant_id and s.collection_id = a.collection_id and s.period_key = ? and s.assignee_id = a.id
      where a.tenant_id = ? and a.collection_id = ? ${scopeSql}
      group by a.tenant_id, a.id, u.name, p.name
      order by coalesce(u.name, p.name), a.id`,
    [periodKey, tenantOfTransaction(trx), collectionId, ...scopeBinding],
  );
  const ids = (rows as StatusRow[]).map((r) => r.id);
  const fillers = await assigneeUsers(trx, ids);
  const reminded = await lastRemindedAt(trx, { ...REMINDER_SUBJECT, subjectIds: ids, data: { periodKey } });
  return (rows as StatusRow[]).map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    personId: r.person_id,
    personName: r.person_name,
    state: r.submitted_count > 0 ? 'submitted' : r.has_returned ? 'returned' : r.has_draft ? 'draft' : 'missing',
    submittedCount: Number(r.submitted_count),
    lastSubmittedAt: r.last_submitted_at,
    lastRemindedAt: reminded.get(r.id) ?? null,
    fillers: fillers.get(r.id)?.length ?? 0,
  }));
}

/**
 * The active accounts that answer for each assignee: the person's own account, or the accounts
 * of the unit's people who hold `forms.submit`.
 */
export async function assigneeUsers(trx: Knex.Transaction, assigneeIds: string[]): Promise<Map<string, string[]>> {
  if (assigneeIds.length === 0) return new Map();
  const assignees: { id: string; unit_id: string | null; person_id: string | null }[] = await trx('forms_collection_assignee')
    .whereIn('id', assigneeIds)
    .select('id', 'unit_id', 'person_id');
  const byAssignee = await answeringAccounts(
    trx,
    assignees.map((a) => ({ key: a.id, unitId: a.unit_id, personId: a.person_id })),
    'forms.submit',
  );
  for (const id of assigneeIds) if (!byAssignee.has(id)) byAssignee.set(id, []);
  return byAssignee;
}
