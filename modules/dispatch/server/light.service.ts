import type { ModuleContext } from '../../../core/module-kit.ts';
import { uuidv7 } from 'uuidv7';
import { dispatchConfig } from '../dispatch-config.ts';
import { notifyWatchersOfRedLights } from './follow.service.ts';
import { ownLight, rolledUpLight, worstLight, type Light, type LightCause, type LightChange, type LightNode } from './lights.ts';

interface NodeRow {
  id: string;
  task_id: string;
  parent_id: string | null;
  unit_id: string;
  depth: number;
  status: LightNode['status'];
  progress: number;
  problem: boolean;
  created_at: Date;
  deadline: Date;
  light: Light;
  light_cause: LightCause;
}

/**
 * Recomputes the lights and rolled-up progress of whole tasks (every node, deepest first, so a
 * parent sees its subtasks' new values), writes what changed in one statement, records each light
 * change with its cause and raises `dispatch.light_changed` for it. Called after every change to a
 * task and by the schedule (time alone turns lights yellow and red). Returns the changes.
 */
export async function recomputeTaskLights(ctx: ModuleContext, taskIds: string[]): Promise<LightChange[]> {
  if (taskIds.length === 0) return [];
  const { trx } = ctx;
  const rules = await dispatchConfig(trx);
  const rows: NodeRow[] = await trx('dispatch_assignment')
    .whereIn('task_id', taskIds)
    .select(
      'id',
      'task_id',
      'parent_id',
      'unit_id',
      'depth',
      'status',
      'progress',
      'problem',
      'created_at',
      'deadline',
      'light',
      'light_cause',
    );
  const children = new Map<string, NodeRow[]>();
  for (const row of rows) {
    if (!row.parent_id) continue;
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row);
    else children.set(row.parent_id, [row]);
  }
  const computed = new Map<string, { light: Light; cause: LightCause; progress: number }>();
  const updates: { id: string; light: Light; cause: LightCause; progress: number }[] = [];
  const changes: LightChange[] = [];
  for (const row of [...rows].sort((a, b) => b.depth - a.depth)) {
    const kids = (children.get(row.id) ?? []).map((k) => computed.get(k.id)!);
    const done = row.status === 'done' || row.status === 'closed';
    const progress = done
      ? row.progress
      : kids.length > 0
        ? Math.round(kids.reduce((sum, k) => sum + k.progress, 0) / kids.length)
        : row.progress;
    const own = ownLight({ ...row, progress, deadline: new Date(row.deadline), createdAt: new Date(row.created_at) }, rules, ctx.now);
    const result = {
      ...rolledUpLight(
        own,
        kids.map((k) => k.light),
        done,
      ),
      progress,
    };
    computed.set(row.id, result);
    if (result.light !== row.light || result.cause !== row.light_cause || result.progress !== row.progress) {
      updates.push({ id: row.id, ...result });
    }
    if (result.light !== row.light) {
      changes.push({
        taskId: row.task_id,
        assignmentId: row.id,
        unitId: row.unit_id,
        from: row.light,
        to: result.light,
        cause: result.cause,
      });
    }
  }
  if (updates.length > 0) {
    await trx.raw(
      `update dispatch_assignment a
         set light = v.light, light_cause = v.cause, progress = v.progress,
             light_changed_at = case when a.light <> v.light then ? else a.light_changed_at end
        from jsonb_to_recordset(?::jsonb) as v(id uuid, light text, cause text, progress int)
       where a.tenant_id = ? and a.id = v.id`,
      [ctx.now, JSON.stringify(updates), ctx.tenantId],
    );
  }
  await updateTaskSummaries(ctx, taskIds, rows, computed);
  if (changes.length > 0) {
    const rows = changes.map((c) => ({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      task_id: c.taskId,
      assignment_id: c.assignmentId,
      from_light: c.from,
      to_light: c.to,
      cause: c.cause,
      created_at: ctx.now,
    }));
    // A statement holds at most 65,535 parameters: a schedule batch can change tens of thousands of lights.
    for (let i = 0; i < rows.length; i += 1000) await trx('dispatch_light_change').insert(rows.slice(i, i + 1000));
    for (const change of changes)
      await ctx.emitEvent(trx, ctx.tenantId, 'dispatch.light_changed', { ...change, at: ctx.now.toISOString() });
    await notifyWatchersOfRedLights(ctx, changes);
  }
  return changes;
}

/** A task's light and progress: those of its top-level assignments taken together. */
async function updateTaskSummaries(
  ctx: ModuleContext,
  taskIds: string[],
  rows: NodeRow[],
  computed: Map<string, { light: Light; progress: number }>,
): Promise<void> {
  // One pass over the rows: a schedule batch holds 200 tasks and tens of thousands of assignments.
  const byTask = new Map(taskIds.map((id) => [id, { top: [] as { light: Light; progress: number }[], count: 0 }]));
  for (const row of rows) {
    const task = byTask.get(row.task_id)!;
    task.count += 1;
    if (row.parent_id === null) task.top.push(computed.get(row.id)!);
  }
  const summaries = taskIds.map((taskId) => {
    const { top, count } = byTask.get(taskId)!;
    const progress = top.length > 0 ? Math.round(top.reduce((sum, t) => sum + t.progress, 0) / top.length) : 0;
    return { id: taskId, light: worstLight(top.map((t) => t.light)), progress, count, units: top.length };
  });
  await ctx.trx.raw(
    `update dispatch_task t set light = v.light, progress = v.progress, assignment_count = v.count, unit_count = v.units
       from jsonb_to_recordset(?::jsonb) as v(id uuid, light text, progress int, count int, units int)
      where t.tenant_id = ? and t.id = v.id and (t.light <> v.light or t.progress <> v.progress or t.assignment_count <> v.count or t.unit_count <> v.units)`,
    [JSON.stringify(summaries), ctx.tenantId],
  );
}
