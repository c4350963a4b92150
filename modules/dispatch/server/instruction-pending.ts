import { tenantOfTransaction } from '../../../core/module-kit.ts';
import type { PendingSection } from './pending.service.ts';

/**
 * Instructions (批示) the caller's units still have to acknowledge: on active tasks, for the
 * top-level assignments the caller answers for (as the responsible person, or their unit's with
 * dispatch.handle), oldest first. An instruction counts once even when the caller answers for
 * two units of its task. One statement gives the page and the count: the unit's open top-level
 * assignments come from the partial index `dispatch_assignment_open_top_idx` alone (no heap
 * visit), the acknowledgements from their primary key.
 */
export const instructionsToAcknowledge: PendingSection = async (trx, { actor, handle }, limit) => {
  if (!actor.personId) return { kind: 'instruction', items: [], count: 0 };
  const tenantId = tenantOfTransaction(trx);
  const unitBranch =
    handle && actor.unitId
      ? `select id, task_id, unit_id from dispatch_assignment where tenant_id = ? and unit_id = ? and depth = 0 and status <> 'closed' union `
      : '';
  // `waiting` is materialised so the few unacknowledged (instruction, assignment) pairs are found
  // first and only they meet the tasks by primary key; `offset 0` keeps the acknowledgement check a
  // primary-key probe per pair instead of a hash of every acknowledgement of the tenant.
  const { rows } = await trx.raw(
    `with mine as (${unitBranch}select id, task_id, unit_id from dispatch_assignment where tenant_id = ? and person_id = ? and depth = 0 and status <> 'closed'),
     waiting as materialized (
       select i.id, i.task_id, i.created_at, m.id as assignment_id, m.unit_id
         from mine m
         join dispatch_instruction i on i.tenant_id = ? and i.task_id = m.task_id
        where not exists (select 1 from dispatch_instruction_ack k where k.tenant_id = i.tenant_id and k.instruction_id = i.id and k.assignment_id = m.id offset 0))
     select w.id, w.task_id, (array_agg(w.assignment_id order by w.assignment_id))[1] as assignment_id, t.title,
            (array_agg(u.name order by w.assignment_id))[1] as unit_name, w.created_at, count(*) over () as total
       from waiting w
       join dispatch_task t on t.tenant_id = ? and t.id = w.task_id and t.status = 'active'
       join core_unit u on u.tenant_id = t.tenant_id and u.id = w.unit_id
      group by w.id, w.task_id, t.title, w.created_at
      order by w.created_at, w.id
      limit ?`,
    [...(unitBranch ? [tenantId, actor.unitId] : []), tenantId, actor.personId, tenantId, tenantId, limit],
  );
  const found = rows as {
    id: string;
    task_id: string;
    assignment_id: string;
    title: string;
    unit_name: string;
    created_at: Date;
    total: string;
  }[];
  return {
    kind: 'instruction',
    count: Number(found[0]?.total ?? 0),
    items: found.map((r) => ({
      kind: 'instruction',
      id: r.id,
      title: r.title,
      taskId: r.task_id,
      assignmentId: r.assignment_id,
      unitName: r.unit_name,
      light: null,
      status: 'unacknowledged',
      deadline: null,
      at: r.created_at,
    })),
  };
};
