import {
  accountFacts,
  addTenantWorkingDays,
  jobModuleContext,
  notifyOnce,
  todayIn,
  unitHeadAccounts,
  type IsoDate,
  type ModuleContext,
  type ModuleJob,
  type ModuleJobContext,
} from '../../../core/module-kit.ts';
import { approvalsConfig } from '../approvals-config.ts';
import { approvalsMessages } from '../locales/notifications.ts';

export const TASK_REMINDERS_JOB = 'approvals.task-reminders';
const BATCH = 500;

/** The ledger's key of a waiting task's reminder: the task, once per time it started waiting. */
export const TASK_REMINDER = { module: 'approvals', subjectKind: 'task' } as const;

interface WaitingTask {
  id: string;
  request_id: string;
  approver_user_id: string;
  created_at: Date;
  title: string;
  type_name: string;
}

/**
 * Hourly through the working day (8:00–20:00 on the county's clock): a task waiting longer than
 * the county's `remindAfterWorkingDays` working days reminds its approver (in-app, SMS when the
 * county wants it); one waiting `escalateAfterWorkingDays` tells the heads of the approver's unit
 * too. Core's reminder ledger (`notifyOnce`) makes each at most once per time the task started
 * waiting, whatever runs twice; `reminded_at` moves the task out of the next scans once both
 * have gone (or escalation is off). `data.now` runs it as of another time.
 */
export const taskRemindersJob: ModuleJob = {
  name: TASK_REMINDERS_JOB,
  cron: '0 8-20 * * *',
  async handler(data, context) {
    const now = typeof data.now === 'string' ? new Date(data.now) : new Date();
    for (const tenantId of await context.enabledTenantIds()) await remindTenantTasks(context, tenantId, now);
  },
};

export async function remindTenantTasks(context: ModuleJobContext, tenantId: string, now: Date): Promise<number> {
  let sent = 0;
  let after = new Date(0);
  for (;;) {
    const run = await context.withTenant(tenantId, async ({ db }) =>
      remindBatch(await jobModuleContext(context, db, tenantId, now), after),
    );
    sent += run.sent;
    if (!run.last) return sent;
    after = run.last;
  }
}

async function remindBatch(ctx: ModuleContext, after: Date): Promise<{ sent: number; last: Date | null }> {
  const config = await approvalsConfig(ctx.trx);
  const tasks: WaitingTask[] = await ctx
    .trx('approval_task as k')
    .join('approval_request as r', function joinRequest() {
      this.on('r.tenant_id', 'k.tenant_id').andOn('r.id', 'k.request_id');
    })
    .join('approval_type as y', function joinType() {
      this.on('y.tenant_id', 'r.tenant_id').andOn('y.id', 'r.type_id');
    })
    .where('k.status', 'waiting')
    .whereNull('k.reminded_at')
    .where('k.created_at', '>', after)
    // Working days are never fewer than calendar days: younger tasks cannot be due yet.
    .where('k.created_at', '<=', new Date(ctx.now.getTime() - config.remindAfterWorkingDays * 86_400_000))
    .orderBy('k.created_at')
    .limit(BATCH)
    .select('k.id', 'k.request_id', 'k.approver_user_id', 'k.created_at', 'r.title', 'y.name as type_name');
  if (tasks.length === 0) return { sent: 0, last: null };

  const today = todayIn(ctx.timeZone, ctx.now);
  const dueDays = new Map<string, IsoDate>();
  const dueOn = async (start: Date, days: number) => {
    const key = `${todayIn(ctx.timeZone, start)}+${days}`;
    if (!dueDays.has(key)) dueDays.set(key, (await addTenantWorkingDays(ctx.trx, todayIn(ctx.timeZone, start), days)).date);
    return dueDays.get(key)!;
  };
  const remind = [];
  const escalate = [];
  const finished: string[] = [];
  for (const task of tasks) {
    if ((await dueOn(task.created_at, config.remindAfterWorkingDays)) > today) continue;
    remind.push(task);
    const escalation = config.escalateAfterWorkingDays;
    if (escalation > 0 && (await dueOn(task.created_at, escalation)) <= today) escalate.push(task);
    if (escalation === 0 || escalate.includes(task)) finished.push(task.id);
  }
  const link = (t: WaitingTask) => `/approvals/requests/${t.request_id}`;
  const sent = await notifyOnce(
    ctx.trx,
    ctx.tenantId,
    remind.map((t) => ({
      ...TASK_REMINDER,
      subjectId: t.id,
      kind: 'waiting',
      occasion: new Date(t.created_at).toISOString(),
      notice: {
        userIds: [t.approver_user_id],
        kind: 'approvals.task.reminder',
        message: approvalsMessages.message('task.reminder', { title: t.title, type: t.type_name, days: config.remindAfterWorkingDays }),
        link: link(t),
        sms: config.smsReminders,
      },
    })),
    { module: TASK_REMINDER.module, notifier: ctx.notifier, at: ctx.now },
  );
  if (escalate.length > 0) {
    const approvers = await accountFacts(
      ctx.trx,
      escalate.map((t) => t.approver_user_id),
    );
    const units = [...new Set(escalate.flatMap((t) => approvers.get(t.approver_user_id)?.unitId ?? []))];
    const heads = await unitHeadAccounts(ctx.trx, units, config.headPositionNames);
    await notifyOnce(
      ctx.trx,
      ctx.tenantId,
      escalate.map((t) => {
        const approver = approvers.get(t.approver_user_id);
        const userIds = (heads.get(approver?.unitId ?? '') ?? []).filter((id) => id !== t.approver_user_id);
        return {
          ...TASK_REMINDER,
          subjectId: t.id,
          kind: 'escalated',
          occasion: new Date(t.created_at).toISOString(),
          notice: userIds.length
            ? {
                userIds,
                kind: 'approvals.task.escalated',
                message: approvalsMessages.message('task.escalated', {
                  title: t.title,
                  type: t.type_name,
                  approver: approver?.displayName ?? '',
                  days: config.escalateAfterWorkingDays,
                }),
                link: link(t),
              }
            : undefined,
        };
      }),
      { module: TASK_REMINDER.module, notifier: ctx.notifier, at: ctx.now },
    );
  }
  if (finished.length > 0) await ctx.trx('approval_task').whereIn('id', finished).update({ reminded_at: ctx.now });
  return { sent: sent.length, last: new Date(tasks[tasks.length - 1].created_at) };
}
