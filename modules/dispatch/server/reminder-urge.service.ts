import type { Knex } from 'knex';
import { dispatchConfig, fillText } from '../dispatch-config.ts';
import type { AssignmentAccess } from './assignment-access.ts';
import { countyDateTime, type ModuleContext, remindersOf } from '../../../core/module-kit.ts';
import { assignmentUsers } from './recipients.ts';
import { REMINDER_SUBJECT, sendReminders, type ReminderData, type ReminderKind } from './reminder-ledger.ts';
import { dispatchMessage } from '../locales/notifications.ts';

/** A second click within this window sends nothing more. */
export const URGE_WINDOW_MS = 60_000;

// A type alias, not an interface: the response schema's type wants an index signature.
export type ReminderView = {
  id: string;
  kind: ReminderKind;
  occasion: string;
  text: string;
  recipients: number;
  sentByName: string | null;
  createdAt: Date;
};

/**
 * One-click urge (催办) of an assignment's unit, in-app and (per config) SMS. The assignment row is
 * locked first, so two clicks at once queue up; an urge already sent within the last minute is
 * answered instead of sending another. The ledger key (kind `urge`, the minute as occasion) keeps
 * even a racing retry from sending twice.
 */
export async function urgeAssignment(
  ctx: ModuleContext,
  access: AssignmentAccess,
  customText: string | undefined,
): Promise<{ sent: boolean; reminder: ReminderView }> {
  const { trx } = ctx;
  const node = access.node;
  await trx('dispatch_assignment').where({ id: node.id }).forUpdate().first('id');
  const [recent] = await remindersOf(
    trx,
    { ...REMINDER_SUBJECT, subjectIds: [node.id], kind: 'urge', since: new Date(ctx.now.getTime() - URGE_WINDOW_MS) },
    1,
  );
  if (recent) return { sent: false, reminder: (await reminderViews(trx, node.id, { id: recent.id }))[0] };

  const config = await dispatchConfig(trx);
  const deadline = new Date(node.deadline);
  const body =
    customText ??
    fillText(config.reminderTexts.urge, {
      task: access.task.title,
      unit: node.unit.name,
      deadline: countyDateTime(deadline, ctx.timeZone),
      days: Math.max(0, Math.ceil((deadline.getTime() - ctx.now.getTime()) / 86_400_000)),
      hours: config.unopenedReminderHours,
    });
  const users =
    (await assignmentUsers(trx, [{ id: node.id, unit_id: node.unit.id, person_id: node.person?.id ?? null }])).get(node.id) ?? [];
  const occasion = ctx.now.toISOString().slice(0, 16);
  const sent = await sendReminders(ctx, [
    {
      taskId: access.task.id,
      assignmentId: node.id,
      kind: 'urge',
      occasion,
      userIds: users,
      message: dispatchMessage('reminder.urge', { task: access.task.title, text: body }),
      body,
      sms: config.smsReminders,
    },
  ]);
  const [reminder] = await reminderViews(trx, node.id, { kind: 'urge', occasion });
  return { sent: sent.length > 0, reminder };
}

/** The ledger of an assignment, newest first: every reminder and urge it got (occasions only recorded, never sent, left out). */
export async function reminderViews(
  trx: Knex.Transaction,
  assignmentId: string,
  where: { id?: string; kind?: ReminderKind; occasion?: string } = {},
  limit = 100,
): Promise<ReminderView[]> {
  const rows = await remindersOf<ReminderData>(trx, { ...REMINDER_SUBJECT, subjectIds: [assignmentId], ...where }, limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ReminderKind,
    occasion: r.occasion,
    text: r.data.text,
    recipients: r.data.recipients,
    sentByName: r.sentByName,
    createdAt: r.sentAt,
  }));
}
