import type { Knex } from 'knex';
import { citusInstalled } from './citus.ts';
import { protectTenantTable, type RuntimeAccess } from './rls.ts';

export interface TenantTableOptions {
  /** Foreign keys, added once the table is distributed (Citus refuses them before). */
  keys?: (t: Knex.AlterTableBuilder) => void;
  access?: RuntimeAccess;
}

/**
 * Creates a tenant table the way every tenant table must be: `tenant_id uuid not null` first
 * (referencing the tenant, rows removed with it), distributed by `tenant_id` when Citus is
 * installed (before its keys, which Citus requires), its foreign keys, then RLS forced with the
 * tenant policy and the runtime role's grants. `columns` adds the rest, including the primary key,
 * which leads with tenant_id: `t.primary(['tenant_id', 'id'])`. On plain PostgreSQL and PGlite
 * the result is what the older migrations wrote by hand.
 */
export async function createTenantTable(
  knex: Knex,
  name: string,
  columns: (t: Knex.CreateTableBuilder) => void,
  options: TenantTableOptions = {},
): Promise<void> {
  await knex.schema.createTable(name, (t) => {
    t.uuid('tenant_id').notNullable();
    columns(t);
  });
  if (await citusInstalled(knex)) {
    await knex.raw(`set local citus.multi_shard_modify_mode to 'sequential'`);
    await knex.raw(`select create_distributed_table(?, 'tenant_id', colocate_with => 'default')`, [name]);
  }
  await knex.schema.alterTable(name, (t) => {
    t.foreign('tenant_id').references('id').inTable('core_tenant').onDelete('CASCADE');
    options.keys?.(t);
  });
  await protectTenantTable(knex, name, options.access);
}

/**
 * A foreign key from one tenant table to another's `(tenant_id, id)`: a row may only name records
 * of its own tenant (and Citus keeps the pair on one shard). For a migration's `keys`.
 */
export function tenantForeignKey(t: Knex.AlterTableBuilder, column: string, table: string, options: { onDelete?: 'CASCADE' } = {}): void {
  const key = t.foreign(['tenant_id', column]).references(['tenant_id', 'id']).inTable(table);
  if (options.onDelete) key.onDelete(options.onDelete);
}
