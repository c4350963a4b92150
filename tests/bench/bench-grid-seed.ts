import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../core/auth/password.ts';

/**
 * Grid events in the benchmark tenant: 515 grids (the county) tiling a county of about
 * 50 × 50 km with polygons of 20–80 vertices, a few with holes; 100,000 events over the past year,
 * most closed, about 6 % open (some 300 per town); a grid worker and a county manager to sign in as.
 */
export const BENCH_GRID = {
  grids: 515,
  // 23 × 23 cells: the first 515 are grids, the last 14 lie outside every grid (routed by category).
  columns: 23,
  origin: { lon: 117.5, lat: 24.3 },
  cellDegrees: 0.02,
  events: 100_000,
  worker: 'bench-grid-worker',
  manager: 'bench-grid-manager',
  categoryCode: 'BENCH-ROAD',
  // Every run first deletes the reports earlier runs made (their phones start with this).
  publicPhonePrefix: '166',
};

type Point = [number, number];

/** A deterministic pseudo-random number in [0, 1) for a key: the same edge gets the same wobble in both grids. */
function noise(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

function corner(i: number, j: number): Point {
  const { origin, cellDegrees: d } = BENCH_GRID;
  const n = BENCH_GRID.columns;
  // Corners on the county's outline stay on it; inner corners move by up to a fifth of a cell.
  const dx = i === 0 || i === n ? 0 : (noise(`cx${i},${j}`) - 0.5) * 0.4 * d;
  const dy = j === 0 || j === n ? 0 : (noise(`cy${i},${j}`) - 0.5) * 0.4 * d;
  return [origin.lon + i * d + dx, origin.lat + j * d + dy];
}

/** The points of the edge from corner a to corner b (a excluded, b included), wobbling like a road or a stream. */
function edge(key: string, a: Point, b: Point): Point[] {
  const segments = 5 + Math.floor(noise(`k${key}`) * 16);
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const points: Point[] = [];
  for (let s = 1; s <= segments; s++) {
    const t = s / segments;
    // Perpendicular wobble, zero at the corners so neighbouring edges never cross.
    const w = s === segments ? 0 : (noise(`w${key}:${s}`) - 0.5) * 0.15 * Math.sin(Math.PI * t);
    points.push([a[0] + dx * t - dy * w, a[1] + dy * t + dx * w]);
  }
  return points;
}

function reversed(start: Point, points: Point[]): Point[] {
  return [...points.slice(0, -1).reverse(), start];
}

/** Cell (i, j)'s polygon: its four edges shared exactly with its neighbours; every 60th has a hole. */
export function cellPolygon(i: number, j: number, index: number): { type: 'Polygon'; coordinates: Point[][] } {
  const [c00, c10, c11, c01] = [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)];
  const ring: Point[] = [
    c00,
    ...edge(`h${i},${j}`, c00, c10),
    ...edge(`v${i + 1},${j}`, c10, c11),
    ...reversed(c01, edge(`h${i},${j + 1}`, c01, c11)),
    ...reversed(c00, edge(`v${i},${j}`, c00, c01)),
  ];
  const rings = [ring];
  if (index % 60 === 7) {
    // A pond or a military plot in the middle: not this grid's.
    const d = BENCH_GRID.cellDegrees;
    const [cx, cy] = [BENCH_GRID.origin.lon + (i + 0.5) * d, BENCH_GRID.origin.lat + (j + 0.5) * d];
    const r = 0.12 * d;
    rings.push([
      [cx - r, cy - r],
      [cx - r, cy + r],
      [cx + r, cy + r],
      [cx + r, cy - r],
      [cx - r, cy - r],
    ]);
  }
  return { type: 'Polygon', coordinates: rings };
}

/** The county's extent (the 23 × 23 cells). */
export function countyBox(): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  const { origin, cellDegrees: d, columns: n } = BENCH_GRID;
  return { minLon: origin.lon, minLat: origin.lat, maxLon: origin.lon + n * d, maxLat: origin.lat + n * d };
}

export async function seedBenchGrid(knex: Knex, tenantId: string, password: string): Promise<void> {
  await knex.transaction((owner) => seed(owner, tenantId, password));
  // The whole database, as autovacuum would have by then: the seed also adds 500 grid workers'
  // people, accounts and roles, and plans made on statistics from before them (3 accounts where
  // there are 519) are not the plans a real county gets.
  await knex.raw('vacuum analyze');
}

