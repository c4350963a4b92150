import { addDays, countyDateTime, ledgerRowsOf, type ModuleContext, todayIn } from '../../../core/module-kit.ts';
import { dispatchConfig, fillText } from '../dispatch-config.ts';
import type { CadenceKind } from './cadence.ts';
import { cadenceStart, periodLabel, periodTerm, periodsStartingBetween, type TaskCadence } from './period-rule.ts';
import { assignmentUsers } from './recipients.ts';
import { REMINDER_SUBJECT, sendReminders, type ReminderDraft } from './reminder-ledger.ts';
import { dispatchMessage } from '../locales/notifications.ts';

interface CadenceTaskRow {
  id: string;
  cadence: CadenceKind;
  cadence_rule: string;
  report_due_days: number;
  cadence_until: string | null;
  deadline: Date;
  created_at: Date;
  last_start: string | null;
}

export function taskCadence(row: Omit<CadenceTaskRow, 'id' | 'last_start'>, timeZone: string): TaskCadence {
  return {
    kind: row.cadence,
    rule: row.cadence_rule,
    dueDays: row.report_due_days,
    timeZone,
    createdOn: todayIn(timeZone, new Date(row.created_at)),
    lastStart: row.cadence_until ?? todayIn(timeZone, new Date(row.deadline)),
  };
}

/**
 * Opens every period of the tenant's active recurring tasks (or of `taskIds`) that has started by
 * today by the county's clock: from the day after the latest period a task has (or its first possible
 * one), so a run after days of downtime opens all it missed. Inserting an existing period does
 * nothing, so runs may repeat and overlap. Returns how many periods were opened.
 */
export async function openDuePeriods(ctx: ModuleContext, taskIds?: string[]): Promise<number> {
  const { trx } = ctx;
  const today = todayIn(ctx.timeZone, ctx.now);
  const tasks: CadenceTaskRow[] = await trx('dispatch_task as t')
    .where('t.status', 'active')
    .whereNotNull('t.cadence')
    .modify((q) => (taskIds ? q.whereIn('t.id', taskIds) : q))
    .select(
      't.id',
      't.cadence',
      't.cadence_rule',
      't.report_due_days',
      trx.raw('t.cadence_until::text as cadence_until'),
      't.deadline',
      't.created_at',
      trx.raw(
        '(select max(p.starts_on)::text from dispatch_report_period p where p.tenant_id = t.tenant_id and p.task_id = t.id) as last_start',
      ),
    );
  const rows = tasks.flatMap((task) => {
    const cadence = taskCadence(task, ctx.timeZone);
    const from = task.last_start ? addDays(task.last_start, 1) : cadenceStart(cadence);
    return periodsStartingBetween(cadence, from, today).map((p) => ({
      tenant_id: ctx.tenantId,
      task_id: task.id,
      period_key: p.key,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      due_at: p.dueAt,
      created_at: ctx.now,
    }));
  });
  let opened = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await trx('dispatch_report_period')
      .insert(rows.slice(i, i + 1000))
      .onConflict(['tenant_id', 'task_id', 'period_key'])
      .ignore()
      .returning('period_key');
    opened += inserted.length;
  }
  return opened;
}

interface PeriodCandidate {
  id: string;
  task_id: string;
  unit_id: string;
  person_id: string | null;
  title: string;
  unit_name: string;
  period_key: string;
  due_at: Date;
}

/**
 * Open assignments asked for a report in a current period (started, not yet due) that have not
 * reported in it and have no ledger row for `occasion` (SQL over `p`, the period).
 */
