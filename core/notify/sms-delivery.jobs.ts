import type { Knex } from 'knex';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { JobDefinition, JobInfo } from '../jobs/job-runner.ts';
import type { SmsProvider } from './sms-provider.ts';

export const SMS_DELIVERY_QUEUE = 'core.sms-deliver';
const SMS_BATCH_SIZE = 50;
const SMS_CONCURRENCY = 10;

/** A delivery job names one outbox row; the row holds the message. */
export interface SmsDeliveryData {
  tenantId: string;
  outboxId: string;
}

interface OutboxRow {
  id: string;
  phone: string;
  body: string;
  dedupe_key: string;
  status: 'pending' | 'sent' | 'failed';
}

/**
 * Delivers one outbox message. No transaction stays open while the gateway is called (on PGlite
 * that would hold the only connection): read the row, send, then record the outcome.
 * A retry of a message already marked sent sends nothing; a crash after the gateway accepted
 * but before marking is covered by the gateway's dedupe on the outbox dedupe key.
 */
export function smsDeliveryJob(db: Database, provider: SmsProvider, retryDelaySeconds: number): JobDefinition {
  return {
    name: SMS_DELIVERY_QUEUE,
    defaults: { retryLimit: 5, retryDelay: retryDelaySeconds, retryBackoff: true, expireInSeconds: 300 },
    // The notices of one dispatch are a thousand messages at once: fetched in batches, sent ten
    // at a time (a gateway call waits on the network, not on us), each marked on its own.
    batch: { size: SMS_BATCH_SIZE, concurrency: SMS_CONCURRENCY },
    handler: (data, job) => deliverSms(db, provider, data as unknown as SmsDeliveryData, job),
  };
}

async function deliverSms(db: Database, provider: SmsProvider, data: SmsDeliveryData, job: JobInfo): Promise<void> {
  const outbox = (trx: Knex.Transaction) => trx('core_sms_outbox').where({ tenant_id: data.tenantId, id: data.outboxId });
  const row: OutboxRow | undefined = await withTenant(db, data.tenantId, (trx) =>
    outbox(trx).first('id', 'phone', 'body', 'dedupe_key', 'status'),
  );
  // Gone with its tenant, or delivered by an earlier attempt.
  if (!row || row.status === 'sent') return;
  try {
    await provider.send({ to: row.phone, body: row.body, dedupeKey: row.dedupe_key });
  } catch (error) {
    const lastAttempt = job.retryCount >= job.retryLimit;
    const message = error instanceof Error ? error.message : String(error);
    await withTenant(db, data.tenantId, (trx) =>
      outbox(trx)
        .whereNot({ status: 'sent' })
        .update({ attempts: trx.raw('attempts + 1'), last_error: message.slice(0, 1000), status: lastAttempt ? 'failed' : 'pending' }),
    );
    // pg-boss retries with backoff until the retry limit.
    throw error;
  }
  await withTenant(db, data.tenantId, (trx) =>
    outbox(trx).update({ status: 'sent', sent_at: trx.fn.now(), attempts: trx.raw('attempts + 1'), last_error: null }),
  );
}