async function seed(owner: Knex.Transaction, tenantId: string, password: string): Promise<void> {
  const t = { tenant_id: tenantId };
  await owner('core_tenant_module')
    .insert({ ...t, module_id: 'grid-events', enabled: true, config: '{}' })
    .onConflict(['tenant_id', 'module_id'])
    .merge({ enabled: true });
  const root: { id: string; path: string } = await owner('core_unit')
    .where({ ...t, depth: 0 })
    .first('id', 'path');
  const villages: { id: string; path: string }[] = await owner('core_unit')
    .where({ ...t, depth: 2 })
    .orderBy('path')
    .select('id', 'path');
  const department = { ...t, id: uuidv7(), parent_id: root.id, name: '基准城管局', kind: 'department', depth: 1, sort: 100 };
  await owner('core_unit').insert({ ...department, path: `${root.path}${department.id}/` });
  const categories = ['道路破损', '垃圾堆放', '占道经营', '噪声扰民', '违章搭建', '井盖缺失'].map((name, n) => ({
    ...t,
    id: uuidv7(),
    name,
    code: n === 0 ? BENCH_GRID.categoryCode : `BENCH-${n}`,
    department_unit_id: department.id,
    accept_hours: 2,
    resolve_hours: 48,
    sort: n,
  }));
  await owner('grid_category').insert(categories);

  // Neighbouring grids belong to the same village: cell n lies in village floor(n × 200 / 515).
  const grids = Array.from({ length: BENCH_GRID.grids }, (_, n) => {
    const village = villages[Math.floor((n * villages.length) / BENCH_GRID.grids)];
    const id = uuidv7();
    return { ...t, id, parent_id: village.id, name: `第${n + 1}网格`, kind: 'grid', path: `${village.path}${id}/`, depth: 3, sort: n };
  });
  await owner.batchInsert('core_unit', grids, 500);
  const areas = grids.map((g, n) => {
    const geometry = cellPolygon(n % BENCH_GRID.columns, Math.floor(n / BENCH_GRID.columns), n);
    const ring = geometry.coordinates[0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    return {
      ...t,
      id: uuidv7(),
      unit_id: g.id,
      geometry: JSON.stringify(geometry),
      min_lon: Math.min(...lons),
      max_lon: Math.max(...lons),
      min_lat: Math.min(...lats),
      max_lat: Math.max(...lats),
    };
  });
  await owner.batchInsert('grid_area', areas, 200);

  // 100,000 events over the past year at the centres of their grids' cells (jittered), each handled
  // where it stands: 94 % closed or done, 6 % open (reported, accepted or in progress); most open
  // ones at their grid, some escalated to the village or the town.
  await owner.raw(
    `with g as (select a.id as area_id, a.unit_id, u.parent_id as village_id, v.parent_id as town_id, (a.min_lon + a.max_lon) / 2 as lon, (a.min_lat + a.max_lat) / 2 as lat,
                       row_number() over (order by u.sort) - 1 as n
                from grid_area a join core_unit u on u.tenant_id = a.tenant_id and u.id = a.unit_id join core_unit v on v.tenant_id = u.tenant_id and v.id = u.parent_id
                where a.tenant_id = :tenant),
          c as (select id, row_number() over (order by sort) - 1 as n from grid_category where tenant_id = :tenant),
          -- State and level hashed apart from the grid (i mod 515), so every grid gets its share of each.
          h as (select i, abs(hashint4(i)) % 100 as s, abs(hashint4(i + 7777777)) % 20 as l from generate_series(1, :events) i),
          x as (select i, (i * 7919) % :grids as gn, i % 6 as cn,
                       case when s < 2 then 'reported' when s < 4 then 'accepted' when s < 6 then 'in_progress'
                            when s < 10 then 'resolved' when s = 10 then 'merged' else 'closed' end as status,
                       case when l = 0 then 2 when l < 4 then 1 else 0 end as level,
                       now() - ((i % 365) || ' days')::interval - ((i % 1440) || ' minutes')::interval as at
                from h)
     insert into grid_event (tenant_id, id, code, category_id, description, lon, lat, address, source, reporter_name, reporter_phone, status, level,
                             handling_unit_id, area_id, grid_unit_id, routed_by, accept_due_at, resolve_due_at, escalate_at, accepted_at, resolved_at, closed_at,
                             created_at, updated_at)
     select :tenant, gen_random_uuid(), 'B' || lpad(x.i::text, 9, '0'), c.id, '基准事件' || x.i, g.lon + ((x.i % 13) - 6) * 0.0004, g.lat + ((x.i % 11) - 5) * 0.0004,
            '基准路' || x.i || '号', case when x.i % 3 = 0 then 'citizen' else 'worker' end, '群众', '139' || lpad((x.i % 100000000)::text, 8, '0'),
            x.status, x.level, case x.level when 0 then g.unit_id when 1 then g.village_id else g.town_id end, g.area_id, g.unit_id, 'grid',
            x.at + interval '2 hours', x.at + interval '48 hours', case when x.status in ('reported', 'accepted', 'in_progress') and x.at + interval '48 hours' > now() then x.at + interval '48 hours' end,
            case when x.status <> 'reported' then x.at + interval '1 hour' end,
            case when x.status in ('resolved', 'closed') then x.at + interval '30 hours' end,
            case when x.status = 'closed' then x.at + interval '3 days' end,
            x.at, x.at
     from x join g on g.n = x.gn join c on c.n = x.cn`,
    { tenant: tenantId, grids: BENCH_GRID.grids, events: BENCH_GRID.events },
  );
  await owner.raw(
    `insert into grid_event_step (tenant_id, id, event_id, action, to_status, unit_id, note, created_at)
     select e.tenant_id, gen_random_uuid(), e.id, s.action, s.to_status, e.handling_unit_id, '', e.created_at
     from grid_event e cross join (values ('report', 'reported'), ('route', 'reported')) s(action, to_status) where e.tenant_id = ?`,
    [tenantId],
  );

  // The grid worker of the first grid (handles its events) and a county-wide manager.
  const hash = await hashPassword(password);
  const account = async (username: string, unitId: string, permissions: [string, string][]) => {
    const personId = uuidv7();
    const roleId = uuidv7();
    await owner('core_person').insert({
      ...t,
      id: personId,
      name: username,
      phone: `1388${String(permissions.length).padStart(7, '0')}`,
      unit_id: unitId,
    });
    await owner('core_role').insert({ ...t, id: roleId, name: username });
    await owner('core_role_permission').insert(permissions.map(([permission, scope]) => ({ ...t, role_id: roleId, permission, scope })));
    await owner('core_person_role').insert({ ...t, person_id: personId, role_id: roleId });
    await owner('core_user').insert({ ...t, id: uuidv7(), username, display_name: username, password_hash: hash, person_id: personId });
  };
  await account(BENCH_GRID.worker, grids[0].id, [
    ['grid-events.report', 'own_unit'],
    ['grid-events.handle', 'own_unit'],
  ]);
  // Every grid has its worker (as every grid of a real county does): a report reaching a grid
  // tells someone, in-app and by SMS.
  const role = { ...t, id: uuidv7(), name: '基准网格员' };
  await owner('core_role').insert(role);
  await owner('core_role_permission').insert([
    { ...t, role_id: role.id, permission: 'grid-events.report', scope: 'own_unit' },
    { ...t, role_id: role.id, permission: 'grid-events.handle', scope: 'own_unit' },
  ]);
  await owner.raw(
    `with g as (select id as unit_id, sort, gen_random_uuid() as person_id from core_unit where tenant_id = :tenant and kind = 'grid'),
          p as (insert into core_person (tenant_id, id, name, phone, unit_id, sort)
                select :tenant, person_id, '网格员' || (sort + 1), '1377' || lpad(sort::text, 7, '0'), unit_id, sort from g returning id),
          r as (insert into core_person_role (tenant_id, person_id, role_id) select :tenant, id, :role from p)
     insert into core_user (tenant_id, id, username, display_name, password_hash, person_id)
     select :tenant, gen_random_uuid(), 'grid-worker-' || (g.sort + 1), '网格员' || (g.sort + 1), :hash, g.person_id from g`,
    { tenant: tenantId, role: role.id, hash },
  );
  await account(BENCH_GRID.manager, root.id, [
    ['grid-events.view', 'tenant'],
    ['grid-events.manage', 'tenant'],
    ['grid-events.handle', 'unit_subtree'],
  ]);
}

/**
 * Drops what earlier runs' public reports (phones 166…) and bare-SQL loops (165…) added, so every
 * run starts from the same 100,000 events (the seed links no files and its phones start 139).
 */
export async function resetBenchGrid(owner: Knex, tenantId: string): Promise<void> {
  const added = () => owner('grid_event').where({ tenant_id: tenantId }).whereRaw(`reporter_phone ~ '^16[56]'`);
  await owner('core_file_link').where({ tenant_id: tenantId, module: 'grid-events' }).delete();
  await owner('grid_event_step').where({ tenant_id: tenantId }).whereIn('event_id', added().select('id')).delete();
  await added().delete();
  await owner('core_file').where({ tenant_id: tenantId }).whereNull('created_by').delete();
  await owner('core_human_check').where({ tenant_id: tenantId }).delete();
  await owner('core_notification').where({ tenant_id: tenantId }).whereLike('kind', 'grid-events.%').delete();
  // Open events whose deadline passed since the seed (or an earlier run) have climbed as far as
  // they go in a real county: the per-minute escalation sweep must not spend the measured phases
  // escalating thousands of seeded events at once.
  await owner('grid_event').where({ tenant_id: tenantId }).where('escalate_at', '<=', owner.fn.now()).update({ escalate_at: null });
}
