import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import type { JobRunner } from '../jobs/job-runner.ts';
import { SMS_DELIVERY_QUEUE, type SmsDeliveryData } from './sms-delivery.jobs.ts';
import { quietHoursEnd, type QuietHours } from './quiet-hours.ts';

export interface NotificationInput {
  userIds: string[];
  /** What happened, `<area>.<event>` (e.g. `dispatch.task.assigned`): the UI picks an icon by it. */
  kind: string;
  title: string;
  body?: string;
  /** Path in the web app that the notification opens. */
  link?: string | null;
  /** Also text the users who have a phone (their own, or their directory entry's). */
  sms?: boolean;
  /** Automatic messages: an SMS written in these quiet hours is delivered when they end (in-app at once). */
  smsQuietHours?: QuietHours;
}

export interface NotifyResult {
  notificationIds: string[];
  smsOutboxIds: string[];
}

const SMS_MAX_LENGTH = 300;

/**
 * Writes in-app notifications and, when asked, SMS outbox rows and their delivery jobs, all in
 * the caller's transaction: if the business change rolls back, nobody is notified.
 */
export class Notifier {
  constructor(private readonly jobs: JobRunner) {}

  async notify(trx: Knex.Transaction, tenantId: string, input: NotificationInput): Promise<NotifyResult> {
    const userIds = [...new Set(input.userIds)];
    if (userIds.length === 0) return { notificationIds: [], smsOutboxIds: [] };
    if (!input.title.trim()) throw new Error('A notification needs a title');
    const rows = userIds.map((userId) => ({
      tenant_id: tenantId,
      id: uuidv7(),
      user_id: userId,
      kind: input.kind,
      title: input.title,
      body: input.body ?? '',
      link: input.link ?? null,
    }));
    await trx('core_notification').insert(rows);
    const notificationIds = rows.map((r) => r.id);
    if (!input.sms) return { notificationIds, smsOutboxIds: [] };

    const phones = await this.phonesOf(trx, userIds);
    const outbox = rows
      .filter((r) => phones.has(r.user_id))
      .map((r) => ({
        tenant_id: tenantId,
        id: uuidv7(),
        phone: phones.get(r.user_id) as string,
        body: smsText(input.title, input.body),
        // One message per notification: the key survives every retry of its delivery.
        dedupe_key: `notification:${r.id}`,
      }));
    if (outbox.length === 0) return { notificationIds, smsOutboxIds: [] };
    await trx('core_sms_outbox').insert(outbox);
    const deliveries: SmsDeliveryData[] = outbox.map((o) => ({ tenantId, outboxId: o.id }));
    const holdUntil = input.smsQuietHours ? quietHoursEnd(input.smsQuietHours, new Date()) : null;
    if (holdUntil) {
      for (const d of deliveries) await this.jobs.enqueue(trx, SMS_DELIVERY_QUEUE, { ...d }, { startAfter: holdUntil.toISOString() });
    } else {
      await this.jobs.enqueueMany(trx, SMS_DELIVERY_QUEUE, deliveries.map((d) => ({ ...d })));
    }
    return { notificationIds, smsOutboxIds: outbox.map((o) => o.id) };
  }

  /** Active accounts' own phone, else their directory entry's; users with neither get no SMS. */
  private async phonesOf(trx: Knex.Transaction, userIds: string[]): Promise<Map<string, string>> {
    const found: { id: string; phone: string | null }[] = await trx('core_user as u')
      .leftJoin('core_person as p', function joinPerson() {
        this.on('p.tenant_id', 'u.tenant_id').andOn('p.id', 'u.person_id');
      })
      .whereIn('u.id', userIds)
      .andWhere('u.status', 'active')
      .select('u.id', trx.raw(`coalesce(nullif(u.phone, ''), nullif(p.phone, '')) as phone`));
    return new Map(found.filter((u) => u.phone).map((u) => [u.id, u.phone as string]));
  }
}

function smsText(title: string, body: string | undefined): string {
  const text = body ? `${title}：${body}` : title;
  return text.length > SMS_MAX_LENGTH ? `${text.slice(0, SMS_MAX_LENGTH - 1)}…` : text;
}
