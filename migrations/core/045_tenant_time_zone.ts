import type { Knex } from 'knex';

/**
 * The county's time zone (IANA name): every time shown or exported is in it. China runs on one
 * zone, so Asia/Shanghai is every existing tenant's and the default.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_tenant', (t) => {
    t.text('time_zone').notNullable().defaultTo('Asia/Shanghai');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_tenant', (t) => {
    t.dropColumn('time_zone');
  });
}
