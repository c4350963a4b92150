import type { ModuleJob, ModuleJobContext } from '../../../core/module-kit.ts';
import { jobDispatchContext } from './dispatch-context.ts';
import { sendDueReminders } from './reminder.service.ts';

export const REMINDERS_JOB = 'dispatch.reminders';
const BATCH = 500;

/**
 * Every five minutes, each tenant's due reminders: "not opened", before the deadline, overdue.
 * Each batch is one transaction holding its ledger rows and its messages together, so a crash
 * loses nothing (the next run sends what did not commit) and doubles nothing (the ledger's key).
 * `data.now` (an ISO instant) runs it as of another time.
 */
export const remindersJob: ModuleJob = {
  name: REMINDERS_JOB,
  cron: '*/5 * * * *',
  async handler(data, context) {
    const now = typeof data.now === 'string' ? new Date(data.now) : new Date();
    for (const tenantId of await context.enabledTenantIds()) await remindTenant(context, tenantId, now);
  },
};

/** Sends a tenant's due reminders in batches; returns how many went out. */
export async function remindTenant(context: ModuleJobContext, tenantId: string, now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const run = await context.withTenant(tenantId, async ({ db }) =>
      sendDueReminders(await jobDispatchContext(context, db, tenantId, now), BATCH),
    );
    sent += run.sent;
    // Sent rows drop out of the next scan, so a full batch that sent nothing would only repeat itself.
    if (run.seen < BATCH || run.sent === 0) return sent;
  }
}
