import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../core/audit/audit.service.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import type { ModuleManifest, PlatformModule, TenantJobContext } from '../../core/modules/contract.ts';
import { waitFor } from '../helpers/fake-sms-gateway.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

const EVENT = 'probe-source.thing_happened';

interface Delivery {
  module: string;
  tenantId: string;
  payload: Record<string, unknown>;
  tenantSetting: string;
  role: string;
  visibleTenants: string[];
}

const deliveries: Delivery[] = [];
const attempts = new Map<string, number>();
const ticks: { enabledTenantIds: string[]; data: Record<string, unknown> }[] = [];

function manifest(id: string): ModuleManifest {
  return {
    id,
    version: '1.0.0',
    name: { 'zh-CN': id, en: id },
    description: { 'zh-CN': '测试', en: 'Test' },
    dependsOn: [],
    permissions: [],
    configSchema: { type: 'object', properties: {} },
    recordTypes: [],
    menu: [],
  };
}

/** Records what a handler saw of its transaction; fails the first attempt when asked to. */
function listener(module: string) {
  return async (context: TenantJobContext, payload: Record<string, unknown>) => {
    const key = `${module}:${String(payload.n)}`;
    attempts.set(key, (attempts.get(key) ?? 0) + 1);
    await writeAudit(context.db, context.tenantId, null, { action: 'probe.handled', recordType: module, recordId: String(payload.n) });
    if (payload.failOnce && attempts.get(key) === 1) throw new Error('first attempt fails');
    const { rows } = await context.db.raw(`select current_setting('app.tenant_id', true) as tenant, current_user as role`);
    const visible: { tenant_id: string }[] = await context.db('core_user').distinct('tenant_id');
    deliveries.push({
      module,
      tenantId: context.tenantId,
      payload,
      tenantSetting: rows[0].tenant,
      role: rows[0].role,
      visibleTenants: visible.map((v) => v.tenant_id),
    });
  };
}

const source: PlatformModule = { manifest: { ...manifest('probe-source'), emits: [EVENT] } };
const probeListener: PlatformModule = {
  manifest: manifest('probe-listener'),
  events: { [EVENT]: listener('probe-listener') },
  jobs: [
    {
      name: 'probe-listener.tick',
      handler: async (data, context) => {
        const enabledTenantIds = await context.enabledTenantIds();
        for (const tenantId of enabledTenantIds) {
          await context.withTenant(tenantId, (ctx) =>
            writeAudit(ctx.db, ctx.tenantId, null, { action: 'probe.ticked', recordType: 'tick', recordId: context.jobId }),
          );
        }
        ticks.push({ enabledTenantIds, data });
      },
    },
    { name: 'probe-listener.nightly', cron: '30 2 * * *', handler: async () => undefined },
  ],
};
const echo: PlatformModule = { manifest: manifest('probe-echo'), events: { [EVENT]: listener('probe-echo') } };

describe('jobs: durable module events and module jobs on pg-boss', () => {
  let platform: TestPlatform;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start({
      modules: [source, probeListener, echo],
      startJobs: true,
      configure: (config) => ({ ...config, jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 } }),
    });
    a = await platform.createTenant('jobs-a');
    b = await platform.createTenant('jobs-b');
    for (const id of ['probe-source', 'probe-listener', 'probe-echo'])
      expect((await a.admin.post(`${a.base}/modules/${id}/enable`)).statusCode).toBe(200);
    expect((await b.admin.post(`${b.base}/modules/probe-source/enable`)).statusCode).toBe(200);
  });
  afterAll(() => platform?.stop());

  const emit = (tenant: TestTenant, payload: Record<string, unknown>) =>
    withTenant(platform.db, tenant.id, (trx) => platform.app.jobs.emitEvent(trx, tenant.id, EVENT, payload));
  const deliveredFor = (n: number) => deliveries.filter((d) => d.payload.n === n);

  it('an event reaches each enabled subscriber once, in a transaction of the tenant as the runtime role', async () => {
    const jobIds = await emit(a, { n: 1 });
    expect(jobIds).toHaveLength(2);
    const seen = await waitFor('both modules handled event 1', async () => (deliveredFor(1).length === 2 ? deliveredFor(1) : undefined));
    expect(seen.map((d) => d.module).sort()).toEqual(['probe-echo', 'probe-listener']);
    for (const delivery of seen) {
      expect(delivery).toMatchObject({ tenantId: a.id, tenantSetting: a.id, role: platform.db.runtimeRole, payload: { n: 1 } });
      // Row level security is on: tenant b's accounts are invisible to the handler.
      expect(delivery.visibleTenants).toEqual([a.id]);
    }
  });

  it('an event raised in a rolled-back transaction is never delivered; a tenant without subscribers queues nothing', async () => {
    const rolledBack = withTenant(platform.db, a.id, async (trx) => {
      await platform.app.jobs.emitEvent(trx, a.id, EVENT, { n: 2 });
      throw new Error('the change that raised it failed');
    });
    await expect(rolledBack).rejects.toThrow('failed');
    expect(await emit(b, { n: 3 })).toEqual([]);
    // Same queue, first in first out: once a later event is handled, the earlier ones would have been.
    await emit(a, { n: 4 });
    await waitFor('event 4 handled', async () => deliveredFor(4).length === 2);
    expect(deliveredFor(2)).toEqual([]);
    expect(deliveredFor(3)).toEqual([]);
  });

  it('a failing handler rolls back what it wrote and is retried until it succeeds', async () => {
    await emit(a, { n: 5, failOnce: true });
    await waitFor('event 5 handled after a retry', async () => deliveredFor(5).length === 2);
    expect(attempts.get('probe-listener:5')).toBe(2);
    const audit = await platform.ownerQuery('core_audit_log').where({ tenant_id: a.id, action: 'probe.handled', record_id: '5' });
    // One entry per module: the failed attempts' entries were rolled back with them.
    expect(audit.map((r: { record_type: string }) => r.record_type).sort()).toEqual(['probe-echo', 'probe-listener']);
  });

  it('a module job runs with its data and reaches the tenants that enabled the module', async () => {
    const jobId = await withTenant(platform.db, a.id, (trx) => platform.app.jobs.enqueue(trx, 'probe-listener.tick', { reason: 'test' }));
    const [tick] = await waitFor('the tick ran', async () => (ticks.length > 0 ? ticks : undefined));
    expect(tick).toEqual({ enabledTenantIds: [a.id], data: { reason: 'test' } });
    expect(await platform.ownerQuery('core_audit_log').where({ action: 'probe.ticked', record_id: jobId }).pluck('tenant_id')).toEqual([
      a.id,
    ]);
  });

  it("schedules a module's cron job in Asia/Shanghai", async () => {
    const { rows } = await platform.db.owner.raw(`select name, cron, timezone from pgboss.schedule order by name`);
    expect(rows).toEqual([{ name: 'probe-listener.nightly', cron: '30 2 * * *', timezone: 'Asia/Shanghai' }]);
  });

  it('the runtime role can enqueue but cannot read job payloads; misuse is refused', async () => {
    const reading = withTenant(platform.db, a.id, (trx) => trx.raw('select data from pgboss.job limit 1'));
    await expect(reading).rejects.toThrow(/permission denied/);
    await expect(withTenant(platform.db, a.id, (trx) => platform.app.jobs.enqueue(trx, 'nobody.listens', {}))).rejects.toThrow(
      /no such queue/,
    );
    await expect(withTenant(platform.db, a.id, (trx) => platform.app.jobs.emitEvent(trx, b.id, EVENT, { n: 6 }))).rejects.toThrow(/tenant/);
  });
});
