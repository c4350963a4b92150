import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { lastRemindedAt, notifyOnce, remindersOf, type OnceEntry } from '../../core/notify/notify-once.ts';
import { addUser, type TestUser } from '../helpers/tenant-users.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

/**
 * Core's once-only reminder ledger: a reminder whose ledger row a run inserts is sent with it,
 * in the same transaction; a doubled run finds the row and sends nothing; a run rolled back
 * leaves neither row nor message, so the next one sends.
 */
describe('notifyOnce: a reminder reaches its readers once, whatever runs twice or rolls back', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let other: TestTenant;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('once-county');
    other = await platform.createTenant('once-other');
    alice = await addUser(platform, tenant, 'alice');
    bob = await addUser(platform, tenant, 'bob');
  });
  afterAll(() => platform?.stop());

  const entry = (subjectId: string, occasion: string, userIds: string[], extra: Partial<OnceEntry> = {}): OnceEntry => ({
    subjectKind: 'item',
    subjectId,
    kind: 'due',
    occasion,
    data: { note: `${occasion} 到期` },
    notice: { userIds, kind: 'test.reminder', title: `${occasion} 到期`, link: `/items/${subjectId}` },
    ...extra,
  });
  const run = (entries: OnceEntry[], tenantId = tenant.id, sentBy: string | null = null) =>
    withTenant(platform.db, tenantId, (trx) =>
      notifyOnce(trx, tenantId, entries, { module: 'fixture-base', notifier: platform.app.notifier, sentBy }),
    );
  const notes = (userId: string, title: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, user_id: userId, kind: 'test.reminder', title }).select('id');

  it('a doubled run sends once; a new occasion of the same thing sends again', async () => {
    const item = uuidv7();
    expect(await run([entry(item, '第一期', [alice.id])])).toHaveLength(1);
    expect(await run([entry(item, '第一期', [alice.id])])).toEqual([]);
    expect(await notes(alice.id, '第一期 到期')).toHaveLength(1);

    expect(await run([entry(item, '第一期', [alice.id]), entry(item, '第二期', [alice.id])])).toMatchObject([{ occasion: '第二期' }]);
    expect(await notes(alice.id, '第二期 到期')).toHaveLength(1);
  });

  it('a run rolled back leaves neither row nor message; the next run sends once', async () => {
    const item = uuidv7();
    const crashed = withTenant(platform.db, tenant.id, async (trx) => {
      expect(
        await notifyOnce(trx, tenant.id, [entry(item, '回滚期', [alice.id])], { module: 'fixture-base', notifier: platform.app.notifier }),
      ).toHaveLength(1);
      throw new Error('crashed before commit');
    });
    await expect(crashed).rejects.toThrow('crashed before commit');
    expect(await notes(alice.id, '回滚期 到期')).toEqual([]);
    expect(await platform.ownerQuery('core_reminder').where({ tenant_id: tenant.id, subject_id: item })).toEqual([]);

    expect(await run([entry(item, '回滚期', [alice.id])])).toHaveLength(1);
    expect(await run([entry(item, '回滚期', [alice.id])])).toEqual([]);
    expect(await notes(alice.id, '回滚期 到期')).toHaveLength(1);
  });

  it('each tenant has its own ledger: the same key in another county is its own reminder', async () => {
    const item = uuidv7();
    const carol = await addUser(platform, other, 'carol');
    expect(await run([entry(item, '同键期', [alice.id])])).toHaveLength(1);
    expect(await run([entry(item, '同键期', [carol.id])], other.id)).toHaveLength(1);
    expect(await run([entry(item, '同键期', [carol.id])], other.id)).toEqual([]);
  });

  it('two runs at once send once', async () => {
    const item = uuidv7();
    const results = await Promise.all([run([entry(item, '并发期', [alice.id])]), run([entry(item, '并发期', [alice.id])])]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 1]);
    expect(await notes(alice.id, '并发期 到期')).toHaveLength(1);
  });

  it('entries saying the same thing go as one notice to all their readers; an entry without a notice is only recorded', async () => {
    const [first, second, recordedOnly] = [uuidv7(), uuidv7(), uuidv7()];
    const shared = { kind: 'test.reminder', title: '同一条提醒', link: '/items' };
    const sent = await run([
      entry(first, '合并期', [], { notice: { ...shared, userIds: [alice.id] } }),
      entry(second, '合并期', [], { notice: { ...shared, userIds: [alice.id, bob.id] } }),
      entry(recordedOnly, '合并期', [], { notice: undefined }),
    ]);
    expect(sent.map((e) => e.subjectId)).toEqual([first, second]);
    expect(await notes(alice.id, '同一条提醒')).toHaveLength(1);
    expect(await notes(bob.id, '同一条提醒')).toHaveLength(1);
    // The recorded occasion never fires later on its own.
    expect(await run([entry(recordedOnly, '合并期', [bob.id])])).toEqual([]);
    expect(await platform.ownerQuery('core_reminder').where({ tenant_id: tenant.id, subject_id: recordedOnly }).first('notified')).toEqual({
      notified: false,
    });
  });

  it('the views read a subject’s reminders, newest first, with sender and data; other tenants see none of them', async () => {
    const item = uuidv7();
    await run([entry(item, '甲期', [alice.id])]);
    await run([entry(item, '乙期', [alice.id])], tenant.id, bob.id);
    const filter = { module: 'fixture-base', subjectKind: 'item', subjectIds: [item] };
    const read = await withTenant(platform.db, tenant.id, (trx) => remindersOf(trx, filter));
    expect(read.map((r) => [r.occasion, r.sentByName, r.data])).toEqual([
      ['乙期', expect.any(String), { note: '乙期 到期' }],
      ['甲期', null, { note: '甲期 到期' }],
    ]);
    expect(read[0].sentBy).toBe(bob.id);
    const latest = await withTenant(platform.db, tenant.id, (trx) => lastRemindedAt(trx, { ...filter, data: { note: '甲期 到期' } }));
    expect(latest.get(item)).toEqual(read[1].sentAt);
    expect(await withTenant(platform.db, other.id, (trx) => remindersOf(trx, filter))).toEqual([]);
  });
});
