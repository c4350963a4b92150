import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import type { JobRunner } from '../jobs/job-runner.ts';
import { SMS_DELIVERY_QUEUE } from './sms-delivery.jobs.ts';

export interface DirectSms {
  phone: string;
  body: string;
  /** Stable per message: the gateway's Idempotency-Key across every retry. */
  dedupeKey: string;
}

/**
 * Queues text messages to phone numbers through the SMS outbox, in the caller's transaction, with
 * no in-app notification beside them: for messages that must not sit in an inbox, such as an
 * initial password. Delivery is the outbox's usual job (retries, dedupe, `failed` at the end).
 */
export async function queueDirectSms(trx: Knex.Transaction, jobs: JobRunner, tenantId: string, messages: DirectSms[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = messages.map((m) => ({ tenant_id: tenantId, id: uuidv7(), phone: m.phone, body: m.body, dedupe_key: m.dedupeKey }));
  await trx('core_sms_outbox').insert(rows);
  await jobs.enqueueMany(
    trx,
    SMS_DELIVERY_QUEUE,
    rows.map((r) => ({ tenantId, outboxId: r.id })),
  );
  return rows.map((r) => r.id);
}
