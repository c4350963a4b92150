import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import type { DataScope, Notifier } from '../../../core/module-kit.ts';
import type { CollectionRow, PeriodRow } from './collection-assignee.ts';
import { assigneeUsers, periodAssigneeStatus } from './period-status.service.ts';
import { formsMessage } from '../locales/notifications.ts';

/** One click twice within this window reminds nobody twice. */
export const MANUAL_REMINDER_WINDOW_SECONDS = 60;

export interface ReminderInput {
  trx: Knex.Transaction;
  tenantId: string;
  notifier: Notifier;
  collection: CollectionRow;
  period: PeriodRow;
}

function reminderText(collection: CollectionRow, period: PeriodRow) {
  const label = period.period_key === 'once' ? formsMessage('period.once') : period.period_key;
  return { kind: 'forms.collection.reminder', message: formsMessage('collection.reminder', { form: collection.name, period: label, due: period.due_on }), link: '/forms/my-due' };
}

/**
 * Reminds the assignees still missing in a period, within `scope`. The period row is locked first,
 * so two clicks at once queue up; an assignee reminded by hand within the last minute is skipped.
 */
export async function remindMissing(input: ReminderInput & { scope: DataScope; userId: string | null; sms: boolean }) {
  await input.trx('forms_period').where({ collection_id: input.collection.id, period_key: input.period.period_key }).forUpdate().first('period_key');
  const missing = (await periodAssigneeStatus(input.trx, input.collection.id, input.period.period_key, input.scope)).filter((a) => a.state !== 'submitted');
  const recent = new Set<string>(
    missing.length
      ? await input.trx('forms_reminder')
          .where({ collection_id: input.collection.id, period_key: input.period.period_key, kind: 'manual' })
          .whereIn('assignee_id', missing.map((a) => a.id))
          .where('sent_at', '>', input.trx.raw(`now() - make_interval(secs => ?)`, [MANUAL_REMINDER_WINDOW_SECONDS]))
          .pluck('assignee_id')
      : [],
  );
  // An assignee nobody may fill in for is not reminded: marking it 已催报 would hide that nobody can answer.
  const reachable = missing.filter((a) => !recent.has(a.id));
  const users = await assigneeUsers(input.trx, reachable.map((a) => a.id));
  const due = reachable.filter((a) => (users.get(a.id)?.length ?? 0) > 0);
  if (due.length > 0) {
    await input.trx('forms_reminder').insert(
      due.map((a) => ({ tenant_id: input.tenantId, id: uuidv7(), collection_id: input.collection.id, period_key: input.period.period_key, assignee_id: a.id, kind: 'manual', user_count: users.get(a.id)?.length ?? 0, sent_by: input.userId })),
    );
  }
  const userIds = [...new Set([...users.values()].flat())];
  await input.notifier.notify(input.trx, input.tenantId, { ...reminderText(input.collection, input.period), userIds, sms: input.sms });
  return { remindedAssignees: due.length, notifiedUsers: userIds.length, skippedRecentlyReminded: recent.size, unreachableAssignees: reachable.length - due.length };
}

/**
 * The automatic reminder of a period: each missing assignee once, however often it runs. The
 * unique index on automatic reminders decides who is new; only they are notified.
 */
export async function remindAutomatically(input: ReminderInput & { sms: boolean }): Promise<number> {
  // Nobody to tell: not recorded, so the reminder goes out once someone may fill in.
  const missing = (await periodAssigneeStatus(input.trx, input.collection.id, input.period.period_key, { kind: 'tenant' })).filter((a) => a.state !== 'submitted' && a.fillers > 0);
  if (missing.length === 0) return 0;
  const users = await assigneeUsers(input.trx, missing.map((a) => a.id));
  const inserted: { assignee_id: string }[] = await input.trx('forms_reminder')
    .insert(missing.map((a) => ({ tenant_id: input.tenantId, id: uuidv7(), collection_id: input.collection.id, period_key: input.period.period_key, assignee_id: a.id, kind: 'auto', user_count: users.get(a.id)?.length ?? 0 })))
    .onConflict()
    .ignore()
    .returning('assignee_id');
  const userIds = [...new Set(inserted.flatMap((r) => users.get(r.assignee_id) ?? []))];
  await input.notifier.notify(input.trx, input.tenantId, { ...reminderText(input.collection, input.period), userIds, sms: input.sms });
  return inserted.length;
}
