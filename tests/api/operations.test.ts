import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../core/app.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { installedModules } from '../../modules/index.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { waitFor } from '../helpers/fake-sms-gateway.ts';
import { withAdmin } from '../helpers/admin-connection.ts';
import type { PlatformConfig } from '../../core/config.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The sample value of one series in Prometheus text, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operations: health, readiness and metrics', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  const scrape = async () => {
    const response = await platform.client().get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    platform = await TestPlatform.start({
      configure: (config) => ({ ...config, metricsToken: TOKEN, jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 } }),
    });
    tenant = await platform.createTenant('ops-county');
  });
  afterAll(() => platform?.stop());

  it('/healthz says the process is up; /api/health keeps answering; neither is the web app', async () => {
    const health = await platform.client().get('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-type']).toMatch(/application\/json/);
    expect(health.json()).toEqual({ status: 'ok' });
    expect((await platform.client().get('/api/health')).json()).toEqual({ ok: true });
  });

  it('/readyz is 503 naming each failing part: a migration missing, job runner stopped; 200 once both are fixed', async () => {
    const [last] = await platform.ownerQuery('core_migrations').orderBy('id', 'desc').limit(1);
    await platform.ownerQuery('core_migrations').where({ id: last.id }).delete();
    try {
      const notReady = await platform.client().get('/readyz');
      expect(notReady.statusCode).toBe(503);
      expect(notReady.json().failing).toEqual(['migrations', 'jobs']);
      expect(notReady.json().checks).toMatchObject({
        database: 'ok',
        migrations: `1 pending (first: ${last.name})`,
        jobs: 'job runner not running',
        shutdown: 'ok',
      });
    } finally {
      await platform.ownerQuery('core_migrations').insert(last);
    }
    await platform.app.jobs.start();
    const ready = await platform.client().get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      failing: [],
      checks: { database: 'ok', migrations: 'ok', jobs: 'ok', shutdown: 'ok' },
    });
  });

  it('/metrics needs the bearer token: 401 without it or with a wrong one', async () => {
    const none = await platform.client().get('/metrics');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await platform.client().get('/metrics', { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await platform.client().get('/metrics', { authorization: `Basic ${TOKEN}` })).statusCode).toBe(401);
  });

  it('/metrics is absent (404) when no METRICS_TOKEN is configured', async () => {
    const app = await buildApp({ config: { ...platform.config, metricsToken: undefined }, db: platform.db, modules: installedModules });
    try {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer ' } });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await app.close();
    }
  });

  it('counts requests by route pattern and status (never a tenant), and reports pool, event loop and memory', async () => {
    expect((await tenant.admin.get(`${tenant.base}/auth/me`)).statusCode).toBe(200);
    expect((await tenant.admin.get(`${tenant.base}/org/units/not-a-uuid`)).statusCode).toBe(400);
    const text = await scrape();
    expect(
      sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/t/:tenant/auth/me",status_code="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/t/:tenant/org/units/:id",status_code="400"}')).toBe(
      1,
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/t\/:tenant\/auth\/me",status_code="200"\} \d+$/m,
    );
    expect(text).not.toContain(tenant.slug);
    expect(text).not.toContain(tenant.id);
    const pool = platform.db.kind === 'pglite' ? 'embedded' : 'runtime';
    expect(sample(text, `db_pool_connections{pool="${pool}",state="max"}`)).toBeGreaterThanOrEqual(1);
    expect(sample(text, `db_pool_connections{pool="${pool}",state="used"}`)).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('reports job queue depth and age per queue and the SMS outbox backlog, which empties as messages go out', async () => {
    await platform.app.jobs.stop();
    const [admin] = await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, username: 'admin' });
    await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, id: admin.id }).update({ phone: '13912345678' });
    await withTenant(platform.db, tenant.id, (trx) =>
      platform.app.notifier.notify(trx, tenant.id, { userIds: [admin.id], kind: 'test.notice', title: '积压', sms: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const queued = await scrape();
    expect(sample(queued, 'sms_outbox_backlog')).toBe(1);
    expect(sample(queued, 'sms_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(1);
    expect(sample(queued, 'job_queue_depth{queue="core.sms-deliver",state="waiting"}')).toBe(1);
    expect(sample(queued, 'job_queue_oldest_waiting_seconds{queue="core.sms-deliver"}')).toBeGreaterThanOrEqual(1);
    expect(sample(queued, 'job_queue_depth{queue="core.module-event",state="waiting"}')).toBe(0);

    await platform.app.jobs.start();
    await waitFor('the SMS backlog emptied', async () => sample(await scrape(), 'sms_outbox_backlog') === 0);
    const after = await scrape();
    expect(sample(after, 'job_queue_depth{queue="core.sms-deliver",state="waiting"}')).toBe(0);
    expect(sample(after, 'job_queue_oldest_waiting_seconds{queue="core.sms-deliver"}')).toBe(0);
  });
});

describe('operations: overload answers 503 with Retry-After instead of waiting', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(() => platform?.stop());

  const appWith = (overload: Partial<PlatformConfig['overload']>) =>
    buildApp({
      config: {
        ...platform.config,
        overload: { ...platform.config.overload, maxEventLoopDelayMs: 0, sampleIntervalMs: 10, retryAfterSeconds: 7, ...overload },
      },
      db: platform.db,
      modules: installedModules,
    });

  it('a heap over its ceiling: API requests get 503 OVERLOADED with Retry-After, probes still answer', async () => {
    const app = await appWith({ maxHeapUsedBytes: 1 });
    try {
      await app.ready();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const refused = await app.inject({ method: 'GET', url: '/api/health' });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('7');
      expect(refused.json().error).toMatchObject({ code: 'OVERLOADED', details: [{ path: 'server', message: 'heapUsedBytes' }] });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('a lagging event loop: the next request gets 503; once the loop recovers, requests are served again', async () => {
    const app = await appWith({ maxEventLoopDelayMs: 30, maxHeapUsedBytes: 0, sampleIntervalMs: 100 });
    try {
      await app.ready();
      // Building the app kept the loop busy too: start from a calm loop.
      await waitFor('a calm event loop', async () => (await app.inject({ method: 'GET', url: '/api/health' })).statusCode === 200);
      const until = Date.now() + 400;
      while (Date.now() < until) {
        // Busy: the event loop is blocked, as by a runaway computation.
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
      const refused = await app.inject({ method: 'GET', url: '/api/health' });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('7');
      expect(refused.json().error.details[0].message).toBe('eventLoopDelay');
      await waitFor('requests served again', async () => (await app.inject({ method: 'GET', url: '/api/health' })).statusCode === 200);
    } finally {
      await app.close();
    }
  });
});

describe('operations: readiness when the database is down', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start({ startJobs: false });
  });
  afterAll(() => platform?.stop().catch(() => undefined));

  it('/readyz is 503 naming the database; /healthz still says the process is up', async () => {
    await platform.app.jobs.start();
    expect((await platform.client().get('/readyz')).statusCode).toBe(200);
    await platform.app.jobs.stop();
    await takeDatabaseDown(platform);
    const response = await platform.client().get('/readyz');
    expect(response.statusCode).toBe(503);
    expect(response.json().failing).toContain('database');
    expect(response.json().checks.database).toMatch(/^(unreachable|no answer within 2 s)$/);
    expect(response.json().checks.migrations).toBe('not checked: database not reachable');
    expect((await platform.client().get('/healthz')).statusCode).toBe(200);
  });
});

/**
 * PostgreSQL: the database refuses connections and its sessions are ended, as when the server
 * goes away. Embedded: the database is closed under the app.
 */
async function takeDatabaseDown(platform: TestPlatform): Promise<void> {
  if (platform.db.kind === 'pglite') {
    const pglite = (platform.db.runtime.client.config.connection as () => { pglite: { close(): Promise<void> } })().pglite;
    await pglite.close();
    return;
  }
  const name = new URL(platform.config.databaseUrl as string).pathname.slice(1);
  await withAdmin(process.env.DATABASE_URL as string, async (admin) => {
    await admin.raw('alter database ?? allow_connections false', [name]);
    await admin.raw('select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()', [name]);
  });
}
