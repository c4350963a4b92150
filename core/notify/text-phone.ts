import { uuidv7 } from 'uuidv7';
import type { ModuleContext } from '../modules/module-context.ts';
import { SMS_DELIVERY_QUEUE, type SmsDeliveryData } from './sms-delivery.jobs.ts';

const SMS_MAX_LENGTH = 300;

/**
 * An SMS to a phone number that belongs to no account — a citizen who left it with a public
 * report — written to the outbox in the caller's transaction and delivered by the same durable job
 * as every SMS (retries, the provider's idempotency key). `dedupeKey` makes it once: a second call
 * with the same key sends nothing. Needs the request's job queue (`ctx.jobs`); answers whether a
 * message was queued.
 */
export async function textPhone(
  ctx: Pick<ModuleContext, 'trx' | 'tenantId' | 'jobs'>,
  message: { phone: string; text: string; dedupeKey: string },
): Promise<boolean> {
  if (!ctx.jobs || !message.phone) return false;
  const body = message.text.length > SMS_MAX_LENGTH ? `${message.text.slice(0, SMS_MAX_LENGTH - 1)}…` : message.text;
  const id = uuidv7();
  const inserted: { id: string }[] = await ctx
    .trx('core_sms_outbox')
    .insert({ tenant_id: ctx.tenantId, id, phone: message.phone, body, dedupe_key: message.dedupeKey })
    .onConflict(['tenant_id', 'dedupe_key'])
    .ignore()
    .returning('id');
  if (inserted.length === 0) return false;
  const data: SmsDeliveryData = { tenantId: ctx.tenantId, outboxId: id };
  await ctx.jobs.enqueue(ctx.trx, SMS_DELIVERY_QUEUE, { ...data });
  return true;
}
