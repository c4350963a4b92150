import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '../helpers/test-platform.ts';

/**
 * Reads the catalog of the migrated database and fails when any tenant table (any table with a
 * tenant_id column) breaks the tenancy rules of docs/ARCHITECTURE.md.
 */
describe('every tenant table is isolated by the rules', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(() => platform?.stop());

  const sql = (text: string, bindings: unknown[] = []) =>
    platform.db.owner.raw(text, bindings as never[]).then((r: { rows: Record<string, unknown>[] }) => r.rows);

  async function tenantTables(): Promise<string[]> {
    const rows = await sql(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`);
    return rows.map((r) => r.name as string);
  }

  it('finds the tenant tables', async () => {
    expect(await tenantTables()).toEqual(expect.arrayContaining(['core_user', 'core_session', 'core_audit_log']));
  });

  it('tenant_id is not null and leads a composite primary key', async () => {
    const problems: string[] = [];
    for (const table of await tenantTables()) {
      const [pk] = await sql(
        `select array_agg(a.attname order by k.ord)::text[] as columns from pg_constraint c
        cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
        where c.conrelid = ?::regclass and c.contype = 'p'`,
        [table],
      );
      const columns = (pk?.columns as string[] | null) ?? [];
      if (columns[0] !== 'tenant_id' || columns.length < 2) problems.push(`${table}: primary key (${columns.join(', ')})`);
      const [col] = await sql(`select attnotnull from pg_attribute where attrelid = ?::regclass and attname = 'tenant_id'`, [table]);
      if (!col.attnotnull) problems.push(`${table}: tenant_id nullable`);
    }
    expect(problems).toEqual([]);
  });

  it('every foreign key between tenant tables includes tenant_id', async () => {
    const tables = new Set(await tenantTables());
    const rows = await sql(`select c.conname, c.conrelid::regclass::text as source, c.confrelid::regclass::text as target,
        array(select a.attname from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)::text[] as columns
      from pg_constraint c where c.contype = 'f'`);
    const problems = rows
      .filter((r) => tables.has(r.source as string) && tables.has(r.target as string))
      .filter((r) => !(r.columns as string[]).includes('tenant_id'))
      .map((r) => `${r.source}.${r.conname} -> ${r.target}`);
    expect(problems).toEqual([]);
  });

  it('row level security is enabled and forced with the app.tenant_id policy', async () => {
    const problems: string[] = [];
    for (const table of await tenantTables()) {
      const [rel] = await sql(`select relrowsecurity, relforcerowsecurity from pg_class where oid = ?::regclass`, [table]);
      if (!rel.relrowsecurity || !rel.relforcerowsecurity) problems.push(`${table}: RLS not enabled and forced`);
      const policies = await sql(`select qual, with_check from pg_policies where tablename = ?`, [table]);
      const ok =
        policies.length > 0 &&
        policies.every(
          (p) =>
            String(p.qual).includes("current_setting('app.tenant_id'") && String(p.with_check).includes("current_setting('app.tenant_id'"),
        );
      if (!ok) problems.push(`${table}: missing app.tenant_id policy`);
    }
    expect(problems).toEqual([]);
  });

  it('the runtime role owns no table and cannot bypass RLS', async () => {
    const role = platform.db.runtimeRole;
    const [r] = await sql(`select rolsuper, rolbypassrls from pg_roles where rolname = ?`, [role]);
    expect(r).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await sql(`select tablename from pg_tables where schemaname = 'public' and tableowner = ?`, [role]);
    expect(owned).toEqual([]);
  });

  it('the runtime role may not update or delete the audit trail', async () => {
    const role = platform.db.runtimeRole;
    const [p] = await sql(
      `select has_table_privilege(?, 'core_audit_log', 'UPDATE') as can_update, has_table_privilege(?, 'core_audit_log', 'DELETE') as can_delete, has_table_privilege(?, 'core_audit_log', 'INSERT') as can_insert`,
      [role, role, role],
    );
    expect(p).toEqual({ can_update: false, can_delete: false, can_insert: true });
  });
});
