import type { Knex } from 'knex';
import { type ModuleActor, tenantOfTransaction, todayIn } from '../../../core/module-kit.ts';
import type { AssigneeState } from './period-status.service.ts';

interface DueRow {
  collection_id: string;
  collection_name: string;
  form_id: string;
  version: number;
  assignee_id: string;
  unit_name: string | null;
  period_key: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
  submission_id: string | null;
  submission_status: 'draft' | 'submitted' | 'returned' | null;
}

/**
 * The periods of active collections the actor answers for (as a person, or as one of a unit's
 * people), earliest due first. For each: the unit's submitted submission if there is one, else the
 * actor's own draft or returned one. Unless `all`, submitted periods are left out.
 */
export async function myDue(trx: Knex.Transaction, actor: ModuleActor, all: boolean, timeZone: string) {
  if (!actor.personId && !actor.unitId) return { items: [] };
  const { rows } = await trx.raw(
    `select c.id as collection_id, c.name as collection_name, c.form_id, c.version, a.id as assignee_id, u.name as unit_name,
        per.period_key, per.starts_on, per.ends_on, per.due_on, s.id as submission_id, s.status as submission_status
      from forms_collection_assignee a
      join forms_collection c on c.tenant_id = a.tenant_id and c.id = a.collection_id and c.status = 'active'
      join forms_period per on per.tenant_id = c.tenant_id and per.collection_id = c.id
      left join core_unit u on u.tenant_id = a.tenant_id and u.id = a.unit_id
      left join lateral (
        select s.id, s.status from forms_submission s
        where s.tenant_id = a.tenant_id and s.collection_id = c.id and s.period_key = per.period_key and s.assignee_id = a.id
          and (s.status = 'submitted' or s.submitted_by = ?)
        order by (s.status = 'submitted') desc, s.updated_at desc
        limit 1
      ) s on true
      where a.tenant_id = ? and (a.person_id = ? or a.unit_id = ?)
      order by per.due_on, c.name, per.period_key`,
    [actor.userId, tenantOfTransaction(trx), actor.personId, actor.unitId],
  );
  const today = todayIn(timeZone);
  const items = (rows as DueRow[])
    .map((r) => {
      const state: AssigneeState = r.submission_status ?? 'missing';
      return {
        collectionId: r.collection_id,
        collectionName: r.collection_name,
        formId: r.form_id,
        version: r.version,
        assigneeId: r.assignee_id,
        unitName: r.unit_name,
        periodKey: r.period_key,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        dueOn: r.due_on,
        overdue: state !== 'submitted' && r.due_on < today,
        state,
        submissionId: r.submission_id,
      };
    })
    .filter((item) => all || item.state !== 'submitted');
  return { items };
}
