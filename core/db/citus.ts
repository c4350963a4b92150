import type { Knex } from 'knex';

/**
 * Distributed PostgreSQL (Citus) support, inert without it. Tenant tables are distributed by
 * `tenant_id` and co-located (a tenant's rows of every table live on one node, so joins and
 * foreign keys stay local); platform tables (tenants, operators) become reference tables, copied
 * to every node. Citus refuses to distribute a table that has foreign keys to tables not yet
 * distributed, so keys are dropped, every table distributed, and the keys added back.
 * docs/SCALING.md explains the layout and the rules queries follow.
 */

/** Tables that stay on the coordinator only: the migrator's own bookkeeping. */
const LOCAL_TABLES = new Set(['core_migrations', 'core_migrations_lock']);

export async function citusInstalled(knex: Knex): Promise<boolean> {
  const { rows } = await knex.raw(`select exists (select 1 from pg_extension where extname = 'citus') as present`);
  return rows[0].present === true;
}

export interface CatalogTable {
  name: string;
  hasTenantId: boolean;
  distributed: boolean;
}

export interface CatalogForeignKey {
  table: string;
  name: string;
  references: string;
  definition: string;
}

/** What the database holds now: public tables, whether Citus already placed them, their keys. */
export async function readCatalog(knex: Knex, citus: boolean): Promise<{ tables: CatalogTable[]; foreignKeys: CatalogForeignKey[] }> {
  const distributed = citus ? `exists (select 1 from pg_dist_partition d where d.logicalrelid = c.oid)` : 'false';
  const { rows: tables } = await knex.raw(
    `select c.relname as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "hasTenantId",
            ${distributed} as distributed
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const { rows: foreignKeys } = await knex.raw(
    `select t.relname as table, k.conname as name, r.relname as references, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid
       join pg_namespace n on n.oid = t.relnamespace
      where k.contype = 'f' and n.nspname = 'public' order by t.relname, k.conname`,
  );
  return { tables, foreignKeys };
}

/**
 * The statements that distribute what is not distributed yet, in an order Citus accepts:
 * reference tables first, then drop the keys touching the tenant tables to distribute,
 * distribute them co-located, add the keys back. Empty when everything is in place.
 */
export function distributionPlan(catalog: { tables: CatalogTable[]; foreignKeys: CatalogForeignKey[] }): string[] {
  const pending = catalog.tables.filter((t) => !t.distributed && !LOCAL_TABLES.has(t.name));
  if (pending.length === 0) return [];
  const tenantTables = pending.filter((t) => t.hasTenantId).map((t) => t.name);
  const referenceTables = pending.filter((t) => !t.hasTenantId).map((t) => t.name);
  const moving = new Set(pending.map((t) => t.name));
  const keys = catalog.foreignKeys.filter((k) => moving.has(k.table) || moving.has(k.references));
  return [
    // Several distributed tables are touched in one transaction: one connection per node.
    `set local citus.multi_shard_modify_mode to 'sequential'`,
    ...keys.map((k) => `alter table ${ident(k.table)} drop constraint ${ident(k.name)}`),
    ...referenceTables.map((t) => `select create_reference_table('${ident(t)}')`),
    ...tenantTables.map((t) => `select create_distributed_table('${ident(t)}', 'tenant_id', colocate_with => 'default')`),
    ...keys.map((k) => `alter table ${ident(k.table)} add constraint ${ident(k.name)} ${k.definition}`),
  ];
}

/** Distributes every table not yet distributed (a no-op without Citus): after each migration, and `npm run db:distribute`. */
export async function distributeTables(knex: Knex): Promise<number> {
  if (!(await citusInstalled(knex))) return 0;
  return knex.transaction(async (trx) => {
    const plan = distributionPlan(await readCatalog(trx, true));
    for (const statement of plan) await trx.raw(statement);
    return plan.length;
  });
}

/** Our table and constraint names are plain lower-case identifiers; anything else is refused. */
function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${JSON.stringify(name)}`);
  return name;
}