function periodCandidates(
  { trx, now, timeZone }: Pick<ModuleContext, 'trx' | 'now' | 'timeZone'>,
  occasion: { sql: string; bindings: string[] },
  limit: number,
  taskIds?: string[],
) {
  return trx('dispatch_report_period as p')
    .join('dispatch_task as t', function joinTask() {
      this.on('t.tenant_id', 'p.tenant_id').andOn('t.id', 'p.task_id');
    })
    .join('dispatch_assignment as a', function joinAssignment() {
      this.on('a.tenant_id', 'p.tenant_id').andOn('a.task_id', 'p.task_id');
    })
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .where('t.status', 'active')
    .where('p.starts_on', '<=', todayIn(timeZone, now))
    .where('p.due_at', '>', now)
    .whereIn('a.status', ['pending', 'open'])
    .modify((q) => (taskIds ? q.whereIn('p.task_id', taskIds) : q))
    .whereNotExists(
      trx('dispatch_report as rep').whereRaw(
        "rep.tenant_id = a.tenant_id and rep.assignment_id = a.id and rep.period_key = p.period_key and rep.status in ('submitted', 'accepted')",
      ),
    )
    .whereNotExists(ledgerRowsOf(trx, { ...REMINDER_SUBJECT, kind: 'period_due', alias: 'a', occasion }))
    .select(
      'a.id',
      'a.task_id',
      'a.unit_id',
      'a.person_id',
      't.title',
      'u.name as unit_name',
      'p.period_key',
      'p.due_at',
      trx.raw(`${occasion.sql} as occasion`, occasion.bindings),
    )
    .orderBy(['p.due_at', 'a.id'])
    .limit(limit);
}

/**
 * The period notices at `ctx.now`, at most `limit` of each kind: every assignment is told once
 * when a period opens (occasion: the period key; also assignments dispatched while it runs), and
 * once `periodReminderDaysBeforeDue` days before it is due if it has not reported (occasion:
 * `<key>/due`). Periods already past due are not announced: they show as missing in the view.
 */
export async function sendPeriodReminders(
  ctx: ModuleContext,
  limit: number,
  options: { taskIds?: string[]; sms?: boolean } = {},
): Promise<{ seen: number; sent: number }> {
  const config = await dispatchConfig(ctx.trx);
  const sms = options.sms ?? config.smsReminders;
  const opening: (PeriodCandidate & { occasion: string })[] = await periodCandidates(
    ctx,
    { sql: 'p.period_key', bindings: [] },
    limit,
    options.taskIds,
  );
  const dueSoon: (PeriodCandidate & { occasion: string })[] = await periodCandidates(
    ctx,
    { sql: "(p.period_key || '/due')", bindings: [] },
    limit,
    options.taskIds,
  ).where('p.due_at', '<=', new Date(ctx.now.getTime() + config.periodReminderDaysBeforeDue * 86_400_000));
  const users = await assignmentUsers(ctx.trx, [...opening, ...dueSoon]);
  // A period that opens close to its due date is announced once: the notice names the due date.
  const announced = new Set(opening.map((c) => `${c.id}/${c.period_key}`));
  const drafts: ReminderDraft[] = [...opening, ...dueSoon].map((c) => {
    const label = periodLabel(c.period_key);
    const text = fillText(config.reminderTexts.periodDue, {
      task: c.title,
      unit: c.unit_name,
      period: label,
      deadline: countyDateTime(new Date(c.due_at), ctx.timeZone),
    });
    return {
      taskId: c.task_id,
      assignmentId: c.id,
      kind: 'period_due',
      occasion: c.occasion,
      userIds: users.get(c.id) ?? [],
      message: dispatchMessage('reminder.periodDue', { task: c.title, period: periodTerm(c.period_key), text }),
      body: text,
      sms,
      silent: c.occasion !== c.period_key && announced.has(`${c.id}/${c.period_key}`),
    };
  });
  const sent = await sendReminders(ctx, drafts);
  return { seen: Math.max(opening.length, dueSoon.length), sent: sent.length };
}

/**
 * A new recurring task's first period: opened with the task and announced in-app only, since the
 * dispatch notice has just gone out (by SMS too) in the same transaction.
 */
export async function openFirstPeriod(ctx: ModuleContext, taskId: string): Promise<void> {
  if ((await openDuePeriods(ctx, [taskId])) === 0) return;
  await sendPeriodReminders(ctx, 100_000, { taskIds: [taskId], sms: false });
}
