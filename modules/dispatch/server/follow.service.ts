import type { Knex } from 'knex';
import {
  type DataScope,
  decodeCursor,
  encodeCursor,
  type ModuleActor,
  type ModuleContext,
  type NotificationMessage,
} from '../../../core/module-kit.ts';
import type { LightChange } from './lights.ts';
import { fileViews, taskQuery, toTaskView } from './task-view.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Follow (关注) a task: idempotent, a second follow changes nothing. */
export async function followTask(trx: Knex.Transaction, tenantId: string, taskId: string, userId: string): Promise<void> {
  await trx('dispatch_follow')
    .insert({ tenant_id: tenantId, task_id: taskId, user_id: userId })
    .onConflict(['tenant_id', 'task_id', 'user_id'])
    .ignore();
}

export async function unfollowTask(trx: Knex.Transaction, taskId: string, userId: string): Promise<void> {
  await trx('dispatch_follow').where({ task_id: taskId, user_id: userId }).delete();
}

export async function isFollowing(trx: Knex.Transaction, taskId: string, userId: string): Promise<boolean> {
  return (await trx('dispatch_follow').where({ task_id: taskId, user_id: userId }).first('task_id')) !== undefined;
}

/** A task's watchers: its followers and its creator (who hears of its reports too). */
export async function taskWatchers(trx: Knex.Transaction, taskIds: string[]): Promise<Map<string, string[]>> {
  const byTask = new Map<string, Set<string>>(taskIds.map((id) => [id, new Set<string>()]));
  if (taskIds.length === 0) return new Map();
  const followers: { task_id: string; user_id: string }[] = await trx('dispatch_follow')
    .whereIn('task_id', taskIds)
    .select('task_id', 'user_id');
  const creators: { id: string; created_by: string | null }[] = await trx('dispatch_task')
    .whereIn('id', taskIds)
    .select('id', 'created_by');
  for (const f of followers) byTask.get(f.task_id)?.add(f.user_id);
  for (const c of creators) if (c.created_by) byTask.get(c.id)?.add(c.created_by);
  return new Map([...byTask].map(([id, users]) => [id, [...users]]));
}

/** Tells a task's watchers (in-app) of something that happened to it, except `exclude` (the actor is always left out). */
export async function notifyWatchers(
  ctx: ModuleContext,
  task: { id: string },
  notice: { kind: string; message: NotificationMessage },
  exclude: string[] = [],
): Promise<void> {
  const skip = new Set([...exclude, ...(ctx.userId ? [ctx.userId] : [])]);
  const userIds = ((await taskWatchers(ctx.trx, [task.id])).get(task.id) ?? []).filter((u) => !skip.has(u));
  if (userIds.length === 0) return;
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds,
    kind: notice.kind,
    message: notice.message,
    link: `/dispatch/tasks/${task.id}`,
  });
}

/**
 * One in-app notice per task whose nodes turned red in a recomputation, naming the units, to its
 * watchers. Called by `recomputeTaskLights`: it costs nothing when no light turned red, and three
 * small reads and one insert per task when some did.
 */
export async function notifyWatchersOfRedLights(ctx: ModuleContext, changes: LightChange[]): Promise<void> {
  const red = changes.filter((c) => c.to === 'red');
  if (red.length === 0) return;
  const taskIds = [...new Set(red.map((c) => c.taskId))];
  const watchers = await taskWatchers(ctx.trx, taskIds);
  if (![...watchers.values()].some((users) => users.length > 0)) return;
  const titles = new Map<string, string>(
    (await ctx.trx('dispatch_task').whereIn('id', taskIds).select('id', 'title')).map((t: { id: string; title: string }) => [
      t.id,
      t.title,
    ]),
  );
  const unitNames = new Map<string, string>(
    (
      await ctx
        .trx('core_unit')
        .whereIn('id', [...new Set(red.map((c) => c.unitId))])
        .select('id', 'name')
    ).map((u: { id: string; name: string }) => [u.id, u.name]),
  );
  for (const taskId of taskIds) {
    const userIds = (watchers.get(taskId) ?? []).filter((u) => u !== ctx.userId);
    if (userIds.length === 0) continue;
    const units = [...new Set(red.filter((c) => c.taskId === taskId).map((c) => unitNames.get(c.unitId) ?? ''))];
    const task = titles.get(taskId) ?? '';
    // Five names at most; beyond them, how many in all.
    const message =
      units.length > 5
        ? dispatchMessage('light.redMany', { task, units: units.slice(0, 5), count: units.length })
        : dispatchMessage('light.red', { task, units });
    await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
      userIds,
      kind: 'dispatch.light.red',
      message,
      link: `/dispatch/tasks/${taskId}`,
    });
  }
}

/** Who lists followed tasks: the actor and the scopes of the dispatch permissions they hold. */
export interface FollowViewer {
  actor: ModuleActor;
  supervise: DataScope | null;
  instruct: DataScope | null;
  handle: DataScope | null;
}

/**
 * The caller's followed tasks, most recently followed first, keyset-paged on (followed at, task).
 * A follow outlives the access it was made with, so each task is checked again here as
 * `taskAccess` would: a task the caller no longer sees is left out.
 */
export async function followedTasks(trx: Knex.Transaction, viewer: FollowViewer, page: { limit: number; cursor?: string }) {
  const { actor } = viewer;
  const query = taskQuery(trx)
    .join('dispatch_follow as f', function joinFollow() {
      this.on('f.tenant_id', 't.tenant_id').andOn('f.task_id', 't.id');
    })
    .where('f.user_id', actor.userId)
    .andWhere((w) => {
      const reaches = (scope: DataScope | null) => {
        if (!scope) return;
        if (scope.kind === 'tenant') w.orWhereRaw('true');
        else if (scope.kind === 'own_unit') w.orWhere('t.owner_unit_id', scope.unitId);
        else w.orWhere('ou.path', 'like', `${scope.unitPath}%`);
      };
      reaches(viewer.supervise);
      reaches(viewer.instruct);
      if (viewer.supervise) w.orWhere('t.created_by', actor.userId);
      if (actor.personId) {
        w.orWhereExists(
          trx('dispatch_assignment as a')
            .whereRaw('a.tenant_id = t.tenant_id and a.task_id = t.id')
            .andWhere((a) => {
              a.where('a.person_id', actor.personId);
              if (viewer.handle && actor.unitId) a.orWhere('a.unit_id', actor.unitId);
            }),
        );
      }
      w.orWhereRaw('false');
    })
    .select('f.created_at as followed_at', trx.raw('f.created_at::text as cursor_at'))
    .orderBy([
      { column: 'f.created_at', order: 'desc' },
      { column: 't.id', order: 'desc' },
    ])
    .limit(page.limit + 1);
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['timestamp', 'uuid'], DISPATCH_ERRORS.CURSOR_INVALID);
    query.whereRaw('(f.created_at, t.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows = await query;
  const items = rows.slice(0, page.limit);
  const files = await fileViews(trx, [...new Set(items.flatMap((r: { attachment_ids: string[] }) => r.attachment_ids))]);
  const last = items[items.length - 1];
  return {
    items: items.map((r: Record<string, never>) => ({ task: toTaskView(r, files, null), followedAt: r.followed_at })),
    nextCursor: rows.length > page.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
