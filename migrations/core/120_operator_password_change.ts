import type { Knex } from 'knex';

/**
 * An operator created with a generated password (a fresh install on PostgreSQL without
 * OPERATOR_PASSWORD) chooses their own at first sign-in: until then the platform API answers
 * only the session, sign-out and the change itself.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_operator', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_operator', (t) => {
    t.dropColumn('must_change_password');
  });
}
