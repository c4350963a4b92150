import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { SMS_DELIVERY_QUEUE } from '../../core/notify/sms-delivery.jobs.ts';
import { FakeSmsGateway, waitFor } from '../helpers/fake-sms-gateway.ts';
import { addUser, type TestUser } from '../helpers/tenant-users.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

const SECRET = 'gateway-secret-for-tests';

interface OutboxRow {
  id: string;
  phone: string;
  body: string;
  dedupe_key: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

describe('notifications with SMS: outbox, durable delivery through a real HTTP gateway', () => {
  let gateway: FakeSmsGateway;
  let platform: TestPlatform;
  let tenant: TestTenant;
  let withOwnPhone: TestUser;
  let withPersonPhone: TestUser;
  let withoutPhone: TestUser;

  beforeAll(async () => {
    gateway = await FakeSmsGateway.start(SECRET);
    platform = await TestPlatform.start({
      startJobs: true,
      configure: (config) => ({
        ...config,
        sms: { provider: 'http', url: gateway.url, secret: SECRET },
        jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 },
      }),
    });
    tenant = await platform.createTenant('sms-county');
    withOwnPhone = await addUser(platform, tenant, 'own-phone', { phone: '13800000001' });
    withPersonPhone = await addUser(platform, tenant, 'person-phone', { personPhone: '13800000002' });
    withoutPhone = await addUser(platform, tenant, 'no-phone');
  });
  afterAll(async () => {
    await platform?.stop();
    await gateway?.close();
  });

  const notify = (title: string, userIds: string[], sms = true) =>
    withTenant(platform.db, tenant.id, (trx) =>
      platform.app.notifier.notify(trx, tenant.id, { userIds, kind: 'test.notice', title, body: '请及时处理', link: '/tasks/1', sms }),
    );
  const outboxRows = (ids: string[]): Promise<OutboxRow[]> => platform.ownerQuery('core_sms_outbox').whereIn('id', ids).orderBy('phone');
  const jobCount = async (): Promise<number> =>
    Number((await platform.db.owner.raw('select count(*) as n from pgboss.job where name = ?', [SMS_DELIVERY_QUEUE])).rows[0].n);
  const allSent = (ids: string[]) => async () => {
    const rows = await outboxRows(ids);
    return rows.length === ids.length && rows.every((r) => r.status === 'sent') ? rows : undefined;
  };

  it('writes one inbox row per user and texts each user with a phone exactly once, after the gateway failed once', async () => {
    const result = await notify('新任务：防汛检查', [withOwnPhone.id, withPersonPhone.id, withoutPhone.id, withOwnPhone.id]);
    expect(result.notificationIds).toHaveLength(3);
    expect(result.smsOutboxIds).toHaveLength(2);
    const inbox = await platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, title: '新任务：防汛检查' });
    expect(inbox.map((n: { user_id: string }) => n.user_id).sort()).toEqual([withOwnPhone.id, withPersonPhone.id, withoutPhone.id].sort());

    const rows = await waitFor('both messages sent', allSent(result.smsOutboxIds));
    expect(rows.map((r) => r.phone)).toEqual(['13800000001', '13800000002']);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null, body: '新任务：防汛检查：请及时处理' });
      expect(row.sent_at).not.toBeNull();
      // First attempt answered 500, the retry delivered: two requests, one delivery, one key.
      const requests = gateway.requestsFor(row.dedupe_key);
      expect(requests.map((r) => r.status)).toEqual([500, 200]);
      expect(requests.every((r) => r.dedupeKey === row.dedupe_key && r.to === row.phone)).toBe(true);
      expect(gateway.delivered.get(row.dedupe_key)).toEqual({ to: row.phone, body: row.body });
    }
  });

  it('a rolled-back business transaction leaves no inbox row, no outbox row and no job', async () => {
    const jobsBefore = await jobCount();
    const outboxBefore = await platform.ownerQuery('core_sms_outbox').where({ tenant_id: tenant.id });
    const failing = withTenant(platform.db, tenant.id, async (trx) => {
      await platform.app.notifier.notify(trx, tenant.id, { userIds: [withOwnPhone.id], kind: 'test.notice', title: '不会发出', sms: true });
      throw new Error('business rule broken after notifying');
    });
    await expect(failing).rejects.toThrow('business rule broken');
    expect(await platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, title: '不会发出' })).toEqual([]);
    expect(await platform.ownerQuery('core_sms_outbox').where({ tenant_id: tenant.id })).toHaveLength(outboxBefore.length);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('a message queued while workers are stopped is delivered exactly once after a restart', async () => {
    gateway.failFirst = false;
    await platform.app.jobs.stop();
    const { smsOutboxIds } = await notify('停机期间的通知', [withOwnPhone.id]);
    const [pending] = await outboxRows(smsOutboxIds);
    expect(pending.status).toBe('pending');
    expect(gateway.requestsFor(pending.dedupe_key)).toEqual([]);

    await platform.app.jobs.start();
    const [sent] = await waitFor('the queued message sent', allSent(smsOutboxIds));
    expect(sent.attempts).toBe(1);
    expect(gateway.requestsFor(sent.dedupe_key)).toHaveLength(1);

    // A second delivery job for the same message (a duplicate retry) sends nothing.
    const jobId = await withTenant(platform.db, tenant.id, (trx) =>
      platform.app.jobs.enqueue(trx, SMS_DELIVERY_QUEUE, { tenantId: tenant.id, outboxId: sent.id }),
    );
    await waitFor('the duplicate job completed', async () => {
      const { rows } = await platform.db.owner.raw(`select state from pgboss.job where id = ?`, [jobId]);
      return rows[0]?.state === 'completed';
    });
    expect(gateway.requestsFor(sent.dedupe_key)).toHaveLength(1);
    expect((await outboxRows(smsOutboxIds))[0].attempts).toBe(1);
  });

  it('a crash between the gateway accepting and the row being marked is absorbed by the dedupe key', async () => {
    gateway.failFirst = false;
    const { smsOutboxIds } = await notify('网关去重', [withPersonPhone.id]);
    const [sent] = await waitFor('the message sent', allSent(smsOutboxIds));
    // What a crash right after the gateway answered leaves behind: a pending row, a job to retry.
    await platform.ownerQuery('core_sms_outbox').where({ tenant_id: tenant.id, id: sent.id }).update({ status: 'pending', sent_at: null });
    await withTenant(platform.db, tenant.id, (trx) =>
      platform.app.jobs.enqueue(trx, SMS_DELIVERY_QUEUE, { tenantId: tenant.id, outboxId: sent.id }),
    );
    await waitFor('the row marked sent again', allSent(smsOutboxIds));
    expect(gateway.requestsFor(sent.dedupe_key).map((r) => r.status)).toEqual([200, 200]);
    expect([...gateway.delivered.keys()].filter((k) => k === sent.dedupe_key)).toHaveLength(1);
  });

  it('a long queue is delivered in batches: every message once, each failure retried on its own', async () => {
    gateway.failFirst = true;
    const rows = Array.from({ length: 120 }, (_, i) => ({
      tenant_id: tenant.id,
      id: uuidv7(),
      phone: `1370000${String(i).padStart(4, '0')}`,
      body: `批量通知 ${i}`,
      dedupe_key: `batch:${uuidv7()}`,
    }));
    await withTenant(platform.db, tenant.id, async (trx) => {
      await trx('core_sms_outbox').insert(rows);
      await platform.app.jobs.enqueueMany(
        trx,
        SMS_DELIVERY_QUEUE,
        rows.map((r) => ({ tenantId: tenant.id, outboxId: r.id })),
      );
    });
    const sent = await waitFor('all 120 sent', allSent(rows.map((r) => r.id)), 60_000);
    expect(sent).toHaveLength(120);
    for (const row of sent) {
      // Each message's first attempt was refused; its retry, and only it, went through.
      expect(gateway.requestsFor(row.dedupe_key).map((r) => r.status)).toEqual([500, 200]);
      expect(row.attempts).toBe(2);
    }
  }, 90_000);

  it('after the last retry the message is marked failed with the gateway error', async () => {
    gateway.refusing.add('13800000009');
    const outboxId = await withTenant(platform.db, tenant.id, async (trx) => {
      const [row] = await trx('core_sms_outbox')
        .insert({ tenant_id: tenant.id, id: uuidv7(), phone: '13800000009', body: '总是失败', dedupe_key: `test:${uuidv7()}` })
        .returning('id');
      await platform.app.jobs.enqueue(
        trx,
        SMS_DELIVERY_QUEUE,
        { tenantId: tenant.id, outboxId: row.id },
        { retryLimit: 1, retryDelay: 1, retryBackoff: false },
      );
      return row.id as string;
    });
    const [failed] = await waitFor('the message marked failed', async () => {
      const rows = await outboxRows([outboxId]);
      return rows[0]?.status === 'failed' ? rows : undefined;
    });
    expect(failed.attempts).toBe(2);
    expect(failed.last_error).toMatch(/500/);
  });
});
