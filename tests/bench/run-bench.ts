/**
 * `npm run bench`: throughput and latency of the API against the bare-SQL rate of the same
 * database work, on PostgreSQL, in a database holding 1,000 tenants. Bounded: each phase runs
 * a fixed number of seconds against 127.0.0.1 only. Results: printed, and test-results/bench.json.
 * Database: BENCH_DATABASE_URL, else DATABASE_URL, else the local server's `postgres` database;
 * the benchmark creates and reuses its own database `cp_bench` there (`--fresh` rebuilds it).
 */
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { loadConfig } from '../../core/config.ts';
import { deriveRuntimeUrl, openDatabase } from '../../core/db/database.ts';
import { migrateLatest } from '../../core/db/migrate.ts';
import { installedModules } from '../../modules/index.ts';
import { withAdmin } from '../helpers/admin-connection.ts';
import { BENCH, seedBenchData } from './bench-seed.ts';
import { runBareSql, type LoopResult } from './bare-sql.ts';

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 20;
const POOL = Number(process.env.BENCH_POOL || 10);
const NEW_PERSON = '基准新人';

const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = new URL(adminUrl);
benchUrl.pathname = '/cp_bench';

const config = { ...loadConfig(), databaseUrl: benchUrl.toString() };
await prepareDatabase();
const db = await openDatabase(config);
// Every run starts from the same data: drop what earlier runs' creates added.
await db.owner('core_audit_log').where({ action: 'org.person.create' }).delete();
await db.owner('core_person').where({ name: NEW_PERSON }).delete();
const big = await db.owner('core_tenant').where({ slug: BENCH.bigTenantSlug }).first('id');
const unit = await db.owner('core_unit').where({ tenant_id: big.id, depth: 2 }).first('id');
const admin = await db.owner('core_user').where({ tenant_id: big.id, username: 'admin' }).first('id');
await db.close();

const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', 'core/server.ts'], {
  env: { ...process.env, DATABASE_URL: config.databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DB_POOL_MAX: String(POOL) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base);
  const login = await fetch(`${base}/api/t/${BENCH.bigTenantSlug}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: BENCH.adminPassword }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const sessionToken = cookie.split('=')[1];
  const bare = { runtimeUrl: deriveRuntimeUrl(config.databaseUrl, config.runtimeRole, config.runtimePassword), runtimeRole: config.runtimeRole, tenantId: big.id, sessionToken, unitId: unit.id, userId: admin.id };

  const peopleUrl = `${base}/api/t/${BENCH.bigTenantSlug}/org/people`;
  const list = await load({ url: `${peopleUrl}?limit=20`, headers: { cookie } });
  const bareList = await runBareSql(bare, 'list', POOL, SECONDS);
  let phone = 0;
  const create = await load({
    url: peopleUrl,
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    // A fresh phone number per request: phones are unique in a tenant.
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: JSON.stringify({ name: NEW_PERSON, phone: `18${String(++phone).padStart(9, '0')}`, unitId: unit.id }) }) }],
  });
  const bareCreate = await runBareSql(bare, 'create', POOL, SECONDS);

  const results = {
    date: new Date().toISOString(),
    setup: { tenants: BENCH.tenants, people: BENCH.bigTenantPeople, connections: CONNECTIONS, pool: POOL, seconds: SECONDS },
    list: summary(list, bareList),
    create: summary(create, bareCreate),
  };
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/bench.json', JSON.stringify(results, null, 2));
  console.table({
    'list 20 people (GET)': row(results.list),
    'create person (POST, validated + audited)': row(results.create),
  });
  console.log(`targets: create ≥ 40% of bare SQL (${pct(results.create.ratio)}); list p99 < 25 ms (${results.list.p99} ms)`);
} finally {
  server.kill('SIGTERM');
}

function summary(result: autocannon.Result, bareRate: LoopResult) {
  const errors = result.non2xx + result.errors;
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors, bareSqlRps: Math.round(bareRate.rate), ratio: result.requests.average / bareRate.rate };
}

function row(r: ReturnType<typeof summary>) {
  return { 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, errors: r.errors, 'bare SQL req/s': r.bareSqlRps, 'API / bare': pct(r.ratio) };
}

function pct(ratio: number) {
  return `${Math.round(ratio * 100)}%`;
}

function load(options: Omit<autocannon.Options, 'connections' | 'duration'>): Promise<autocannon.Result> {
  return autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
}

async function prepareDatabase(): Promise<void> {
  const fresh = process.argv.includes('--fresh');
  const exists = await withAdmin(adminUrl, async (k) => (await k.raw(`select 1 from pg_database where datname = 'cp_bench'`)).rows.length > 0);
  if (exists && !fresh) {
    const check = await openDatabase(config);
    const tenants = await check.owner('core_tenant').count('* as count').catch(() => [{ count: 0 }]);
    await check.close();
    if (Number(tenants[0].count) >= BENCH.tenants) return;
  }
  console.log('Building the benchmark database (1,000 tenants, 10,000 people in one)...');
  await withAdmin(adminUrl, async (k) => {
    await k.raw('drop database if exists cp_bench with (force)');
    await k.raw('create database cp_bench');
  });
  const db = await openDatabase(config);
  await migrateLatest(db, { moduleIds: installedModules.map((m) => m.manifest.id), runtimePassword: config.runtimePassword });
  await seedBenchData(db.owner);
  await db.close();
}

async function waitForHealth(base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
