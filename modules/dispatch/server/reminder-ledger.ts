import { uuidv7 } from 'uuidv7';
import type { ModuleContext, NotificationMessage } from '../../../core/module-kit.ts';
import { appendTimeline } from './timeline.ts';

export type ReminderKind = 'unopened' | 'before_deadline' | 'overdue' | 'urge' | 'period_due';

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

// Keeps each insert well below PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

/**
 * Sends reminders exactly once per (assignment, kind, occasion): the ledger rows are inserted
 * first with `on conflict do nothing … returning`, and only the rows this call actually inserted
 * are notified, in the caller's transaction. A crash before commit leaves neither row nor message,
 * so the retry sends; a second run, a doubled job or a concurrent one finds the rows and sends
 * nothing. Messages with the same text go out as one notification. Returns the drafts sent.
 */
export async function sendReminders(ctx: ModuleContext, drafts: ReminderDraft[]): Promise<ReminderDraft[]> {
  const inserted = new Set<string>();
  const key = (assignmentId: string, kind: string, occasion: string) => `${assignmentId}\u0000${kind}\u0000${occasion}`;
  for (let i = 0; i < drafts.length; i += CHUNK) {
    const rows = drafts.slice(i, i + CHUNK).map((d) => ({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      task_id: d.taskId,
      assignment_id: d.assignmentId,
      kind: d.kind,
      occasion: d.occasion,
      user_ids: JSON.stringify(d.silent ? [] : d.userIds),
      text: d.silent ? '' : d.body,
      sent_by: ctx.userId,
      created_at: ctx.now,
    }));
    const returned: { assignment_id: string; kind: string; occasion: string }[] = await ctx
      .trx('dispatch_reminder')
      .insert(rows)
      .onConflict(['tenant_id', 'assignment_id', 'kind', 'occasion'])
      .ignore()
      .returning(['assignment_id', 'kind', 'occasion']);
    for (const r of returned) inserted.add(key(r.assignment_id, r.kind, r.occasion));
  }
  const sent = drafts.filter((d) => !d.silent && inserted.has(key(d.assignmentId, d.kind, d.occasion)));

  const messages = new Map<string, { message: NotificationMessage; sms: boolean; kind: ReminderKind; link: string; userIds: Set<string> }>();
  for (const d of sent) {
    const link = `/dispatch/tasks/${d.taskId}`;
    const id = JSON.stringify([d.kind, d.message, d.sms, link]);
    const message = messages.get(id) ?? { message: d.message, sms: d.sms, kind: d.kind, link, userIds: new Set<string>() };
    for (const userId of d.userIds) message.userIds.add(userId);
    messages.set(id, message);
  }
  for (const m of messages.values()) {
    await ctx.notifier.notify(ctx.trx, ctx.tenantId, { userIds: [...m.userIds], kind: `dispatch.reminder.${m.kind}`, message: m.message, link: m.link, sms: m.sms });
  }
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
