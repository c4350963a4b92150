import type { Knex } from 'knex';
import { dispatchConfig, fillText, type DispatchConfig } from '../dispatch-config.ts';
import {
  countyDateTime,
  inQuietHours,
  ledgerRowsOf,
  type ModuleContext,
  type NotificationMessage,
  unitHeadAccounts,
} from '../../../core/module-kit.ts';
import { assignmentUsers } from './recipients.ts';
import { REMINDER_SUBJECT, sendReminders, type ReminderDraft, type ReminderKind } from './reminder-ledger.ts';
import { dispatchMessage } from '../locales/notifications.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A ledger occasion computed in SQL per assignment row `a`. */
interface Occasion {
  sql: string;
  bindings: string[];
}

/** The occasion of a deadline: its instant in UTC as `toISOString` writes it, so JS and SQL agree. */
const DEADLINE_SQL = `to_char(a.deadline at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const deadlineOccasion = (suffix = ''): Occasion => ({ sql: `(${DEADLINE_SQL} || ?)`, bindings: [suffix] });
/** An assignment is dispatched once: one "not opened" reminder, whatever the threshold later becomes. */
export const UNOPENED_OCCASION = 'not-opened';

interface Candidate {
  id: string;
  task_id: string;
  unit_id: string;
  person_id: string | null;
  deadline: Date;
  title: string;
  unit_name: string;
  occasion: string;
}

/**
 * Open assignments of active tasks (not yet done, not waiting for acceptance) that have no ledger
 * row of `kind` for the occasion `occasion` computes: the ledger filters out what was sent, so
 * a scan stays small however long the history.
 */
function candidates(trx: Knex.Transaction, kind: ReminderKind, occasion: Occasion, statuses: string[], limit: number) {
  return trx('dispatch_assignment as a')
    .join('dispatch_task as t', function joinTask() {
      this.on('t.tenant_id', 'a.tenant_id').andOn('t.id', 'a.task_id');
    })
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .where('t.status', 'active')
    .whereIn('a.status', statuses)
    .whereNotExists(ledgerRowsOf(trx, { ...REMINDER_SUBJECT, kind, alias: 'a', occasion }))
    .select(
      'a.id',
      'a.task_id',
      'a.unit_id',
      'a.person_id',
      'a.deadline',
      't.title',
      'u.name as unit_name',
      trx.raw(`${occasion.sql} as occasion`, occasion.bindings),
    )
    .orderBy('a.deadline')
    .limit(limit);
}

export interface ReminderRun {
  /** Candidates looked at: a full batch means there may be more. */
  seen: number;
  sent: number;
}

/**
 * One pass of the automatic reminders at `ctx.now`, at most `limit` assignments of each kind:
 * "not opened" `unopenedReminderHours` after dispatch; before the deadline at each of
 * `reminderDaysBeforeDeadline` (a threshold counts only if the assignment existed when it
 * passed, and when several pass at once only the nearest is sent); on overdue, to the heads of
 * the responsible unit (its handlers when it has no head with an account). Occasions carry the
 * deadline instant, so a granted extension arms the deadline reminders again. In the tenant's
 * quiet hours nothing goes out; what fell due goes out with the first run after them.
 */
export async function sendDueReminders(ctx: ModuleContext, limit: number): Promise<ReminderRun> {
  const config = await dispatchConfig(ctx.trx);
  const now = ctx.now;
  // Nothing is recorded in quiet hours: the first run after them finds and sends what fell due.
  if (inQuietHours({ from: config.quietHoursFrom, to: config.quietHoursTo, timeZone: ctx.timeZone }, now)) return { seen: 0, sent: 0 };
  const drafts: ReminderDraft[] = [];
  let seen = 0;

  const unopened: Candidate[] = await candidates(
    ctx.trx,
    'unopened',
    { sql: '?::text', bindings: [UNOPENED_OCCASION] },
    ['pending'],
    limit,
  ).where('a.created_at', '<=', new Date(now.getTime() - config.unopenedReminderHours * HOUR_MS));
  seen = Math.max(seen, unopened.length);
  const handlers = await assignmentUsers(ctx.trx, unopened);
  for (const c of unopened) {
    const text = fillText(config.reminderTexts.unopened, texts(c, config, ctx));
    drafts.push(
      draft(c, 'unopened', handlers.get(c.id) ?? [], dispatchMessage('reminder.unopened', { task: c.title, text }), text, config),
    );
  }

  const nearest = new Map<string, { candidate: Candidate; days: number; passed: number[] }>();
  for (const days of [...new Set(config.reminderDaysBeforeDeadline)].filter((d) => d > 0)) {
    const found: Candidate[] = await candidates(ctx.trx, 'before_deadline', deadlineOccasion(`/${days}d`), ['pending', 'open'], limit)
      .where('a.deadline', '>', now)
      .where('a.deadline', '<=', new Date(now.getTime() + days * DAY_MS))
      .whereRaw('a.created_at <= a.deadline - make_interval(days => ?)', [days]);
    seen = Math.max(seen, found.length);
    for (const c of found) {
      const entry = nearest.get(c.id) ?? { candidate: c, days, passed: [] };
      entry.passed.push(days);
      entry.days = Math.min(entry.days, days);
      nearest.set(c.id, entry);
    }
  }
  const beforeUsers = await assignmentUsers(
    ctx.trx,
    [...nearest.values()].map((e) => e.candidate),
  );
  for (const { candidate: c, days, passed } of nearest.values()) {
    const deadlineIso = new Date(c.deadline).toISOString();
    const text = fillText(config.reminderTexts.beforeDeadline, texts(c, config, ctx));
    for (const d of passed) {
      drafts.push({
        ...draft(
          c,
          'before_deadline',
          beforeUsers.get(c.id) ?? [],
          dispatchMessage('reminder.beforeDeadline', { task: c.title, text }),
          text,
          config,
        ),
        occasion: `${deadlineIso}/${d}d`,
        silent: d !== days,
      });
    }
  }

  if (config.escalateOverdueToHead) {
    const overdue: Candidate[] = await candidates(ctx.trx, 'overdue', deadlineOccasion(), ['pending', 'open'], limit).where(
      'a.deadline',
      '<',
      now,
    );
    seen = Math.max(seen, overdue.length);
    const heads = await unitHeadAccounts(ctx.trx, [...new Set(overdue.map((c) => c.unit_id))], config.headPositionNames);
    const fallback = await assignmentUsers(
      ctx.trx,
      overdue.filter((c) => (heads.get(c.unit_id) ?? []).length === 0),
    );
    for (const c of overdue) {
      const users = (heads.get(c.unit_id) ?? []).length > 0 ? heads.get(c.unit_id)! : (fallback.get(c.id) ?? []);
      const text = fillText(config.reminderTexts.overdue, texts(c, config, ctx));
      drafts.push(
        draft(c, 'overdue', users, dispatchMessage('reminder.overdue', { task: c.title, unit: c.unit_name, text }), text, config),
      );
    }
  }

  const sent = await sendReminders(ctx, drafts);
  return { seen, sent: sent.length };
}

function draft(
  c: Candidate,
  kind: ReminderKind,
  userIds: string[],
  message: NotificationMessage,
  body: string,
  config: DispatchConfig,
): ReminderDraft {
  return { taskId: c.task_id, assignmentId: c.id, kind, occasion: c.occasion, userIds, message, body, sms: config.smsReminders };
}

/** The placeholders of the deadline texts. */
function texts(c: Candidate, config: DispatchConfig, ctx: Pick<ModuleContext, 'now' | 'timeZone'>): Record<string, string | number> {
  const deadline = new Date(c.deadline);
  const now = ctx.now;
  return {
    task: c.title,
    unit: c.unit_name,
    deadline: countyDateTime(deadline, ctx.timeZone),
    days: Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS)),
    hours: config.unopenedReminderHours,
  };
}
