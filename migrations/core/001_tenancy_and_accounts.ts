import type { Knex } from 'knex';
import { grantPlatformTable, protectTenantTable, tenantColumn } from '../../core/db/rls.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create extension if not exists pg_trgm');

  await knex.schema.createTable('core_tenant', (t) => {
    t.uuid('id').primary();
    t.text('slug').notNullable().unique();
    t.text('name').notNullable();
    t.text('status').notNullable().defaultTo('active');
    t.text('locale').notNullable().defaultTo('zh-CN');
    t.text('logo_url');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('suspended_at', { useTz: true });
    t.check("status in ('active', 'suspended')");
  });
  await grantPlatformTable(knex, 'core_tenant', 'select, insert, update');

  await knex.schema.createTable('core_operator', (t) => {
    t.uuid('id').primary();
    t.text('username').notNullable().unique();
    t.text('display_name').notNullable();
    t.text('password_hash').notNullable();
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await grantPlatformTable(knex, 'core_operator', 'select, insert, update');

  await knex.schema.createTable('core_operator_session', (t) => {
    t.text('id').primary();
    t.uuid('operator_id').notNullable().references('id').inTable('core_operator').onDelete('CASCADE');
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await grantPlatformTable(knex, 'core_operator_session');

  await knex.schema.createTable('core_user', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('username').notNullable();
    t.text('phone');
    t.text('display_name').notNullable();
    t.text('password_hash').notNullable();
    t.uuid('person_id');
    t.boolean('is_tenant_admin').notNullable().defaultTo(false);
    t.text('status').notNullable().defaultTo('active');
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'username']);
    t.unique(['tenant_id', 'phone']);
    t.check("status in ('active', 'disabled')");
  });
  await protectTenantTable(knex, 'core_user');

  await knex.schema.createTable('core_session', (t) => {
    tenantColumn(t);
    t.text('id').notNullable();
    t.uuid('user_id').notNullable();
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'user_id']).references(['tenant_id', 'id']).inTable('core_user').onDelete('CASCADE');
    t.index(['tenant_id', 'user_id']);
  });
  await protectTenantTable(knex, 'core_session');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('core_session');
  await knex.schema.dropTable('core_user');
  await knex.schema.dropTable('core_operator_session');
  await knex.schema.dropTable('core_operator');
  await knex.schema.dropTable('core_tenant');
}
