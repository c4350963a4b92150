import type { Knex } from 'knex';

/**
 * Migration helpers for tenant-owned tables. Each statement is sent alone because
 * knex-pglite does not accept `;`-joined SQL.
 */

// nullif: once set in a pooled session, an unset custom setting reads as '' rather than NULL.
export const TENANT_POLICY = "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid";

export type RuntimeAccess = 'read-write' | 'append-only';

/** Enables and forces RLS with the tenant policy, and grants the runtime role its access. */
export async function protectTenantTable(knex: Knex, table: string, access: RuntimeAccess = 'read-write'): Promise<void> {
  const role = await runtimeRole(knex);
  await knex.raw(`alter table ?? enable row level security`, [table]);
  await knex.raw(`alter table ?? force row level security`, [table]);
  await knex.raw(`create policy tenant_isolation on ?? using (${TENANT_POLICY}) with check (${TENANT_POLICY})`, [table]);
  const privileges = access === 'append-only' ? 'select, insert' : 'select, insert, update, delete';
  await knex.raw(`grant ${privileges} on ?? to ??`, [table, role]);
}

/** Grants the runtime role access to a platform (non-tenant) table. */
export async function grantPlatformTable(knex: Knex, table: string, privileges = 'select, insert, update, delete'): Promise<void> {
  await knex.raw(`grant ${privileges} on ?? to ??`, [table, await runtimeRole(knex)]);
}

/** Set by the migrator before any migration runs, so migrations need no configuration of their own. */
export const migrationContext = { runtimeRole: '' };

async function runtimeRole(_knex: Knex): Promise<string> {
  if (!migrationContext.runtimeRole) throw new Error('runtime role unknown: run migrations through core/db/migrate.ts');
  return migrationContext.runtimeRole;
}

/** Adds `tenant_id uuid not null` referencing core_tenant, the first column of every tenant table. */
export function tenantColumn(t: Knex.CreateTableBuilder): void {
  t.uuid('tenant_id').notNullable().references('id').inTable('core_tenant').onDelete('CASCADE');
}
