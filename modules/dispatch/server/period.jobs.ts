import type { ModuleContext, ModuleJob, ModuleJobContext } from '../../../core/module-kit.ts';
import { jobDispatchContext } from './dispatch-context.ts';
import { openDuePeriods, sendPeriodReminders } from './period.service.ts';

export const PERIODS_JOB = 'dispatch.periods';
const BATCH = 500;

/**
 * Recurring reports: opens each started period of every recurring task and tells its units, then
 * reminds the units still missing shortly before a period is due. Hourly in the working day
 * (server time, Asia/Shanghai), so a period opens the morning it starts, a restart catches up
 * within the hour, and nobody is texted at night. Every step is idempotent (periods by their key,
 * messages by the reminder ledger). `data.now` (an ISO instant) runs it as of another time.
 */
export const periodsJob: ModuleJob = {
  name: PERIODS_JOB,
  cron: '0 8-20 * * *',
  async handler(data, context) {
    const now = typeof data.now === 'string' ? new Date(data.now) : new Date();
    for (const tenantId of await context.enabledTenantIds()) await runTenantPeriods(context, tenantId, now);
  },
};

/** One tenant's periods: opened in one transaction, then their notices in batches. */
export async function runTenantPeriods(context: ModuleJobContext, tenantId: string, now: Date): Promise<{ opened: number; sent: number }> {
  const ctxOf = (db: ModuleContext['trx']) => jobDispatchContext(context, db, tenantId, now);
  const opened = await context.withTenant(tenantId, async ({ db }) => openDuePeriods(await ctxOf(db)));
  let sent = 0;
  for (;;) {
    const run = await context.withTenant(tenantId, async ({ db }) => sendPeriodReminders(await ctxOf(db), BATCH));
    sent += run.sent;
    if (run.seen < BATCH || run.sent === 0) return { opened, sent };
  }
}
