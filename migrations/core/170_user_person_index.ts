import type { Knex } from 'knex';

/**
 * Accounts found by their directory entry: who answers for a person or a unit (answeringAccounts),
 * notifications to people. Without it, each such question read every account of the tenant.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_user', (t) => t.index(['tenant_id', 'person_id']));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_user', (t) => t.dropIndex(['tenant_id', 'person_id']));
}
