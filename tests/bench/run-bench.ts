/**
 * `npm run bench`: throughput and latency of the API against the bare-SQL rate of the same
 * database work, on PostgreSQL, in a database holding 1,000 tenants. Bounded: each phase runs a
 * fixed number of seconds against 127.0.0.1 only. Results: printed, and test-results/bench.json.
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
import { BENCH_NEW_PERSON, createPersonWork, listPeopleWork, runBareSql, type LoopResult } from './bare-sql.ts';
import { BENCH_FORMS, householdAnswers, seedBenchForms, statisticsWork, submitWork } from './bench-forms.ts';
import { BENCH_SMS, measureSmsDelivery, measureSmsDeliveryAlone, type SmsDeliveryResult } from './bench-sms.ts';
import { BENCH_DISPATCH, dispatchBody, measureLightRecompute, resetBenchDispatch, seedBenchDispatch } from './bench-dispatch.ts';
import { BENCH_GRID, resetBenchGrid, seedBenchGrid } from './bench-grid-seed.ts';
import { explainLists, measureRouting, type RoutingResult } from './bench-grid.ts';
import { gridPhases, printGrid } from './bench-grid-phases.ts';
import { measureVisitReminders, overdueListPhase, seedBenchVisits } from './bench-visits.ts';
import { approvalPhases, BENCH_APPROVALS, printApprovals, resetBenchApprovals, seedBenchApprovals } from './bench-approvals.ts';

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 20;
// Statistics are heavy reads of one analyst: measured as one user clicking, not as a crowd.
const STATISTICS_CONNECTIONS = 1;
const WARM_UP_SECONDS = 3;
const POOL = Number(process.env.BENCH_POOL || 10);
// A supervisor dispatching is one person clicking now and then: a few at once, not a crowd.
const DISPATCH_CONNECTIONS = 4;
// `--only-dispatch`: the dispatch phases alone (the others take a minute of the two shared cores).
const ONLY_DISPATCH = process.argv.includes('--only-dispatch');
// `--only-sms`: the SMS delivery phase alone.
const ONLY_SMS = process.argv.includes('--only-sms');
// `--only-grid`: the grid-events phases alone (routing, the queue at 100,000 events, public reports).
const ONLY_GRID = process.argv.includes('--only-grid');
// `--only-approvals`: the approvals phases alone ("waiting for me" at 100,000 requests, decisions).
const ONLY_APPROVALS = process.argv.includes('--only-approvals');

const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = new URL(adminUrl);
benchUrl.pathname = '/cp_bench';
const config = { ...loadConfig(), databaseUrl: benchUrl.toString() };

if (ONLY_SMS) {
  const alone = await measureSmsDeliveryAlone(config, adminUrl);
  printSms(alone);
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/bench-sms.json', JSON.stringify({ date: new Date().toISOString(), sms: alone }, null, 2));
  process.exit(0);
}
await prepareDatabase();
const ids = await benchIds();
// In-process, before the server starts: SMS delivery is job work, not an HTTP request.
const sms = ONLY_GRID || ONLY_APPROVALS ? null : await measureSmsDelivery(config, ids.tenantId);
if (sms) printSms(sms);
// In-process, before the server starts: the schedule's work is not an HTTP request.
const lights = ONLY_GRID || ONLY_APPROVALS ? null : await measureLightRecompute(config, ids.tenantId);
// In-process too: routing is a step inside recording an event, measured alone.
const routing: RoutingResult = await measureRouting(config, ids.tenantId);
// In-process too: the hourly visit reminders are job work.
const visitReminders = ONLY_DISPATCH || ONLY_APPROVALS ? null : await measureVisitReminders(config, ids.tenantId);
const plans = await explainLists(config, ids.tenantId);

const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', 'core/server.ts'], {
  env: {
    ...process.env,
    DATABASE_URL: config.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DB_POOL_MAX: String(POOL),
    // Only the benchmark's server believes X-Forwarded-For, and only from 127.0.0.1: the public
    // report phase sends each report from its own address, as citizens do, so the per-address
    // limit (20 reports an hour) holds as in production and the phase can run past it.
    TRUST_PROXY: '127.0.0.1',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base);
  const login = await fetch(`${base}/api/t/${BENCH.bigTenantSlug}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: BENCH.adminPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const json = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const bare = {
    runtimeUrl: deriveRuntimeUrl(config.databaseUrl, config.runtimeRole, config.runtimePassword),
    tenantId: ids.tenantId,
    unitId: ids.unitId,
    userId: ids.adminId,
    formId: ids.formId,
  };
  const api = `${base}/api/t/${BENCH.bigTenantSlug}`;

  const handlerLogin = await fetch(`${base}/api/t/${BENCH.bigTenantSlug}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: BENCH_DISPATCH.handler, password: BENCH.adminPassword }),
  });
  const handlerCookie = (handlerLogin.headers.get('set-cookie') ?? '').split(';')[0];
  const dispatchTask = await withOwner((owner) => dispatchBody(owner, ids.tenantId));

  // Warm-up, not measured: a just-started server is still compiling its hot paths (JIT) and filling pools.
  await load({ url: `${api}/org/people?limit=20`, headers: { cookie }, duration: WARM_UP_SECONDS });

  if (ONLY_APPROVALS) {
    const approvals = await withOwner((owner) => approvalPhases({ base, owner, tenantId: ids.tenantId, load }));
    printApprovals(approvals);
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync('test-results/bench-approvals.json', JSON.stringify({ date: new Date().toISOString(), approvals }, null, 2));
  } else if (ONLY_GRID) {
    const grid = await gridPhases({ base, config, tenantId: ids.tenantId, routing, plans, load, seconds: SECONDS, pool: POOL });
    const overdue = await overdueListPhase(base, load);
    printGrid(grid);
    printVisits(overdue, visitReminders!);
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync(
      'test-results/bench-grid.json',
      JSON.stringify({ date: new Date().toISOString(), grid, overdue, visitReminders }, null, 2),
    );
  } else await allPhases();

  // The dispatch phases, then (unless --only-dispatch) the others and grid events' last, with the sessions and ids above.
  async function allPhases() {
    let phone = 0;
    let household = 1_000_000;
    const dispatch = {
      lights: lights!,
      // Pending first: every dispatch below adds a new assignment to the measured village.
      // One user opening the page (the target), and the same under the 20-connection load of the other reads.
      pendingOne: latency(await load({ url: `${api}/dispatch/my-pending?limit=50`, headers: { cookie: handlerCookie }, connections: 1 })),
      pending: latency(await load({ url: `${api}/dispatch/my-pending?limit=50`, headers: { cookie: handlerCookie } })),
      dispatch50: latency(
        await load({
          url: `${api}/dispatch/tasks`,
          headers: json,
          connections: DISPATCH_CONNECTIONS,
          requests: [{ method: 'POST', body: dispatchTask }],
        }),
      ),
    };
    if (ONLY_DISPATCH) report(dispatch);
    else {
      const results = {
        date: new Date().toISOString(),
        setup: {
          tenants: BENCH.tenants,
          people: BENCH.bigTenantPeople,
          submissions: BENCH_FORMS.submissions,
          connections: CONNECTIONS,
          pool: POOL,
          seconds: SECONDS,
        },
        list: summary(
          await load({ url: `${api}/org/people?limit=20`, headers: { cookie } }),
          await runBareSql(bare, listPeopleWork, POOL, SECONDS),
        ),
        create: summary(
          await load({
            url: `${api}/org/people`,
            headers: json,
            // A fresh phone number per request: phones are unique in a tenant.
            requests: [
              {
                method: 'POST',
                setupRequest: (r) => ({
                  ...r,
                  body: JSON.stringify({ name: BENCH_NEW_PERSON, phone: `18${String(++phone).padStart(9, '0')}`, unitId: ids.unitId }),
                }),
              },
            ],
          }),
          await runBareSql(bare, createPersonWork, POOL, SECONDS),
        ),
        submit: summary(
          await load({
            url: `${api}/forms/forms/${ids.formId}/submissions`,
            headers: json,
            requests: [
              {
                method: 'POST',
                setupRequest: (r) => ({ ...r, body: JSON.stringify({ version: 1, data: householdAnswers(++household) }) }),
              },
            ],
          }),
          await runBareSql(bare, (client) => submitWork(client, bare), POOL, SECONDS),
        ),
        statistics: summary(
          await load({
            url: `${api}/forms/forms/${ids.formId}/statistics?fields=cause`,
            headers: { cookie },
            connections: STATISTICS_CONNECTIONS,
          }),
          await runBareSql(bare, (client) => statisticsWork(client, bare), STATISTICS_CONNECTIONS, SECONDS),
        ),
      };
      const grid = await gridPhases({ base, config, tenantId: ids.tenantId, routing, plans, load, seconds: SECONDS, pool: POOL });
      const overdue = await overdueListPhase(base, load);
      const approvals = await withOwner((owner) => approvalPhases({ base, owner, tenantId: ids.tenantId, load }));
      fs.mkdirSync('test-results', { recursive: true });
      fs.writeFileSync(
        'test-results/bench.json',
        JSON.stringify({ ...results, dispatch, sms, grid, overdue, visitReminders, approvals }, null, 2),
      );
      console.table({
        'list 20 people (GET, 20 conn.)': row(results.list),
        'create person (POST, validated + audited)': row(results.create),
        'submit household form (POST, validated + audited)': row(results.submit),
        [`statistics, 100k submissions (GET, ${STATISTICS_CONNECTIONS} conn.)`]: row(results.statistics),
      });
      console.log(
        `targets: list p99 < 25 ms (${results.list.p99} ms); create ≥ 40% of bare SQL (${pct(results.create.ratio)}); ` +
          `submit ≥ 40% of bare SQL (${pct(results.submit.ratio)}); statistics p99 < 200 ms (${results.statistics.p99} ms)`,
      );
      report(dispatch);
      printGrid(grid);
      printVisits(overdue, visitReminders!);
      printApprovals(approvals);
    }
  }
} finally {
  server.kill('SIGTERM');
}

function summary(result: autocannon.Result, bareRate: LoopResult) {
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    bareSqlRps: Math.round(bareRate.rate),
    bareSqlP99: bareRate.p99,
    ratio: result.requests.average / bareRate.rate,
  };
}

function latency(result: autocannon.Result) {
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

type Latency = ReturnType<typeof latency>;

function report(dispatch: {
  lights: Awaited<ReturnType<typeof measureLightRecompute>>;
  dispatch50: Latency;
  pendingOne: Latency;
  pending: Latency;
}) {
  if (ONLY_DISPATCH) {
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync('test-results/bench-dispatch.json', JSON.stringify({ date: new Date().toISOString(), dispatch }, null, 2));
  }
  const { lights: l } = dispatch;
  const cells = (r: Latency) => ({ 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, errors: r.errors });
  const assignments = BENCH_DISPATCH.tasks * BENCH_DISPATCH.unitsPerTask;
  console.table({
    [`dispatch a task to 50 units (POST, ${DISPATCH_CONNECTIONS} conn.)`]: cells(dispatch.dispatch50),
    [`my pending of a village, ${assignments} assignments (GET, 1 conn.)`]: cells(dispatch.pendingOne),
    [`my pending of a village, ${assignments} assignments (GET, ${CONNECTIONS} conn.)`]: cells(dispatch.pending),
  });
  console.log(
    `lights: ${l.assignments} assignments recomputed in ${l.changedSeconds.toFixed(1)} s with ${l.changed} changes (${Math.round(l.changedRate)}/s), ` +
      `${l.steadySeconds.toFixed(1)} s with none (${Math.round(l.steadyRate)}/s)`,
  );
  console.log(
    `targets: dispatch to 50 units p99 < 100 ms (${dispatch.dispatch50.p99} ms); my pending p99 < 25 ms (${dispatch.pendingOne.p99} ms one user, ${dispatch.pending.p99} ms at ${CONNECTIONS} conn.)`,
  );
}

function printVisits(
  overdue: { rps: number; p50: number; p99: number; errors: number },
  reminders: Awaited<ReturnType<typeof measureVisitReminders>>,
) {
  console.table({
    "grid worker's overdue visits, 49,296 households (GET, 1 conn.)": {
      'req/s': overdue.rps,
      'p50 ms': overdue.p50,
      'p99 ms': overdue.p99,
      errors: overdue.errors,
    },
  });
  console.log(
    `visit reminders: ${reminders.reminded} households newly due reminded in ${reminders.seconds.toFixed(1)} s (${Math.round(reminders.rate)}/s); the next run, nothing new, ${reminders.steadySeconds.toFixed(2)} s`,
  );
  console.log(
    `targets: overdue visits p99 < 25 ms (${overdue.p99} ms); a run with 2,000 newly due < 60 s (${reminders.seconds.toFixed(1)} s)`,
  );
}

function printSms(result: SmsDeliveryResult) {
  console.log(
    `sms: ${result.messages} queued messages delivered by the log provider in ${result.seconds.toFixed(1)} s (${Math.round(result.rate)}/s); target < ${BENCH_SMS.targetSeconds} s`,
  );
}

function row(r: ReturnType<typeof summary>) {
  return { 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, errors: r.errors, 'bare SQL req/s': r.bareSqlRps, 'API / bare': pct(r.ratio) };
}

function pct(ratio: number) {
  return `${Math.round(ratio * 100)}%`;
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
}

/** Builds cp_bench when missing (or with --fresh); every run then starts from the same data. */
async function prepareDatabase(): Promise<void> {
  const fresh = process.argv.includes('--fresh');
  const exists = await withAdmin(
    adminUrl,
    async (k) => (await k.raw(`select 1 from pg_database where datname = 'cp_bench'`)).rows.length > 0,
  );
  if (!exists || fresh) {
    console.log('Building the benchmark database (1,000 tenants, 10,000 people and 100,000 form submissions in one)...');
    await withAdmin(adminUrl, async (k) => {
      await k.raw('drop database if exists cp_bench with (force)');
      await k.raw('create database cp_bench');
    });
  }
  const db = await openDatabase(config);
  try {
    await migrateLatest(db, { modules: installedModules, runtimePassword: config.runtimePassword });
    if (!(await db.owner('core_tenant').first('id'))) await seedBenchData(db.owner);
    const big = await db.owner('core_tenant').where({ slug: BENCH.bigTenantSlug }).first('id');
    const admin = await db.owner('core_user').where({ tenant_id: big.id, username: 'admin' }).first('id');
    if (!(await db.owner('forms_form').where({ tenant_id: big.id, name: BENCH_FORMS.formName }).first('id')))
      await seedBenchForms(db.owner, big.id, admin.id);
    if (!(await db.owner('dispatch_task').where({ tenant_id: big.id }).first('id'))) {
      console.log(`Seeding dispatch: ${BENCH_DISPATCH.tasks} tasks to ${BENCH_DISPATCH.unitsPerTask} units each...`);
      await seedBenchDispatch(db.owner, big.id, admin.id, BENCH.adminPassword);
    }
    await resetBenchDispatch(db.owner, big.id);
    if (!(await db.owner('grid_area').where({ tenant_id: big.id }).first('id'))) {
      console.log(`Seeding grid events: ${BENCH_GRID.grids} grid polygons, ${BENCH_GRID.events} events...`);
      await seedBenchGrid(db.owner, big.id, BENCH.adminPassword);
    }
    await resetBenchGrid(db.owner, big.id);
    if (!(await db.owner('grid_building').where({ tenant_id: big.id }).first('id'))) {
      console.log('Seeding floor models: 2,054 buildings, 49,296 households...');
      await seedBenchVisits(db.owner, big.id);
    }
    if (!(await db.owner('approval_type').where({ tenant_id: big.id, name: BENCH_APPROVALS.typeName }).first('id'))) {
      console.log(`Seeding approvals: ${BENCH_APPROVALS.requests} requests...`);
      const form = await db.owner('forms_form').where({ tenant_id: big.id, name: BENCH_FORMS.formName }).first('id');
      await seedBenchApprovals(db.owner, big.id, form.id, BENCH.adminPassword);
    }
    await resetBenchApprovals(db.owner, big.id);
    // Drop what earlier runs' creates added.
    await db.owner('core_audit_log').whereIn('action', ['org.person.create', 'forms.submission.submit']).delete();
    await db.owner('core_person').where({ name: BENCH_NEW_PERSON }).delete();
    await db.owner('forms_submission').where({ tenant_id: big.id }).whereNull('unit_id').delete();
  } finally {
    await db.close();
  }
}

async function withOwner<T>(work: (owner: import('knex').Knex) => Promise<T>): Promise<T> {
  const db = await openDatabase(config);
  try {
    return await work(db.owner);
  } finally {
    await db.close();
  }
}

async function benchIds() {
  const db = await openDatabase(config);
  try {
    const big = await db.owner('core_tenant').where({ slug: BENCH.bigTenantSlug }).first('id');
    const unit = await db.owner('core_unit').where({ tenant_id: big.id, depth: 2 }).first('id');
    const admin = await db.owner('core_user').where({ tenant_id: big.id, username: 'admin' }).first('id');
    const form = await db.owner('forms_form').where({ tenant_id: big.id, name: BENCH_FORMS.formName }).first('id');
    return { tenantId: big.id as string, unitId: unit.id as string, adminId: admin.id as string, formId: form.id as string };
  } finally {
    await db.close();
  }
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
