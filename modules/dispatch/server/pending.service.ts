import type { Knex } from 'knex';
import type { DataScope, ModuleActor } from '../../../core/module-kit.ts';
import type { Light } from './lights.ts';

export type PendingKind = 'assignment' | 'review' | 'extension' | 'instruction' | 'request';

export interface PendingItem {
  kind: PendingKind;
  id: string;
  title: string;
  taskId: string | null;
  assignmentId: string | null;
  unitName: string | null;
  light: Light | null;
  status: string;
  deadline: Date | null;
  at: Date;
}

/** Who asks: the actor and the scopes of the dispatch permissions they hold (null: not held). */
export interface PendingViewer {
  actor: ModuleActor;
  supervise: DataScope | null;
  handle: DataScope | null;
  instruct: DataScope | null;
  request: DataScope | null;
  /** Open assignments the caller answers for that have subtasks: they decide on those subtasks' reports and requests. */
  redispatched: string[];
}

/**
 * The caller's open assignments with subtasks, found once per page through a small partial index
 * (most units re-dispatch little): the sections that look at subtasks then match `parent_id` against
 * these ids, and skip their queries entirely when there are none.
 */
export async function redispatchedAssignmentIds(trx: Knex.Transaction, actor: ModuleActor, handle: DataScope | null): Promise<string[]> {
  if (!actor.personId) return [];
  return trx('dispatch_assignment')
    .where('child_count', '>', 0)
    .whereIn('status', ['pending', 'open', 'submitted'])
    .andWhere((w) => {
      w.where('person_id', actor.personId);
      if (handle && actor.unitId) w.orWhere('unit_id', actor.unitId);
    })
    .pluck('id');
}

/** One kind of pending work: its items (at most `limit`, most urgent first) and how many there are in all. */
export type PendingSection = (
  trx: Knex.Transaction,
  viewer: PendingViewer,
  limit: number,
) => Promise<{ kind: PendingKind; items: PendingItem[]; count: number }>;

/**
 * Whose decision a subtask's report or request is: the supervisors of its task (the supervising
 * unit `ou` within their scope, or the task's creator `t`) and the unit that re-dispatched it (`a`
 * is the subtask). For the where-clause of a section that joins those aliases.
 */
export function decidedBy(
  w: Knex.QueryBuilder,
  { actor, supervise, redispatched }: Pick<PendingViewer, 'actor' | 'supervise' | 'redispatched'>,
): void {
  if (supervise?.kind === 'tenant') w.whereRaw('true');
  else if (supervise?.kind === 'unit_subtree') w.where('ou.path', 'like', `${supervise.unitPath}%`);
  else if (supervise?.kind === 'own_unit') w.where('t.owner_unit_id', supervise.unitId);
  if (supervise) w.orWhere('t.created_by', actor.userId);
  if (redispatched.length > 0) w.orWhereIn('a.parent_id', redispatched);
}

/** Red and yellow work first, then what waits on the caller's decision, then the rest; sooner deadlines first. */
export function urgencyRank(item: PendingItem): number {
  if (item.light === 'red') return 0;
  if (item.light === 'yellow') return 1;
  if (item.kind !== 'assignment') return 2;
  return 3;
}

export function byUrgency(a: PendingItem, b: PendingItem): number {
  return (
    urgencyRank(a) - urgencyRank(b) ||
    (a.deadline?.getTime() ?? Infinity) - (b.deadline?.getTime() ?? Infinity) ||
    a.at.getTime() - b.at.getTime()
  );
}

/** Runs every section and merges them, most urgent first. */
export async function myPending(trx: Knex.Transaction, viewer: PendingViewer, sections: PendingSection[], limit: number) {
  // In turn: the sections share one transaction, which runs one query at a time.
  const results = [];
  for (const section of sections) results.push(await section(trx, viewer, limit));
  const counts: Record<string, number> = {};
  for (const result of results) counts[result.kind] = (counts[result.kind] ?? 0) + result.count;
  return {
    items: results
      .flatMap((r) => r.items)
      .sort(byUrgency)
      .slice(0, limit),
    counts,
  };
}

