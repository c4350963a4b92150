import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../core/app.ts';
import { loadConfig } from '../../core/config.ts';
import { openMigratedDatabase } from '../../core/db/bootstrap.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { SMS_DELIVERY_QUEUE } from '../../core/notify/sms-delivery.jobs.ts';
import { installedModules } from '../../modules/index.ts';
import { FakeSmsGateway, waitFor } from '../helpers/fake-sms-gateway.ts';
import { freePort, serverEnv, ServerProcess } from '../helpers/server-process.ts';

const SECRET = 'crash-test-gateway-secret';

/**
 * The crash window of SMS delivery with real processes on the embedded database: the gateway has
 * taken a message, and the server dies (kill -9) before marking it sent. The next start sends it
 * again at once, with the same Idempotency-Key, and the gateway delivers it only once.
 */
describe('SMS across a crash between the gateway accepting and the message being marked sent', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-sms-crash-'));
  let gateway: FakeSmsGateway | undefined;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    await gateway?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the (unlocked) embedded database in this process, as a CLI would. */
  async function withEmbedded<T>(
    work: (db: Awaited<ReturnType<typeof openMigratedDatabase>>, app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>,
  ): Promise<T> {
    const loaded = loadConfig(serverEnv(dataDir, 0));
    const config = { ...loaded, overload: { ...loaded.overload, maxEventLoopDelayMs: 0 } }; // a busy test machine is not overload
    const db = await openMigratedDatabase(config, installedModules);
    const app = await buildApp({ config, db, modules: installedModules });
    try {
      await app.ready();
      return await work(db, app);
    } finally {
      await app.close();
      await db.close();
    }
  }

  it('the restarted server resends at once with the same key; the gateway delivers it once; the row ends sent', async () => {
    gateway = await FakeSmsGateway.start(SECRET);
    gateway.failFirst = false;
    const tenantId = uuidv7();
    const message = { id: uuidv7(), phone: '13900001111', body: '防汛值班提醒', dedupe_key: `notification:${uuidv7()}` };
    await withEmbedded(async (db, app) => {
      await db.owner('core_tenant').insert({ id: tenantId, slug: 'crash-county', name: '崩溃测试县' });
      await withTenant(db, tenantId, async (trx) => {
        await trx('core_sms_outbox').insert({ tenant_id: tenantId, ...message });
        await app.jobs.enqueueMany(trx, SMS_DELIVERY_QUEUE, [{ tenantId, outboxId: message.id }]);
      });
    });

    const env = async () =>
      serverEnv(dataDir, await freePort(), {
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: gateway!.url,
        SMS_HTTP_SECRET: SECRET,
        JOB_POLLING_SECONDS: '0.5',
        JOB_RETRY_DELAY_SECONDS: '1',
      });
    const first = ServerProcess.spawn(await env());
    servers.push(first);
    gateway.afterDelivery = () => first.child.kill('SIGKILL');
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    gateway.afterDelivery = undefined;
    expect(gateway.requestsFor(message.dedupe_key)).toHaveLength(1);

    const second = ServerProcess.spawn(await env());
    servers.push(second);
    await waitFor('the message sent again after the restart', async () => gateway!.requestsFor(message.dedupe_key).length >= 2, 90_000);
    // A clean stop lets the running delivery record its outcome before the process ends.
    expect(await second.stop('SIGTERM')).toBe(0);

    expect(gateway.requestsFor(message.dedupe_key).map((r) => [r.status, r.idempotencyKey])).toEqual([
      [200, message.dedupe_key],
      [200, message.dedupe_key],
    ]);
    expect([...gateway.delivered.keys()]).toEqual([message.dedupe_key]);
    const row = await withEmbedded((db) => db.owner('core_sms_outbox').where({ id: message.id }).first('status', 'attempts'));
    expect(row).toEqual({ status: 'sent', attempts: 1 });
  }, 600_000);
});
