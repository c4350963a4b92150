import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../core/db/tenant-transaction.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { waitFor } from '../../../tests/helpers/fake-sms-gateway.ts';
import { ESCALATION_JOB, sweepTenant } from '../server/escalation.jobs.ts';
import { gridWorld, photoOf, reportAt, type GridWorld } from './grid-world.ts';

const HOUR = 3_600_000;

/**
 * Escalation: an event nobody accepts or resolves in time moves up one level — grid → community →
 * town (综治中心) → the category's department — each level with its own limit, its handlers told.
 * Each step fires once, however often and on however many runners the sweep runs, and across a
 * restart of the job runner.
 */
describe('grid events: escalation level by level, each firing once', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('escalating');
    world = await gridWorld(platform, tenant, { levelHours: { community: 10, town: 20, department: 30 }, callbackPercent: 0 });
  });
  afterAll(() => platform?.stop());

  const sweep = (at: number) => sweepTenant(platform.jobContext('grid-events'), tenant.id, new Date(at));
  const page = async (id: string) => (await world.users.center.client.get(`${world.base}/events/${id}`)).json();
  const arrivals = async (userId: string) =>
    platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, user_id: userId, kind: 'grid-events.event.arrived' })
      .count<{ count: string }[]>('id as count')
      .then((r) => Number(r[0].count));

  it('unaccepted in time, the event climbs grid → community → town → department, once per level', async () => {
    const event = await reportAt(world, tenant, 117.615, 24.505);
    const start = Date.now();
    // Not yet due: nothing moves.
    expect(await sweep(start + 1 * HOUR)).toEqual({ escalated: 0, closed: 0 });
    // Two hours to accept (the category): at three hours it moves to the community, told at once.
    expect((await sweep(start + 3 * HOUR)).escalated).toBe(1);
    expect((await sweep(start + 3 * HOUR)).escalated).toBe(0);
    let view = await page(event.id);
    expect(view).toMatchObject({ status: 'reported', level: 1, handlingUnit: { id: world.units.qianjin } });
    expect(view.steps.at(-1)).toMatchObject({ action: 'escalate', unit: { id: world.units.qianjin }, note: '前进第二网格' });
    expect(await arrivals(world.users.community.userId)).toBe(1);

    // The community (taking it over at +3 h) accepts but does not resolve within its 10 hours: the town takes it.
    expect((await world.users.community.client.post(`${world.base}/events/${event.id}/accept`, {})).statusCode).toBe(200);
    expect((await sweep(start + 12 * HOUR)).escalated).toBe(0);
    expect((await sweep(start + 14 * HOUR)).escalated).toBe(1);
    view = await page(event.id);
    expect(view).toMatchObject({ level: 2, handlingUnit: { id: world.units.shiting }, status: 'reported' });

    // Unaccepted at the town: the category's department (城管局) gets it; above it there is nothing.
    expect((await sweep(start + 17 * HOUR)).escalated).toBe(1);
    view = await page(event.id);
    expect(view).toMatchObject({ level: 3, handlingUnit: { id: world.units.cityManagement } });
    expect((await sweep(start + 20 * HOUR)).escalated).toBe(1);
    view = await page(event.id);
    expect(view).toMatchObject({ level: 3, handlingUnit: { id: world.units.cityManagement } });
    expect(view.steps.at(-1).action).toBe('overdue_top');
    expect((await sweep(start + 100 * HOUR)).escalated).toBe(0);
    expect(view.steps.filter((s: { action: string }) => s.action === 'escalate')).toHaveLength(3);
  });

  it('two runners sweeping at once move an event one level, not two', async () => {
    const event = await reportAt(world, tenant, 117.616, 24.506);
    const at = Date.now() + 3 * HOUR;
    const results = await Promise.all([sweep(at), sweep(at)]);
    expect(results.reduce((n, r) => n + r.escalated, 0)).toBe(1);
    expect(await page(event.id)).toMatchObject({ level: 1, handlingUnit: { id: world.units.qianjin } });
  });

  it('on the real job runner, the escalation queued before a restart and after it happens once', async () => {
    const event = await reportAt(world, tenant, 117.617, 24.507);
    const now = new Date(Date.now() + 3 * HOUR).toISOString();
    const runQueued = async () => {
      const jobId = await withTenant(platform.db, tenant.id, (trx) => platform.app.jobs.enqueue(trx, ESCALATION_JOB, { now }));
      await waitFor('the escalation job completed', async () => {
        const { rows } = await platform.db.owner.raw('select state from pgboss.job where id = ?', [jobId]);
        return rows[0]?.state === 'completed' || (rows[0]?.state === 'failed' ? Promise.reject(new Error('escalation job failed')) : false);
      });
    };
    await platform.app.jobs.start();
    try {
      await runQueued();
      await platform.app.jobs.stop();
      await platform.app.jobs.start();
      await runQueued();
    } finally {
      await platform.app.jobs.stop();
    }
    const view = await page(event.id);
    expect(view.steps.filter((s: { action: string }) => s.action === 'escalate')).toHaveLength(1);
    expect(view.level).toBe(1);
  });

  it('a resolved event nobody rates is closed after the county’s days', async () => {
    const event = await reportAt(world, tenant, 117.601, 24.501);
    await world.users.gridworker.client.post(`${world.base}/events/${event.id}/accept`, {});
    const photo = await photoOf(world.users.gridworker.client, tenant);
    const resolved = await world.users.gridworker.client.post(`${world.base}/events/${event.id}/resolve`, {
      note: '已处理',
      photoIds: [photo],
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await sweep(Date.now() + 6 * 24 * HOUR)).closed).toBe(0);
    expect((await sweep(Date.now() + 8 * 24 * HOUR)).closed).toBeGreaterThanOrEqual(1);
    expect(await page(event.id)).toMatchObject({ status: 'closed' });
  });
});
