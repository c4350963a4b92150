import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../core/db/rls.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('core_role', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'name']);
  });
  await protectTenantTable(knex, 'core_role');

  await knex.schema.createTable('core_role_permission', (t) => {
    tenantColumn(t);
    t.uuid('role_id').notNullable();
    t.text('permission').notNullable();
    t.text('scope').notNullable();
    t.primary(['tenant_id', 'role_id', 'permission']);
    t.foreign(['tenant_id', 'role_id']).references(['tenant_id', 'id']).inTable('core_role').onDelete('CASCADE');
    t.check("scope in ('own_unit', 'unit_subtree', 'tenant')");
  });
  await protectTenantTable(knex, 'core_role_permission');

  await knex.schema.createTable('core_person_role', (t) => {
    tenantColumn(t);
    t.uuid('person_id').notNullable();
    t.uuid('role_id').notNullable();
    t.primary(['tenant_id', 'person_id', 'role_id']);
    t.foreign(['tenant_id', 'person_id']).references(['tenant_id', 'id']).inTable('core_person').onDelete('CASCADE');
    t.foreign(['tenant_id', 'role_id']).references(['tenant_id', 'id']).inTable('core_role').onDelete('CASCADE');
    t.index(['tenant_id', 'role_id']);
  });
  await protectTenantTable(knex, 'core_person_role');

  await knex.schema.createTable('core_tenant_module', (t) => {
    tenantColumn(t);
    t.text('module_id').notNullable();
    t.boolean('enabled').notNullable().defaultTo(false);
    t.jsonb('config').notNullable().defaultTo('{}');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'module_id']);
  });
  await protectTenantTable(knex, 'core_tenant_module');

  await knex.schema.createTable('core_custom_field_set', (t) => {
    tenantColumn(t);
    t.text('module_id').notNullable();
    t.text('record_type').notNullable();
    t.jsonb('schema').notNullable();
    t.jsonb('ui_schema').notNullable().defaultTo('{}');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'module_id', 'record_type']);
  });
  await protectTenantTable(knex, 'core_custom_field_set');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('core_custom_field_set');
  await knex.schema.dropTable('core_tenant_module');
  await knex.schema.dropTable('core_person_role');
  await knex.schema.dropTable('core_role_permission');
  await knex.schema.dropTable('core_role');
}
