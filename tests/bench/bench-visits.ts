import type autocannon from 'autocannon';
import type { Knex } from 'knex';
import { buildApp } from '../../core/app.ts';
import type { PlatformConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { moduleJobContext } from '../../core/jobs/module-jobs.ts';
import { remindTenantVisits } from '../../modules/grid-events/server/visit-reminder.jobs.ts';
import { installedModules } from '../../modules/index.ts';
import { BENCH } from './bench-seed.ts';
import { BENCH_GRID } from './bench-grid-seed.ts';

/**
 * Donggang's floor models at the scale: 2,054 buildings (four in each grid) of two units ×
 * six floors × two households, 49,296 households; a fifth tagged 独居老人 (a visit every 7 days),
 * a seventh 出租 (30 days), visited at some time in the last two months — so some 6,000 are overdue,
 * most of them already reminded, 2,000 newly due.
 */
export const BENCH_VISITS = { buildingsPerGrid: 4, units: 2, floors: 6, perFloor: 2, newlyDue: 2_000 };

export async function seedBenchVisits(knex: Knex, tenantId: string): Promise<void> {
  await knex.transaction(async (owner) => {
    await owner.raw(
      `insert into grid_building (tenant_id, id, name, address, lon, lat, grid_unit_id, unit_count, floor_count, households_per_floor, qr_token)
       select a.tenant_id, gen_random_uuid(), '基准楼' || a.n || '-' || b, '基准路' || a.n || '号', (a.min_lon + a.max_lon) / 2, (a.min_lat + a.max_lat) / 2,
              a.unit_id, :units, :floors, :perFloor, md5(random()::text || a.n || b)
       from (select tenant_id, unit_id, min_lon, max_lon, min_lat, max_lat, row_number() over (order by unit_id) as n from grid_area where tenant_id = :tenant) a
       cross join generate_series(1, :perGrid) b`,
      {
        tenant: tenantId,
        units: BENCH_VISITS.units,
        floors: BENCH_VISITS.floors,
        perFloor: BENCH_VISITS.perFloor,
        perGrid: BENCH_VISITS.buildingsPerGrid,
      },
    );
    await owner.raw(
      `with h as (
         select b.tenant_id, b.id as building_id, u, f, r, row_number() over (order by b.id, u, f, r) as n
         from grid_building b cross join generate_series(1, b.unit_count) u cross join generate_series(1, b.floor_count) f
              cross join generate_series(1, b.households_per_floor) r
         where b.tenant_id = :tenant),
       t as (select *, case when n % 5 = 0 then 7 when n % 7 = 0 then 30 end as cadence,
                      now() - ((n % 60) || ' days')::interval - ((n % 1440) || ' minutes')::interval as visited from h)
       insert into grid_household (tenant_id, id, building_id, unit_no, floor, room, tags, last_visited_at, cadence_days, visit_due_at, reminded_due_at)
       select tenant_id, gen_random_uuid(), building_id, u, f, f || lpad(r::text, 2, '0'),
              case cadence when 7 then '["独居老人"]' when 30 then '["出租"]' else '[]' end::jsonb,
              visited, cadence, case when cadence is not null then visited + (cadence || ' days')::interval end,
              case when cadence is not null then visited + (cadence || ' days')::interval end
       from t`,
      { tenant: tenantId },
    );
  });
  await knex.raw('vacuum analyze grid_building, grid_household');
}

/** Makes `newlyDue` overdue households not yet reminded, as an hour of a real county brings: what the reminder run sends. */
export async function resetBenchVisits(owner: Knex, tenantId: string): Promise<void> {
  await owner('core_reminder').where({ tenant_id: tenantId, module: 'grid-events', kind: 'visit_overdue' }).delete();
  await owner('core_notification').where({ tenant_id: tenantId, kind: 'grid-events.visit.overdue' }).delete();
  await owner.raw(
    `update grid_household set reminded_due_at = visit_due_at where tenant_id = ? and visit_due_at is not null and reminded_due_at is distinct from visit_due_at`,
    [tenantId],
  );
  await owner.raw(
    `update grid_household set reminded_due_at = null
     where tenant_id = ? and id in (select id from grid_household where tenant_id = ? and visit_due_at <= now() order by visit_due_at desc, id limit ?)`,
    [tenantId, tenantId, BENCH_VISITS.newlyDue],
  );
  await owner.raw('vacuum analyze grid_household');
}

/** The hourly reminder run over the county, in-process as the job runs it: households reminded per second. */
export async function measureVisitReminders(config: PlatformConfig, tenantId: string) {
  const db = await openDatabase(config);
  const app = await buildApp({ config, db, modules: installedModules });
  try {
    await app.ready();
    await resetBenchVisits(db.owner, tenantId);
    const deps = {
      db,
      modules: app.platform.modules,
      enablement: app.platform.enablement,
      retryDelaySeconds: 1,
      files: app.platform.files,
    };
    const context = moduleJobContext(app.jobs, deps, 'grid-events', 'bench', app.notifier);
    const started = performance.now();
    const reminded = await remindTenantVisits(context, tenantId, new Date());
    const seconds = (performance.now() - started) / 1000;
    const steadyStarted = performance.now();
    await remindTenantVisits(context, tenantId, new Date());
    return { reminded, seconds, rate: reminded / seconds, steadySeconds: (performance.now() - steadyStarted) / 1000 };
  } finally {
    await app.close();
    await db.close();
  }
}

/** The grid worker's overdue visits (their grid's households) at the county's scale. */
export async function overdueListPhase(base: string, load: (options: autocannon.Options) => Promise<autocannon.Result>) {
  const login = await fetch(`${base}/api/t/${BENCH.bigTenantSlug}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: BENCH_GRID.worker, password: BENCH.adminPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const result = await load({
    url: `${base}/api/t/${BENCH.bigTenantSlug}/grid-events/visits/overdue?limit=50`,
    headers: { cookie },
    connections: 1,
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}
