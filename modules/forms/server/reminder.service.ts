import type { Knex } from 'knex';
import { lastRemindedAt, notifyOnce, type DataScope, type Notifier } from '../../../core/module-kit.ts';
import type { CollectionRow, PeriodRow } from './collection-assignee.ts';
import { assigneeUsers, periodAssigneeStatus } from './period-status.service.ts';
import { formsMessage } from '../locales/notifications.ts';
import { REMINDER_SUBJECT, type FormsReminderData } from './reminder-ledger.ts';

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
  return {
    kind: 'forms.collection.reminder',
    message: formsMessage('collection.reminder', { form: collection.name, period: label, due: period.due_on }),
    link: '/forms/my-due',
  };
}

function entries(
  input: ReminderInput,
  assignees: string[],
  users: Map<string, string[]>,
  kind: 'auto' | 'manual',
  occasion: string,
  sms: boolean,
) {
  const notice = { ...reminderText(input.collection, input.period), sms };
  return assignees.map((id) => ({
    subjectKind: REMINDER_SUBJECT.subjectKind,
    subjectId: id,
    kind,
    occasion,
    data: {
      collectionId: input.collection.id,
      periodKey: input.period.period_key,
      userCount: users.get(id)?.length ?? 0,
    } satisfies FormsReminderData,
    notice: { ...notice, userIds: users.get(id) ?? [] },
  }));
}

/**
 * Reminds the assignees still missing in a period, within `scope`. The period row is locked first,
 * so two clicks at once queue up; an assignee reminded by hand within the last minute is skipped.
 */
export async function remindMissing(input: ReminderInput & { scope: DataScope; userId: string | null; sms: boolean }) {
  await input
    .trx('forms_period')
    .where({ collection_id: input.collection.id, period_key: input.period.period_key })
    .forUpdate()
    .first('period_key');
  const missing = (await periodAssigneeStatus(input.trx, input.collection.id, input.period.period_key, input.scope)).filter(
    (a) => a.state !== 'submitted',
  );
  const now = new Date();
  const recent = new Set(
    (
      await lastRemindedAt(input.trx, {
        ...REMINDER_SUBJECT,
        subjectIds: missing.map((a) => a.id),
        kind: 'manual',
        data: { periodKey: input.period.period_key },
        since: new Date(now.getTime() - MANUAL_REMINDER_WINDOW_SECONDS * 1000),
      })
    ).keys(),
  );
  // An assignee nobody may fill in for is not reminded: marking it 已催报 would hide that nobody can answer.
  const reachable = missing.filter((a) => !recent.has(a.id));
  const users = await assigneeUsers(
    input.trx,
    reachable.map((a) => a.id),
  );
  const due = reachable.filter((a) => (users.get(a.id)?.length ?? 0) > 0);
  const occasion = `${input.period.period_key}/${now.toISOString().slice(0, 16)}`;
  const sent = await notifyOnce(
    input.trx,
    input.tenantId,
    entries(
      input,
      due.map((a) => a.id),
      users,
      'manual',
      occasion,
      input.sms,
    ),
    {
      module: REMINDER_SUBJECT.module,
      notifier: input.notifier,
      sentBy: input.userId,
      at: now,
    },
  );
  const userIds = new Set(sent.flatMap((e) => e.notice.userIds));
  return {
    remindedAssignees: sent.length,
    notifiedUsers: userIds.size,
    skippedRecentlyReminded: recent.size,
    unreachableAssignees: reachable.length - due.length,
  };
}

/**
 * The automatic reminder of a period: each missing assignee once, however often it runs. The
 * ledger's key (assignee, `auto`, the period) decides who is new; only they are notified.
 */
export async function remindAutomatically(input: ReminderInput & { sms: boolean }): Promise<number> {
  // Nobody to tell: not recorded, so the reminder goes out once someone may fill in.
  const missing = (await periodAssigneeStatus(input.trx, input.collection.id, input.period.period_key, { kind: 'tenant' })).filter(
    (a) => a.state !== 'submitted' && a.fillers > 0,
  );
  if (missing.length === 0) return 0;
  const users = await assigneeUsers(
    input.trx,
    missing.map((a) => a.id),
  );
  const sent = await notifyOnce(
    input.trx,
    input.tenantId,
    entries(
      input,
      missing.map((a) => a.id),
      users,
      'auto',
      input.period.period_key,
      input.sms,
    ),
    { module: REMINDER_SUBJECT.module, notifier: input.notifier },
  );
  return sent.length;
}
