import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import type { JobRunner } from '../jobs/job-runner.ts';
import { SMS_DELIVERY_QUEUE, type SmsDeliveryData } from './sms-delivery.jobs.ts';
import { quietHoursEnd, type QuietHours } from './quiet-hours.ts';
import {
  DEFAULT_MESSAGE_LANGUAGE,
  isMessageLanguage,
  type MessageCatalogues,
  type MessageLanguage,
  type NotificationMessage,
  type RenderedText,
} from './messages.ts';

/**
 * What a notification says: a message of a catalogue, rendered in each reader's language (what
 * the platform writes), or a literal title and body shown as written (what a county wrote in its
 * own words, such as dispatch's configurable reminder texts; also tests).
 */
export type NotificationText =
  { message: NotificationMessage; title?: never; body?: never } | { title: string; body?: string; message?: never };

export type NotificationInput = NotificationText & {
  userIds: string[];
  /** What happened, `<area>.<event>` (e.g. `dispatch.task.assigned`): the UI picks an icon by it. */
  kind: string;
  /** Path in the web app that the notification opens. */
  link?: string | null;
  /** Also text the users who have a phone (their own, or their directory entry's). */
  sms?: boolean;
  /** Automatic messages: an SMS written in these quiet hours is delivered when they end (in-app at once). */
  smsQuietHours?: QuietHours;
};

export interface NotifyResult {
  notificationIds: string[];
  smsOutboxIds: string[];
}

const SMS_MAX_LENGTH = 300;
/** Between an SMS's title and body, as each language punctuates. */
const SMS_JOINER: Record<MessageLanguage, string> = { 'zh-CN': '：', en: ': ' };

interface Recipient {
  id: string;
  language: MessageLanguage;
  /** Active accounts' own phone, else their directory entry's; null: no SMS. */
  phone: string | null;
}

/**
 * Writes in-app notifications and, when asked, SMS outbox rows and their delivery jobs, all in
 * the caller's transaction: if the business change rolls back, nobody is notified.
 *
 * A message is stored as its key and parameters, which the inbox renders in the reader's language
 * of the moment, beside its text in the recipient's language at the time (title and body: what
 * the inbox shows should the key ever leave the catalogue). An SMS is written once, in the
 * recipient's language when it is queued.
 */
export class Notifier {
  constructor(
    private readonly jobs: JobRunner,
    /** Core's and every installed module's messages. */
    readonly messages: MessageCatalogues,
  ) {}

  async notify(trx: Knex.Transaction, tenantId: string, input: NotificationInput): Promise<NotifyResult> {
    const userIds = [...new Set(input.userIds)];
    if (userIds.length === 0) return { notificationIds: [], smsOutboxIds: [] };
    const message = input.message;
    if (!message && !input.title.trim()) throw new Error('A notification needs a title');
    // Languages matter for a message, phones for an SMS: a literal in-app notice needs neither.
    const recipients = message || input.sms ? await this.recipients(trx, tenantId, userIds) : new Map<string, Recipient>();
    const texts = new Map<MessageLanguage, RenderedText>();
    const textFor = (userId: string): RenderedText => {
      if (!message) return { title: input.title as string, body: input.body ?? '' };
      const language = recipients.get(userId)?.language ?? DEFAULT_MESSAGE_LANGUAGE;
      let text = texts.get(language);
      // A message written now must render: an unknown key or a missing parameter is a bug, thrown here.
      if (!text) texts.set(language, (text = this.messages.renderNew(message, language)));
      return text;
    };

    const rows = userIds.map((userId) => ({
      tenant_id: tenantId,
      id: uuidv7(),
      user_id: userId,
      kind: input.kind,
      ...textFor(userId),
      message_key: message?.key ?? null,
      params: message ? JSON.stringify(message.params ?? {}) : null,
      link: input.link ?? null,
    }));
    await trx('core_notification').insert(rows);
    const notificationIds = rows.map((r) => r.id);
    if (!input.sms) return { notificationIds, smsOutboxIds: [] };

    const outbox = rows.flatMap((r) => {
      const recipient = recipients.get(r.user_id);
      if (!recipient?.phone) return [];
      return [
        {
          tenant_id: tenantId,
          id: uuidv7(),
          phone: recipient.phone,
          body: smsText(r, recipient.language),
          // One message per notification: the key survives every retry of its delivery.
          dedupe_key: `notification:${r.id}`,
        },
      ];
    });
    if (outbox.length === 0) return { notificationIds, smsOutboxIds: [] };
    await trx('core_sms_outbox').insert(outbox);
    const deliveries: SmsDeliveryData[] = outbox.map((o) => ({ tenantId, outboxId: o.id }));
    const holdUntil = input.smsQuietHours ? quietHoursEnd(input.smsQuietHours, new Date()) : null;
    if (holdUntil) {
      for (const d of deliveries) await this.jobs.enqueue(trx, SMS_DELIVERY_QUEUE, { ...d }, { startAfter: holdUntil.toISOString() });
    } else {
      await this.jobs.enqueueMany(
        trx,
        SMS_DELIVERY_QUEUE,
        deliveries.map((d) => ({ ...d })),
      );
    }
    return { notificationIds, smsOutboxIds: outbox.map((o) => o.id) };
  }

  /**
   * Each user's language (their own choice, else the county's) and phone (active accounts only:
   * their own, else their directory entry's).
   */
  private async recipients(trx: Knex.Transaction, tenantId: string, userIds: string[]): Promise<Map<string, Recipient>> {
    const tenant: { locale: string } | undefined = await trx('core_tenant').where({ id: tenantId }).first('locale');
    const countyLanguage = isMessageLanguage(tenant?.locale) ? tenant.locale : DEFAULT_MESSAGE_LANGUAGE;
    const found: { id: string; status: string; locale: string | null; phone: string | null }[] = await trx('core_user as u')
      .leftJoin('core_person as p', function joinPerson() {
        this.on('p.tenant_id', 'u.tenant_id').andOn('p.id', 'u.person_id');
      })
      .whereIn('u.id', userIds)
      .select('u.id', 'u.status', 'u.locale', trx.raw(`coalesce(nullif(u.phone, ''), nullif(p.phone, '')) as phone`));
    return new Map(
      found.map((u) => [
        u.id,
        {
          id: u.id,
          language: isMessageLanguage(u.locale) ? u.locale : countyLanguage,
          phone: u.status === 'active' && u.phone ? u.phone : null,
        },
      ]),
    );
  }
}

function smsText(text: RenderedText, language: MessageLanguage): string {
  const joined = text.body ? `${text.title}${SMS_JOINER[language]}${text.body}` : text.title;
  return joined.length > SMS_MAX_LENGTH ? `${joined.slice(0, SMS_MAX_LENGTH - 1)}…` : joined;
}
