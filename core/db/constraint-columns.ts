import type { Database } from './database.ts';
import { withTenant } from './tenant-transaction.ts';

/**
 * The columns of every unique, foreign-key and check constraint, by constraint name. PostgreSQL
 * leaves the "Key (…)=(…)" detail out of its errors for tables under row level security, so a
 * violated constraint's name is all an error carries; this map turns it back into field names.
 * Read once at start (the schema only changes through migrations, which run before).
 */
export async function loadConstraintColumns(db: Database): Promise<Map<string, string[]>> {
  const { rows } = await withTenant(db, null, (trx) =>
    trx.raw(`select c.conname as name, array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as columns
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype in ('u', 'f', 'c', 'p')
      union all
      select i.relname, array(select a.attname::text from unnest(x.indkey::int2[]) k join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k)
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
      where n.nspname = 'public' and x.indisunique`),
  );
  return new Map((rows as { name: string; columns: string[] }[]).map((r) => [r.name, r.columns]));
}

/**
 * The columns of a violated constraint. On Citus the error names the shard's copy of the
 * constraint, the name with the shard id appended (`core_person_phone_unique_102074`): the
 * suffix is stripped when the plain name is not known, so a 409 still names the field.
 */
export function columnsOfConstraint(map: ReadonlyMap<string, string[]>, name: string | undefined): string[] | undefined {
  if (!name) return undefined;
  return map.get(name) ?? map.get(name.replace(/_\d+$/, ''));
}
