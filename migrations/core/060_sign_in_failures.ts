import type { Knex } from 'knex';
import { grantPlatformTable, protectTenantTable, tenantColumn } from '../../core/db/rls.ts';

/**
 * Sign-in failures counted per (account, client address) and per account from every address
 * (`address = '*'`), for known accounts and for logins that match nobody alike (core/auth/lockout.ts).
 * They replace the per-account counter on the user and operator rows, which concurrent attempts
 * could overwrite and which let anyone anywhere lock an account out for a day.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('core_sign_in_failure', (t) => {
    tenantColumn(t);
    t.text('account_key').notNullable();
    t.text('address').notNullable();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('last_failure_at', { useTz: true });
    t.timestamp('last_success_at', { useTz: true });
    t.primary(['tenant_id', 'account_key', 'address']);
  });
  await protectTenantTable(knex, 'core_sign_in_failure');

  await knex.schema.createTable('core_operator_sign_in_failure', (t) => {
    t.text('account_key').notNullable();
    t.text('address').notNullable();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('last_failure_at', { useTz: true });
    t.timestamp('last_success_at', { useTz: true });
    t.primary(['account_key', 'address']);
  });
  await grantPlatformTable(knex, 'core_operator_sign_in_failure');

  for (const table of ['core_user', 'core_operator']) {
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('failed_logins');
      t.dropColumn('locked_until');
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['core_user', 'core_operator']) {
    await knex.schema.alterTable(table, (t) => {
      t.integer('failed_logins').notNullable().defaultTo(0);
      t.timestamp('locked_until', { useTz: true });
    });
  }
  await knex.schema.dropTable('core_operator_sign_in_failure');
  await knex.schema.dropTable('core_sign_in_failure');
}
