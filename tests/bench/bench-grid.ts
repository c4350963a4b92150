import type { Knex } from 'knex';
import type pg from 'pg';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { uuidv7 } from 'uuidv7';
import type { PlatformConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { gridAt } from '../../modules/grid-events/server/routing.ts';
import type { BareSqlContext } from './bare-sql.ts';
import { BENCH_GRID, countyBox } from './bench-grid-seed.ts';

/** A deterministic stream of points in the county (the same every run). */
function points(count: number): { lon: number; lat: number }[] {
  const box = countyBox();
  let s = 42;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 1_000_000) / 1_000_000;
  return Array.from({ length: count }, () => ({
    lon: box.minLon + next() * (box.maxLon - box.minLon),
    lat: box.minLat + next() * (box.maxLat - box.minLat),
  }));
}

export interface RoutingResult {
  events: number;
  routed: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  plan: string;
}

/**
 * `gridAt` as recording an event calls it: in a runtime transaction in the tenant's RLS context,
 * one point after another (the candidates by bounding box in SQL, turf decides).
 */
export async function measureRouting(config: PlatformConfig, tenantId: string, count = 5_000): Promise<RoutingResult> {
  const db = await openDatabase(config);
  try {
    const all = points(count + 200);
    const times: number[] = [];
    let routed = 0;
    const plan = await withTenant(db, tenantId, async (trx) => {
      // Warm-up, not measured: the JIT and the connection.
      for (const p of all.slice(count)) await gridAt(trx, p);
      for (const p of all.slice(0, count)) {
        const started = performance.now();
        if (await gridAt(trx, p)) routed++;
        times.push(performance.now() - started);
      }
      const p = all[0];
      const rows: { 'QUERY PLAN': string }[] = (
        await trx.raw(
          `explain (analyze, buffers) select id, unit_id, geometry, (max_lon - min_lon) * (max_lat - min_lat) as size from grid_area
           where min_lon <= ? and max_lon >= ? and min_lat <= ? and max_lat >= ? order by size, id`,
          [p.lon, p.lon, p.lat, p.lat],
        )
      ).rows;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    times.sort((a, b) => a - b);
    return {
      events: count,
      routed,
      meanMs: times.reduce((a, b) => a + b, 0) / times.length,
      p50Ms: times[Math.floor(times.length / 2)],
      p99Ms: times[Math.floor(times.length * 0.99)],
      plan,
    };
  } finally {
    await db.close();
  }
}

/**
 * EXPLAIN ANALYZE, in the tenant's RLS context, of the events list as `eventQuery` and `page`
 * build it: the worker's queue (open events of the worker's grid) and the county manager's list
 * of two states (no scope filter: a county-wide manager sees every event).
 */
export async function explainLists(config: PlatformConfig, tenantId: string): Promise<{ queue: string; managerList: string }> {
  const db = await openDatabase(config);
  const explain = async (trx: Knex.Transaction, where: string, bindings: string[]) => {
    const rows: { 'QUERY PLAN': string }[] = (
      await trx.raw(
        `explain (analyze, buffers) select e.*, c.name as category_name, hu.name as handling_unit_name, hu.path as handling_unit_path,
           gu.name as grid_unit_name, gu.path as grid_unit_path, e.created_at::text as cursor_at
         from grid_event as e join grid_category as c on c.tenant_id = e.tenant_id and c.id = e.category_id
         left join core_unit as hu on hu.tenant_id = e.tenant_id and hu.id = e.handling_unit_id
         left join core_unit as gu on gu.tenant_id = e.tenant_id and gu.id = e.grid_unit_id
         where ${where} order by e.created_at desc, e.id desc limit 21`,
        bindings,
      )
    ).rows;
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  try {
    return await withTenant(db, tenantId, async (trx) => {
      const worker: { unit_id: string } = await trx('core_user as u')
        .join('core_person as p', 'p.id', 'u.person_id')
        .where('u.username', BENCH_GRID.worker)
        .first('p.unit_id');
      return {
        queue: await explain(trx, `e.status in ('reported', 'accepted', 'in_progress') and e.handling_unit_id = ?`, [worker.unit_id]),
        managerList: await explain(trx, `e.status in ('reported', 'accepted')`, []),
      };
    });
  } finally {
    await db.close();
  }
}

/** Citizen i's own address (10.x.y.z): the bench server believes X-Forwarded-For from 127.0.0.1. */
export function citizenAddress(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

export interface PublicReportFixture {
  categoryId: string;
  bodies: string[];
  solveSeconds: number;
}

/**
 * Everything a citizen's report needs before the timed phase: a solved human check each (asked of
 * the running server, solved here as a browser does: ~30,000 SHA-256 on average) and 1–2
 * anonymous photos each, inserted as the public upload would have left them.
 */
export async function preparePublicReports(
  base: string,
  slug: string,
  owner: Knex,
  tenantId: string,
  count: number,
): Promise<PublicReportFixture> {
  const category: { id: string } = await owner('grid_category').where({ tenant_id: tenantId, code: BENCH_GRID.categoryCode }).first('id');
  const started = performance.now();
  const bodies: string[] = [];
  const places = points(count);
  for (let i = 0; i < count; i++) {
    // Asked from the address the report will come from (challenges are limited per address too).
    const response = await fetch(`${base}/api/t/${slug}/human-checks`, {
      method: 'POST',
      headers: { 'x-forwarded-for': citizenAddress(i) },
    });
    if (response.status !== 201) throw new Error(`human check: ${response.status} ${await response.text()}`);
    const challenge = (await response.json()) as { parameters: Record<string, unknown>; signature: string };
    const solution = await solveChallenge({
      challenge: { parameters: challenge.parameters, signature: challenge.signature } as never,
      deriveKey,
    });
    if (!solution) throw new Error('human check: no solution found');
    const photoIds = Array.from({ length: 1 + (i % 2) }, () => uuidv7());
    await owner('core_file').insert(
      photoIds.map((id) => ({
        tenant_id: tenantId,
        id,
        name: 'photo.png',
        content_type: 'image/png',
        size_bytes: 150_000,
        sha256: 'bench',
        created_by: null,
      })),
    );
    bodies.push(
      JSON.stringify({
        categoryId: category.id,
        description: `路面塌陷，请尽快处理 ${i}`,
        location: { lon: places[i].lon, lat: places[i].lat, address: `基准路${i}号` },
        photoIds,
        phone: `${BENCH_GRID.publicPhonePrefix}${String(i).padStart(8, '0')}`,
        name: '市民',
        humanCheck: {
          challenge: { parameters: challenge.parameters, signature: challenge.signature },
          solution: { counter: solution.counter, derivedKey: solution.derivedKey },
        },
      }),
    );
  }
  return { categoryId: category.id, bodies, solveSeconds: (performance.now() - started) / 1000 };
}

export interface PublicBareContext extends BareSqlContext {
  categoryId: string;
  /** Human checks handed out and photos uploaded before the loop, as the API phase has them. */
  checkIds: string[];
  fileIds: string[];
}

/** Human checks and anonymous photos for the bare loop, made beforehand like the API phase's. */
export async function prepareBareReports(owner: Knex, tenantId: string, count: number): Promise<{ checkIds: string[]; fileIds: string[] }> {
  const checks = await owner.raw(
    `insert into core_human_check (tenant_id, id, secret, expires_at) select ?, gen_random_uuid(), 'bench', now() + interval '10 minutes'
     from generate_series(1, ?) returning id`,
    [tenantId, count],
  );
  const files = await owner.raw(
    `insert into core_file (tenant_id, id, name, content_type, size_bytes, sha256, created_by)
     select ?, gen_random_uuid(), 'photo.png', 'image/png', 150000, 'bench', null from generate_series(1, ?) returning id`,
    [tenantId, count * 2],
  );
  return { checkIds: checks.rows.map((r: { id: string }) => r.id), fileIds: files.rows.map((r: { id: string }) => r.id) };
}

const CONFIG = `select config from core_tenant_module where module_id = 'grid-events' limit 1`;
let n = 0;
let nextFile = 0;
/**
 * The statements one citizen's report runs, as captured from the API (knex's query log): the
 * module config (read four times by the service), the human check locked and marked used, the
 * phone's count today, the county's extent, the photos claimable, the category, the grid by
 * bounding box, a free code, the event, its photo links, two steps, the grid's handlers, their
 * language and phone, the inbox row, the SMS outbox row and its delivery job. The exact
 * point-in-polygon test and the ALTCHA verification are CPU work the API does and this loop skips.
 */
export async function publicReportWork(client: pg.PoolClient, context: PublicBareContext): Promise<void> {
  const i = n++;
  const tenant = context.tenantId;
  const [lon, lat] = [BENCH_GRID.origin.lon + 0.01 + (i % 400) * 0.001, BENCH_GRID.origin.lat + 0.01 + (i % 300) * 0.001];
  const checkId = context.checkIds[i % context.checkIds.length];
  await client.query(CONFIG);
  await client.query(`select secret, expires_at, used_at from core_human_check where tenant_id = $1 and id = $2 limit 1 for update`, [
    tenant,
    checkId,
  ]);
  await client.query(`update core_human_check set used_at = now() where tenant_id = $1 and id = $2`, [tenant, checkId]);
  await client.query(CONFIG);
  const phone = `165${String(i).padStart(8, '0')}`;
  await client.query(
    `select count(id) as count from grid_event where reporter_phone = $1 and source = 'citizen' and created_at > now() - interval '1 day'`,
    [phone],
  );
  await client.query(CONFIG);
  await client.query(
    `select min(min_lon) as min_lon, min(min_lat) as min_lat, max(max_lon) as max_lon, max(max_lat) as max_lat from grid_area limit 1`,
  );
  await client.query(CONFIG);
  const photos = Array.from({ length: 1 + (i % 2) }, () => context.fileIds[nextFile++ % context.fileIds.length]);
  await client.query(
    `select f.id from core_file f where f.id = any($1) and f.created_by is null and f.content_type like 'image/%' and f.created_at > now() - interval '2 hours'
     and not exists (select 1 from core_file_link l where l.tenant_id = f.tenant_id and l.file_id = f.id)`,
    [photos],
  );
  await client.query(
    `select c.*, d.name as department_name from grid_category c left join core_unit d on d.tenant_id = c.tenant_id and d.id = c.department_unit_id where c.id = $1 limit 1`,
    [context.categoryId],
  );
  const areas = await client.query<{ id: string; unit_id: string }>(
    `select id, unit_id, geometry, (max_lon - min_lon) * (max_lat - min_lat) as size from grid_area
     where min_lon <= $1 and max_lon >= $1 and min_lat <= $2 and max_lat >= $2 order by size, id`,
    [lon, lat],
  );
  const unitId = areas.rows[0]?.unit_id ?? context.unitId;
  const id = uuidv7();
  const code = `P${String(i).padStart(9, '0')}`;
  await client.query(`select id from grid_event where code = $1 limit 1`, [code]);
  await client.query(
    `insert into grid_event (tenant_id, id, code, category_id, description, lon, lat, address, source, reporter_user_id, reporter_name, reporter_phone, status, level,
       handling_unit_id, area_id, grid_unit_id, routed_by, accept_due_at, resolve_due_at, escalate_at, accepted_at, resolved_at, closed_at, quick,
       photo_ids, resolution_photo_ids, resolution_note, created_at, updated_at)
     values ($1, $2, $3, $4, '路面塌陷，请尽快处理', $5, $6, '基准路', 'citizen', null, '市民', $7, 'reported', 0, $8, $9, $8, 'grid', now() + interval '2 hours',
       now() + interval '48 hours', now() + interval '2 hours', null, null, null, false, $10, '[]', '', now(), now())`,
    [tenant, id, code, context.categoryId, lon, lat, phone, unitId, areas.rows[0]?.id ?? null, JSON.stringify(photos)],
  );
  await client.query(
    `delete from core_file_link where tenant_id = $1 and module = 'grid-events' and record_kind = 'event' and record_id = $2 and file_id <> all($3)`,
    [tenant, id, photos],
  );
  await client.query(
    `insert into core_file_link (tenant_id, file_id, module, record_kind, record_id) select $1, f, 'grid-events', 'event', $2 from unnest($3::uuid[]) f
     on conflict (tenant_id, file_id, module, record_kind, record_id) do nothing`,
    [tenant, id, photos],
  );
  const step = `insert into grid_event_step (tenant_id, id, event_id, action, actor_user_id, actor_name, from_status, to_status, unit_id, note, photo_ids, created_at)
     values ($1, $2, $3, $4, null, $5, null, 'reported', $6, $7, $8, now())`;
  await client.query(step, [tenant, uuidv7(), id, 'report', '市民', null, '路面塌陷，请尽快处理', JSON.stringify(photos)]);
  await client.query(step, [tenant, uuidv7(), id, 'route', '', unitId, 'grid', '[]']);
  const handlers = await client.query<{ user_id: string }>(
    `select distinct t.key, usr.id as user_id
       from jsonb_to_recordset($1::jsonb) as t(key text, unit_id uuid, person_id uuid)
       join core_person p on p.tenant_id = $2 and (p.id = t.person_id or p.unit_id = t.unit_id)
       join core_user usr on usr.tenant_id = p.tenant_id and usr.person_id = p.id and usr.status = 'active'
      where p.id = t.person_id or usr.is_tenant_admin or exists (
        select 1 from core_person_role pr join core_role_permission rp on rp.tenant_id = pr.tenant_id and rp.role_id = pr.role_id
        where pr.tenant_id = p.tenant_id and pr.person_id = p.id and rp.permission = $3)`,
    [JSON.stringify([{ key: unitId, unit_id: unitId, person_id: null }]), tenant, 'grid-events.handle'],
  );
  const userIds = handlers.rows.map((r) => r.user_id);
  if (userIds.length === 0) return;
  await client.query(`select locale from core_tenant where id = $1 limit 1`, [tenant]);
  const recipients = await client.query<{ id: string; phone: string | null }>(
    `select u.id, u.status, u.locale, coalesce(nullif(u.phone, ''), nullif(p.phone, '')) as phone from core_user u
     left join core_person p on p.tenant_id = u.tenant_id and p.id = u.person_id where u.id = any($1)`,
    [userIds],
  );
  for (const r of recipients.rows) {
    const notificationId = uuidv7();
    await client.query(
      `insert into core_notification (tenant_id, id, user_id, kind, title, body, link, message_key, params) values ($1, $2, $3, 'grid-events.event.arrived', '新事件', $4, $5, 'grid-events.event.arrived', $6)`,
      [
        tenant,
        notificationId,
        r.id,
        `道路破损（${code}）：基准路：路面塌陷。请于两小时内签收`,
        `/grid-events/events/${id}`,
        JSON.stringify({ code }),
      ],
    );
    if (!r.phone) continue;
    const outboxId = uuidv7();
    await client.query(`insert into core_sms_outbox (tenant_id, id, phone, body, dedupe_key) values ($1, $2, $3, $4, $5)`, [
      tenant,
      outboxId,
      r.phone,
      `新事件：道路破损（${code}）：基准路：路面塌陷。请于两小时内签收`,
      `notification:${notificationId}`,
    ]);
    // As pg-boss's insertJobs does: the queue's policy, the job row.
    await client.query(
      `insert into pgboss.job (id, name, data, priority, policy) select gen_random_uuid(), q.name, $2, 0, q.policy from pgboss.queue q where q.name = $1`,
      ['core.sms-deliver', JSON.stringify({ tenantId: tenant, outboxId })],
    );
  }
}
