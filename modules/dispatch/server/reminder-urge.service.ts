import type { Knex } from 'knex';
import { dispatchConfig, fillText } from '../dispatch-config.ts';
import type { AssignmentAccess } from './assignment-access.ts';
import { countyDateTime, type ModuleContext } from '../../../core/module-kit.ts';
import { assignmentUsers } from './recipients.ts';
import { sendReminders, type ReminderKind } from './reminder-ledger.ts';
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
export async function urgeAssignment(ctx: ModuleContext, access: AssignmentAccess, customText: string | undefined): Promise<{ sent: boolean; reminder: ReminderView }> {
  const { trx } = ctx;
  const node = access.node;
  await trx('dispatch_assignment').where({ id: node.id }).forUpdate().first('id');
  const recent: { id: string } | undefined = await trx('dispatch_reminder')
    .where({ assignment_id: node.id, kind: 'urge' })
    .where('created_at', '>', new Date(ctx.now.getTime() - URGE_WINDOW_MS))
    .orderBy('created_at', 'desc')
    .first('id');
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
  const users = (await assignmentUsers(trx, [{ id: node.id, unit_id: node.unit.id, person_id: node.person?.id ?? null }])).get(node.id) ?? [];
  const occasion = ctx.now.toISOString().slice(0, 16);
  const sent = await sendReminders(ctx, [{ taskId: access.task.id, assignmentId: node.id, kind: 'urge', occasion, userIds: users, message: dispatchMessage('reminder.urge', { task: access.task.title, text: body }), body, sms: config.smsReminders }]);
  const [reminder] = await reminderViews(trx, node.id, { kind: 'urge', occasion });
  return { sent: sent.length > 0, reminder };
}

/** The ledger of an assignment, newest first: every reminder and urge it got. */
export async function reminderViews(trx: Knex.Transaction, assignmentId: string, where: Record<string, string> = {}, limit = 100): Promise<ReminderView[]> {
  const rows: { id: string; kind: ReminderKind; occasion: string; text: string; user_ids: string[]; sent_by_name: string | null; created_at: Date }[] = await trx('dispatch_reminder as r')
    .leftJoin('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'r.tenant_id').andOn('usr.id', 'r.sent_by');
    })
    .where('r.assignment_id', assignmentId)
    .where(Object.fromEntries(Object.entries(where).map(([k, v]) => [`r.${k}`, v])))
    // Occasions recorded only to stand behind a nearer one (see ReminderDraft.silent) were never sent.
    .whereNot('r.text', '')
    .orderBy([{ column: 'r.created_at', order: 'desc' }, { column: 'r.id', order: 'desc' }])
    .limit(limit)
    .select('r.id', 'r.kind', 'r.occasion', 'r.text', 'r.user_ids', 'usr.display_name as sent_by_name', 'r.created_at');
  return rows.map((r) => ({ id: r.id, kind: r.kind, occasion: r.occasion, text: r.text, recipients: r.user_ids.length, sentByName: r.sent_by_name, createdAt: r.created_at }));
}
