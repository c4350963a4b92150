import type { Knex } from 'knex';
import { hashPassword } from '../../core/auth/password.ts';

export const BENCH = {
  tenants: 1_000,
  bigTenantPeople: 10_000,
  otherTenantPeople: 20,
  bigTenantSlug: 'bench-0000',
  adminPassword: 'bench-pass-1',
};

/**
 * Fills an empty, migrated database with 1,000 tenants; the first has 10,000 people in a
 * county → 20 towns → 200 villages tree. Set-based SQL as the owner (a superuser, so RLS does
 * not hide rows while seeding); minutes would go to row-by-row inserts.
 */
export async function seedBenchData(owner: Knex): Promise<void> {
  const hash = await hashPassword(BENCH.adminPassword);
  await owner.raw(
    `insert into core_tenant (id, slug, name)
    select gen_random_uuid(), 'bench-' || lpad(i::text, 4, '0'), '基准县' || i from generate_series(0, ?) as i`,
    [BENCH.tenants - 1],
  );
  await owner.raw(
    `insert into core_user (tenant_id, id, username, display_name, password_hash, is_tenant_admin)
    select id, gen_random_uuid(), 'admin', '管理员', ?, true from core_tenant`,
    [hash],
  );
  // One root unit per tenant, 20 towns under each root, 10 villages under each town of the big tenant.
  await owner.raw(`with root as (select id as tenant_id, gen_random_uuid() as id from core_tenant)
    insert into core_unit (tenant_id, id, parent_id, name, kind, path, depth)
    select tenant_id, id, null, '县本级', 'county', '/' || id || '/', 0 from root`);
  await owner.raw(`insert into core_unit (tenant_id, id, parent_id, name, kind, path, depth, sort)
    select r.tenant_id, t.id, r.id, '第' || t.n || '镇', 'town', r.path || t.id || '/', 1, t.n
    from core_unit r cross join lateral (select gen_random_uuid() as id, n from generate_series(1, 20) n) t where r.depth = 0`);
  const big = await owner('core_tenant').where({ slug: BENCH.bigTenantSlug }).first('id');
  await owner.raw(
    `insert into core_unit (tenant_id, id, parent_id, name, kind, path, depth, sort)
    select u.tenant_id, v.id, u.id, u.name || v.n || '村', 'village', u.path || v.id || '/', 2, v.n
    from core_unit u cross join lateral (select gen_random_uuid() as id, n from generate_series(1, 10) n) v
    where u.tenant_id = ? and u.depth = 1`,
    [big.id],
  );
  await owner.raw(
    `insert into core_person (tenant_id, id, name, phone, unit_id, sort)
    select ?, gen_random_uuid(), (array['张','王','李','赵','刘','陈','杨','黄'])[1 + i % 8] || '干部' || i, '13' || lpad(i::text, 9, '0'),
      (select id from core_unit where tenant_id = ? and depth = 2 order by id offset (i % 200) limit 1), i
    from generate_series(1, ?) i`,
    [big.id, big.id, BENCH.bigTenantPeople],
  );
  await owner.raw(
    `insert into core_person (tenant_id, id, name, phone, unit_id, sort)
    select u.tenant_id, gen_random_uuid(), '干部' || i, '15' || lpad((abs(hashtext(u.tenant_id::text)) % 10000000)::text, 7, '0') || lpad(i::text, 2, '0'), u.id, i
    from core_unit u cross join generate_series(1, ?) i where u.depth = 0 and u.tenant_id <> ?`,
    [BENCH.otherTenantPeople, big.id],
  );
  await owner.raw('analyze');
}
