import type { ModuleJob, ModuleJobContext } from '../../../core/module-kit.ts';
import { jobDispatchContext } from './dispatch-context.ts';
import { recomputeTaskLights } from './light.service.ts';

export const LIGHTS_JOB = 'dispatch.lights';
const BATCH = 200;

/**
 * Time alone turns lights yellow and red: every ten minutes each tenant's active tasks are
 * recomputed, a batch of tasks per transaction so a large tenant never holds one long lock.
 */
export const lightsJob: ModuleJob = {
  name: LIGHTS_JOB,
  cron: '*/10 * * * *',
  async handler(data, context) {
    const now = typeof data.now === 'string' ? new Date(data.now) : new Date();
    for (const tenantId of await context.enabledTenantIds()) await recomputeTenantLights(context, tenantId, now);
  },
};

/** Recomputes every active task of a tenant; returns how many assignments were looked at and changed. */
export async function recomputeTenantLights(
  context: ModuleJobContext,
  tenantId: string,
  now: Date,
): Promise<{ tasks: number; changed: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let tasks = 0;
  let changed = 0;
  for (;;) {
    const batch = await context.withTenant(tenantId, async ({ db }) => {
      const ids: string[] = await db('dispatch_task')
        .where('status', 'active')
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .pluck('id');
      const ctx = await jobDispatchContext(context, db, tenantId, now);
      const changes = await recomputeTaskLights(ctx, ids);
      return { ids, changes: changes.length };
    });
    tasks += batch.ids.length;
    changed += batch.changes;
    if (batch.ids.length < BATCH) return { tasks, changed };
    after = batch.ids[batch.ids.length - 1];
  }
}
