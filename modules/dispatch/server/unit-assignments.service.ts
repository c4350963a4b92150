import type { Knex } from 'knex';
import { type DataScope, decodeCursor, encodeCursor, type ModuleActor } from '../../../core/module-kit.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface UnitAssignmentFilter {
  state: 'active' | 'finished' | 'all';
  limit: number;
  cursor?: string;
}

const ACTIVE = ['pending', 'open', 'submitted'];
const FINISHED = ['done', 'closed'];

/**
 * "本单位任务": every assignment of the caller's unit (with dispatch.handle) or naming the caller
 * as its responsible person, finished ones included — "my pending" drops work once it is done,
 * this list keeps it. Newest dispatch first, keyset-paged on (created_at, id).
 */
export async function unitAssignments(trx: Knex.Transaction, actor: ModuleActor, handle: DataScope | null, filter: UnitAssignmentFilter) {
  if (!actor.personId) return { items: [], nextCursor: null };
  const query = trx('dispatch_assignment as a')
    .join('dispatch_task as t', function joinTask() {
      this.on('t.tenant_id', 'a.tenant_id').andOn('t.id', 'a.task_id');
    })
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .where((w) => {
      w.where('a.person_id', actor.personId);
      if (handle && actor.unitId) w.orWhere('a.unit_id', actor.unitId);
    })
    .orderBy([
      { column: 'a.created_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(filter.limit + 1)
    .select(
      'a.id',
      'a.task_id',
      't.title',
      't.category',
      'a.unit_id',
      'u.name as unit_name',
      'a.role',
      'a.depth',
      'a.status',
      'a.light',
      'a.progress',
      'a.own_progress',
      'a.deadline',
      'a.created_at',
      'a.updated_at',
    )
    .select(trx.raw('a.created_at::text as cursor_at'));
  if (filter.state === 'active') query.whereIn('a.status', ACTIVE);
  if (filter.state === 'finished') query.whereIn('a.status', FINISHED);
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, 2, DISPATCH_ERRORS.CURSOR_INVALID);
    query.whereRaw('(a.created_at, a.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows = await query;
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      title: r.title,
      category: r.category,
      unit: { id: r.unit_id, name: r.unit_name },
      role: r.role,
      depth: r.depth,
      status: r.status,
      light: r.light,
      progress: r.progress,
      ownProgress: r.own_progress,
      deadline: r.deadline,
      dispatchedAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    nextCursor: rows.length > filter.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
