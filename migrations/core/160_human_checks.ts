import type { Knex } from 'knex';
import { createTenantTable } from '../../core/db/tenant-table.ts';

/**
 * Human checks for public forms (core/human-check/): one row per challenge handed out, with the
 * secret its signature was made with. A solution is accepted once (`used_at`), before it expires;
 * expired rows are swept. The secret never leaves the server, so no platform-wide key is needed.
 */
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'core_human_check', (t) => {
    t.uuid('id').notNullable();
    t.text('secret').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.index(['tenant_id', 'expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('core_human_check');
}
