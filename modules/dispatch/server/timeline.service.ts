import type { Knex } from 'knex';
import type { TaskAccess } from './task-access.ts';
import { assignmentQuery, toAssignmentNode, visibleNodes } from './task-view.ts';

/**
 * A task's timeline, oldest first: the appended entries and the light changes, merged, limited
 * to the assignments the caller sees (entries of the task itself always show).
 */
export async function taskTimeline(trx: Knex.Transaction, access: TaskAccess, assignmentId?: string) {
  const nodes = visibleNodes(access, (await assignmentQuery(trx).where('a.task_id', access.task.id)).map(toAssignmentNode));
  const visible = new Map(nodes.map((n) => [n.id, n.unit.name]));
  const entries = await trx('dispatch_timeline as e')
    .leftJoin('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'e.tenant_id').andOn('usr.id', 'e.actor_id');
    })
    .where('e.task_id', access.task.id)
    .modify((q) => (assignmentId ? q.where('e.assignment_id', assignmentId) : q))
    .select('e.id', 'e.kind', 'e.assignment_id', 'e.data', 'e.created_at', 'usr.display_name as actor_name');
  const lights = await trx('dispatch_light_change')
    .where('task_id', access.task.id)
    .modify((q) => (assignmentId ? q.where('assignment_id', assignmentId) : q))
    .select('id', 'assignment_id', 'from_light', 'to_light', 'cause', 'created_at');
  const items = [
    ...entries.map(
      (e: {
        id: string;
        kind: string;
        assignment_id: string | null;
        data: Record<string, unknown>;
        created_at: Date;
        actor_name: string | null;
      }) => ({
        id: e.id,
        kind: e.kind,
        assignmentId: e.assignment_id,
        actorName: e.actor_name,
        data: e.data,
        at: e.created_at,
      }),
    ),
    ...lights.map(
      (l: { id: string; assignment_id: string; from_light: string | null; to_light: string; cause: string; created_at: Date }) => ({
        id: l.id,
        kind: 'light.changed',
        assignmentId: l.assignment_id,
        actorName: null,
        data: { from: l.from_light, to: l.to_light, cause: l.cause },
        at: l.created_at,
      }),
    ),
  ];
  return items
    .filter((item) => item.assignmentId === null || visible.has(item.assignmentId))
    .map((item) => ({ ...item, unitName: item.assignmentId ? (visible.get(item.assignmentId) ?? null) : null }))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || (a.id < b.id ? -1 : 1));
}
