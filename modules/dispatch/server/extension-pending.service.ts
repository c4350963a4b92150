import type { Light } from './lights.ts';
import { decidedBy, type PendingSection } from './pending.service.ts';

/**
 * Extension requests waiting for the caller's decision: on open assignments of active tasks they
 * supervise (by the supervising unit's place in their scope, or as the task's creator), and on
 * the subtasks their own unit re-dispatched. Soonest current deadline first.
 */
export const extensionsToDecide: PendingSection = async (trx, { actor, supervise, redispatched }, limit) => {
  if (!supervise && redispatched.length === 0) return { kind: 'extension', items: [], count: 0 };
  const base = () =>
    trx('dispatch_extension as x')
      .join('dispatch_assignment as a', function joinAssignment() {
        this.on('a.tenant_id', 'x.tenant_id').andOn('a.id', 'x.assignment_id');
      })
      .join('dispatch_task as t', function joinTask() {
        this.on('t.tenant_id', 'x.tenant_id').andOn('t.id', 'x.task_id');
      })
      .join('core_unit as ou', function joinOwner() {
        this.on('ou.tenant_id', 't.tenant_id').andOn('ou.id', 't.owner_unit_id');
      })
      .where('x.status', 'pending')
      .where('t.status', 'active')
      .whereIn('a.status', ['pending', 'open', 'submitted'])
      .andWhere((w) => decidedBy(w, { actor, supervise, redispatched }));
  const rows: {
    id: string;
    task_id: string;
    assignment_id: string;
    title: string;
    unit_name: string;
    light: Light;
    deadline: Date;
    created_at: Date;
  }[] = await base()
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .select('x.id', 'x.task_id', 'x.assignment_id', 't.title', 'u.name as unit_name', 'a.light', 'a.deadline', 'x.created_at')
    .orderBy([{ column: 'a.deadline' }, { column: 'x.id' }])
    .limit(limit);
  const total = await base().count({ n: '*' }).first();
  return {
    kind: 'extension',
    count: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      kind: 'extension',
      id: r.id,
      title: r.title,
      taskId: r.task_id,
      assignmentId: r.assignment_id,
      unitName: r.unit_name,
      light: r.light,
      status: 'pending',
      deadline: r.deadline,
      at: r.created_at,
    })),
  };
};
