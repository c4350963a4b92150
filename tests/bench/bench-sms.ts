import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../core/app.ts';
import type { PlatformConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { SMS_DELIVERY_QUEUE } from '../../core/notify/sms-delivery.jobs.ts';
import { installedModules } from '../../modules/index.ts';

export const BENCH_SMS = { messages: 1_000, targetSeconds: 60 };

export interface SmsDeliveryResult {
  messages: number;
  seconds: number;
  rate: number;
}

/**
 * The notices of one big dispatch: 1,000 SMS queued in one transaction (outbox rows and their
 * delivery jobs, as the notifier writes them), then the job workers start with the configured
 * provider (`log` unless SMS_PROVIDER says otherwise) and polling; measured until every row is sent.
 */
export async function measureSmsDelivery(
  config: PlatformConfig,
  tenantId: string,
  messages = BENCH_SMS.messages,
): Promise<SmsDeliveryResult> {
  const db = await openDatabase(config);
  const app = await buildApp({ config, db, modules: installedModules });
  try {
    await app.ready();
    await db.owner('core_sms_outbox').where({ tenant_id: tenantId }).andWhereLike('dedupe_key', 'bench:%').delete();
    const ids = await withTenant(db, tenantId, async (trx) => {
      const rows = Array.from({ length: messages }, (_, i) => ({
        tenant_id: tenantId,
        id: uuidv7(),
        phone: `139${String(i).padStart(8, '0')}`,
        body: `【基准】任务已下发，请及时处理（${i + 1}）`,
        dedupe_key: `bench:${uuidv7()}`,
      }));
      await trx.batchInsert('core_sms_outbox', rows, 500);
      await app.jobs.enqueueMany(
        trx,
        SMS_DELIVERY_QUEUE,
        rows.map((r) => ({ tenantId, outboxId: r.id })),
      );
      return rows.map((r) => r.id);
    });
    const started = performance.now();
    await app.jobs.start();
    for (;;) {
      const [{ n }] = await db.owner('core_sms_outbox').whereIn('id', ids).andWhere({ status: 'sent' }).count({ n: '*' });
      if (Number(n) === messages) break;
      if (performance.now() - started > 10 * 60_000) throw new Error(`only ${n} of ${messages} messages sent after 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    await db.owner('core_sms_outbox').whereIn('id', ids).delete();
    return { messages, seconds, rate: messages / seconds };
  } finally {
    await app.close();
    await db.close();
  }
}

/**
 * `npm run bench -- --only-sms`: the phase alone on a small database of its own (`cp_bench_sms`,
 * migrated, one tenant), without building the 1,000-tenant benchmark data.
 */
export async function measureSmsDeliveryAlone(config: PlatformConfig, adminUrl: string): Promise<SmsDeliveryResult> {
  const { withAdmin } = await import('../helpers/admin-connection.ts');
  const { migrateLatest } = await import('../../core/db/migrate.ts');
  await withAdmin(adminUrl, async (k) => {
    await k.raw('drop database if exists cp_bench_sms with (force)');
    await k.raw('create database cp_bench_sms');
  });
  const url = new URL(adminUrl);
  url.pathname = '/cp_bench_sms';
  const smsConfig = { ...config, databaseUrl: url.toString() };
  const tenantId = uuidv7();
  const db = await openDatabase(smsConfig);
  try {
    await migrateLatest(db, { modules: installedModules, runtimePassword: config.runtimePassword });
    await db.owner('core_tenant').insert({ id: tenantId, slug: 'sms-bench', name: '短信基准县' });
  } finally {
    await db.close();
  }
  try {
    return await measureSmsDelivery(smsConfig, tenantId);
  } finally {
    await withAdmin(adminUrl, (k) => k.raw('drop database if exists cp_bench_sms with (force)'));
  }
}
