import type autocannon from 'autocannon';
import type { PlatformConfig } from '../../core/config.ts';
import { deriveRuntimeUrl, openDatabase } from '../../core/db/database.ts';
import { runBareSql } from './bare-sql.ts';
import { BENCH } from './bench-seed.ts';
import { BENCH_GRID } from './bench-grid-seed.ts';
import {
  citizenAddress,
  prepareBareReports,
  preparePublicReports,
  publicReportWork,
  type PublicBareContext,
  type RoutingResult,
} from './bench-grid.ts';

const CONNECTIONS = 20;
/** Reports solved beforehand per second of the phase: more than the API can take, so it never runs dry. */
const REPORTS_PER_SECOND = Number(process.env.BENCH_GRID_REPORTS_PER_SECOND || 60);
/** The same for the bare loop (no proof of work to solve, only rows): ample. */
const BARE_REPORTS_PER_SECOND = 1_000;

interface GridPhaseOptions {
  base: string;
  config: PlatformConfig;
  tenantId: string;
  routing: RoutingResult;
  plans: { queue: string; managerList: string };
  load: (options: autocannon.Options) => Promise<autocannon.Result>;
  seconds: number;
  pool: number;
}

function latency(result: autocannon.Result) {
  return {
    rps: Math.round(result.requests.total / Math.max(result.duration, 0.001)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

async function signIn(base: string, login: string): Promise<string> {
  const response = await fetch(`${base}/api/t/${BENCH.bigTenantSlug}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: BENCH.adminPassword }),
  });
  if (!response.ok) throw new Error(`sign-in as ${login}: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/**
 * The grid-events phases against the running server: the worker's queue and the manager's list at
 * 100,000 events, then citizens' reports (human checks solved and photos uploaded beforehand,
 * each report from its own address) against the bare-SQL rate of the same rows.
 */
export async function gridPhases(o: GridPhaseOptions) {
  const api = `${o.base}/api/t/${BENCH.bigTenantSlug}/grid-events`;
  const worker = await signIn(o.base, BENCH_GRID.worker);
  const manager = await signIn(o.base, BENCH_GRID.manager);
  const queueOne = latency(await o.load({ url: `${api}/events/queue`, headers: { cookie: worker }, connections: 1 }));
  const queue = latency(await o.load({ url: `${api}/events/queue`, headers: { cookie: worker } }));
  const managerList = latency(await o.load({ url: `${api}/events?status=reported&status=accepted`, headers: { cookie: manager } }));

  const db = await openDatabase(o.config);
  try {
    const count = Math.ceil(o.seconds * REPORTS_PER_SECOND);
    const fixture = await preparePublicReports(o.base, BENCH.bigTenantSlug, db.owner, o.tenantId, count);
    let next = 0;
    const result = await o.load({
      url: `${api}/public/events`,
      amount: fixture.bodies.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (r) => {
            const i = next++ % fixture.bodies.length;
            // Each report from its citizen's own address (TRUST_PROXY=127.0.0.1 on the bench server).
            return { ...r, headers: { 'content-type': 'application/json', 'x-forwarded-for': citizenAddress(i) }, body: fixture.bodies[i] };
          },
        },
      ],
    });
    const api1 = latency(result);
    const unit: { id: string } = await db.owner('core_unit').where({ tenant_id: o.tenantId, depth: 2 }).first('id');
    const admin: { id: string } = await db.owner('core_user').where({ tenant_id: o.tenantId, username: 'admin' }).first('id');
    const prepared = await prepareBareReports(db.owner, o.tenantId, Math.ceil(o.seconds * BARE_REPORTS_PER_SECOND));
    const context: PublicBareContext = {
      runtimeUrl: deriveRuntimeUrl(o.config.databaseUrl!, o.config.runtimeRole, o.config.runtimePassword),
      tenantId: o.tenantId,
      unitId: unit.id,
      userId: admin.id,
      categoryId: fixture.categoryId,
      ...prepared,
    };
    const bare = await runBareSql(context, (client) => publicReportWork(client, context), o.pool, o.seconds);
    return {
      routing: o.routing,
      plans: o.plans,
      queueOne,
      queue,
      managerList,
      publicReports: {
        ...api1,
        prepared: fixture.bodies.length,
        solveSeconds: fixture.solveSeconds,
        bareSqlRps: Math.round(bare.rate),
        bareSqlP99: bare.p99,
        ratio: api1.rps / bare.rate,
      },
    };
  } finally {
    await db.close();
  }
}

export function printGrid(grid: Awaited<ReturnType<typeof gridPhases>>): void {
  const { routing: r, publicReports: p } = grid;
  const cells = (x: { rps: number; p50: number; p99: number; errors: number }) => ({
    'req/s': x.rps,
    'p50 ms': x.p50,
    'p99 ms': x.p99,
    errors: x.errors,
  });
  console.table({
    [`grid worker's queue, ${BENCH_GRID.events} events (GET, 1 conn.)`]: cells(grid.queueOne),
    [`grid worker's queue (GET, ${CONNECTIONS} conn.)`]: cells(grid.queue),
    [`county manager's list ?status=reported,accepted (GET, ${CONNECTIONS} conn.)`]: cells(grid.managerList),
    [`public report with 1–2 photos (POST, ${CONNECTIONS} conn.)`]: {
      ...cells(p),
      'bare SQL req/s': p.bareSqlRps,
      'API / bare': `${Math.round(p.ratio * 100)}%`,
    },
  });
  console.log(
    `routing: ${r.events} points against ${BENCH_GRID.grids} grids, ${r.routed} in a grid; mean ${r.meanMs.toFixed(2)} ms, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms per event`,
  );
  console.log(`routing plan:\n${r.plan}`);
  console.log(`queue plan:\n${grid.plans.queue}`);
  console.log(`manager list plan:\n${grid.plans.managerList}`);
  console.log(`public reports: ${p.prepared} human checks solved beforehand in ${p.solveSeconds.toFixed(1)} s`);
  console.log(
    `targets: routing < 2 ms per event (${r.meanMs.toFixed(2)} ms mean, ${r.p99Ms.toFixed(2)} ms p99); queue p99 < 25 ms (${grid.queueOne.p99} ms one user, ${grid.queue.p99} ms at ${CONNECTIONS} conn.); ` +
      `public reports ≥ 40% of bare SQL (${Math.round(p.ratio * 100)}%)`,
  );
}
