import type { ModuleContext, ModuleJob } from '../../../core/module-kit.ts';
import { jobDispatchContext } from './dispatch-context.ts';
import { recomputeTaskLights } from './light.service.ts';

export const DEADLINE_LIGHTS_JOB = 'dispatch.deadline-lights';

/**
 * A light turns red the moment its deadline passes, not at the next ten-minute sweep: whenever a
 * deadline is set (a task, a unit dispatched to, a re-dispatch, an extension granted, a task's
 * deadline moved) a job is queued to run just after it, in the same transaction, and recomputes
 * the task's lights then. The sweep (`dispatch.lights`) stays for what time alone turns yellow.
 */
export async function scheduleDeadlineLights(ctx: ModuleContext, taskId: string, deadlines: Date[]): Promise<void> {
  if (!ctx.jobs) return;
  const instants = [...new Set(deadlines.map((d) => d.getTime()))].filter((t) => t > ctx.now.getTime());
  for (const instant of instants) {
    // The deadline instant itself is not overdue: one second after it is.
    const startAfter = new Date(instant + 1000).toISOString();
    await ctx.jobs.enqueue(ctx.trx, DEADLINE_LIGHTS_JOB, { tenantId: ctx.tenantId, taskId }, { startAfter });
  }
}

export const deadlineLightsJob: ModuleJob = {
  name: DEADLINE_LIGHTS_JOB,
  async handler(data, context) {
    const tenantId = String(data.tenantId);
    const taskId = String(data.taskId);
    await context.withTenant(tenantId, async ({ db }) => {
      const task = await db('dispatch_task').where({ id: taskId, status: 'active' }).first('id');
      // Closed or deleted since: its lights are final.
      if (!task) return;
      const ctx = await jobDispatchContext(context, db, tenantId, new Date());
      await recomputeTaskLights(ctx, [taskId]);
    });
  },
};