/**
 * Assignments the caller answers for that still need work (not opened, open, or returned to
 * them), through the (unit, status, deadline) index.
 */
export const assignmentsToHandle: PendingSection = async (trx, { actor, handle }, limit) => {
  const empty = { kind: 'assignment' as const, items: [], count: 0 };
  if (!actor.personId) return empty;
  const mine = (q: Knex.QueryBuilder) =>
    q.whereIn('a.status', ['pending', 'open']).andWhere((w) => {
      w.where('a.person_id', actor.personId);
      if (handle && actor.unitId) w.orWhere('a.unit_id', actor.unitId);
    });
  const rows = await mine(
    trx('dispatch_assignment as a')
      .join('dispatch_task as t', function joinTask() {
        this.on('t.tenant_id', 'a.tenant_id').andOn('t.id', 'a.task_id');
      })
      .join('core_unit as u', function joinUnit() {
        this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
      }),
  )
    .select('a.id', 'a.task_id', 't.title', 'u.name as unit_name', 'a.light', 'a.status', 'a.deadline', 'a.created_at')
    .orderByRaw("case a.light when 'red' then 0 when 'yellow' then 1 else 2 end, a.deadline, a.id")
    .limit(limit);
  const total = await mine(trx('dispatch_assignment as a')).count({ n: '*' }).first();
  return {
    kind: 'assignment',
    count: Number(total?.n ?? 0),
    items: rows.map(
      (r: {
        id: string;
        task_id: string;
        title: string;
        unit_name: string;
        light: Light;
        status: string;
        deadline: Date;
        created_at: Date;
      }) => ({
        kind: 'assignment',
        id: r.id,
        title: r.title,
        taskId: r.task_id,
        assignmentId: r.id,
        unitName: r.unit_name,
        light: r.light,
        status: r.status,
        deadline: r.deadline,
        at: r.created_at,
      }),
    ),
  };
};

/**
 * Reports waiting for the caller's review: on tasks they supervise (by the supervising unit's
 * place in their scope), and on the subtasks their own unit re-dispatched.
 */
export const reportsToReview: PendingSection = async (trx, { actor, supervise, redispatched }, limit) => {
  if (!supervise && redispatched.length === 0) return { kind: 'review', items: [], count: 0 };
  const base = () =>
    trx('dispatch_report as r')
      .join('dispatch_assignment as a', function joinAssignment() {
        this.on('a.tenant_id', 'r.tenant_id').andOn('a.id', 'r.assignment_id');
      })
      .join('dispatch_task as t', function joinTask() {
        this.on('t.tenant_id', 'r.tenant_id').andOn('t.id', 'r.task_id');
      })
      .join('core_unit as ou', function joinOwner() {
        this.on('ou.tenant_id', 't.tenant_id').andOn('ou.id', 't.owner_unit_id');
      })
      .where('r.status', 'submitted')
      .where('t.status', 'active')
      .andWhere((w) => decidedBy(w, { actor, supervise, redispatched }));
  const rows = await base()
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .select('r.id', 'r.task_id', 'r.assignment_id', 't.title', 'u.name as unit_name', 'r.progress', 'r.created_at', 'a.deadline')
    .orderBy('r.created_at')
    .limit(limit);
  const total = await base().count({ n: '*' }).first();
  return {
    kind: 'review',
    count: Number(total?.n ?? 0),
    items: rows.map(
      (r: {
        id: string;
        task_id: string;
        assignment_id: string;
        title: string;
        unit_name: string;
        progress: number;
        created_at: Date;
        deadline: Date;
      }) => ({
        kind: 'review',
        id: r.id,
        title: r.title,
        taskId: r.task_id,
        assignmentId: r.assignment_id,
        unitName: r.unit_name,
        light: null,
        status: `${r.progress}%`,
        deadline: null,
        at: r.created_at,
      }),
    ),
  };
};
