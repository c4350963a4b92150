import { type ModuleContext, notifyOnce, type NotificationMessage } from '../../../core/module-kit.ts';
import { appendTimeline } from './timeline.ts';

export type ReminderKind = 'unopened' | 'before_deadline' | 'overdue' | 'urge' | 'period_due';

/** Dispatch's reminders are about assignments: the subject kind of its rows in core's ledger. */
export const REMINDER_SUBJECT = { module: 'dispatch', subjectKind: 'assignment' } as const;

/** What dispatch keeps with each ledger row for its views (reminder lists, urge history). */
export interface ReminderData {
  taskId: string;
  /** The text as sent ('' for an occasion only recorded). */
  text: string;
  recipients: number;
}

/** A reminder about to be sent: its ledger key (assignment, kind, occasion), who gets it and what it says. */
export interface ReminderDraft {
  taskId: string;
  assignmentId: string;
  kind: ReminderKind;
  occasion: string;
  userIds: string[];
  /** The notification, in the reader's language; it carries `body` as its `{text}`. */
  message: NotificationMessage;
  /** The county's own words (its configured reminder text, or an urge's custom text): recorded in the ledger as sent. */
  body: string;
  sms: boolean;
  /**
   * Recorded but not sent: an occasion another draft of the same run stands for (the 3-day
   * reminder of a deadline already 1 day away), so it never fires later on its own.
   */
  silent?: boolean;
}

/**
 * Sends reminders exactly once per (assignment, kind, occasion) through core's ledger
 * (`notifyOnce`: only the rows this call inserts are notified, in the caller's transaction), and
 * writes the sent ones to the task's timeline. Returns the drafts sent.
 */
export async function sendReminders(ctx: ModuleContext, drafts: ReminderDraft[]): Promise<ReminderDraft[]> {
  const entries = drafts.map((d) => ({
    draft: d,
    subjectKind: REMINDER_SUBJECT.subjectKind,
    subjectId: d.assignmentId,
    kind: d.kind,
    occasion: d.occasion,
    data: { taskId: d.taskId, text: d.silent ? '' : d.body, recipients: d.silent ? 0 : d.userIds.length } satisfies ReminderData,
    notice: d.silent
      ? undefined
      : { userIds: d.userIds, kind: `dispatch.reminder.${d.kind}`, message: d.message, link: `/dispatch/tasks/${d.taskId}`, sms: d.sms },
  }));
  const sent = (
    await notifyOnce(ctx.trx, ctx.tenantId, entries, {
      module: REMINDER_SUBJECT.module,
      notifier: ctx.notifier,
      sentBy: ctx.userId,
      at: ctx.now,
    })
  ).map((e) => e.draft);
  await appendTimeline(
    ctx,
    sent.map((d) => ({
      taskId: d.taskId,
      assignmentId: d.assignmentId,
      kind: d.kind === 'urge' ? 'urge.sent' : 'reminder.sent',
      data: { kind: d.kind, occasion: d.occasion, recipients: d.userIds.length, text: d.body },
    })),
  );
  return sent;
}
