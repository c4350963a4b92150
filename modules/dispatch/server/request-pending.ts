import type { Knex } from 'knex';
import type { Light } from './lights.ts';
import type { PendingSection } from './pending.service.ts';

/**
 * Requests (镇呼县应) waiting on the caller's unit: open or accepted ones addressed to it (to answer) and
 * answered ones it raised (to rate). Those past their due time show red; sooner due first.
 */
export const requestsToHandle: PendingSection = async (trx, { actor, request }, limit) => {
  const unitId = actor.unitId;
  if (!request || !unitId) return { kind: 'request', items: [], count: 0 };
  const base = () =>
    trx('dispatch_request as r').where((w: Knex.QueryBuilder) =>
      w
        .where((q) => q.where('r.to_unit_id', unitId).whereIn('r.status', ['open', 'accepted']))
        .orWhere((q) => q.where('r.from_unit_id', unitId).where('r.status', 'responded')),
    );
  const rows: { id: string; title: string; status: string; due_at: Date | null; created_at: Date; other_unit: string }[] = await base()
    .join('core_unit as fu', function joinFrom() {
      this.on('fu.tenant_id', 'r.tenant_id').andOn('fu.id', 'r.from_unit_id');
    })
    .join('core_unit as tu', function joinTo() {
      this.on('tu.tenant_id', 'r.tenant_id').andOn('tu.id', 'r.to_unit_id');
    })
    .select(
      'r.id',
      'r.title',
      'r.status',
      'r.due_at',
      'r.created_at',
      trx.raw('case when r.to_unit_id = ? then fu.name else tu.name end as other_unit', [unitId]),
    )
    .orderByRaw('r.due_at nulls last, r.created_at, r.id')
    .limit(limit);
  const total = await base().count({ n: '*' }).first();
  const now = Date.now();
  return {
    kind: 'request',
    count: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      kind: 'request',
      id: r.id,
      title: r.title,
      taskId: null,
      assignmentId: null,
      unitName: r.other_unit,
      light: (r.due_at && r.due_at.getTime() < now ? 'red' : null) as Light | null,
      status: r.status === 'responded' ? 'to_rate' : 'to_answer',
      deadline: r.due_at,
      at: r.created_at,
    })),
  };
};
