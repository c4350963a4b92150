import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../core/db/rls.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('core_unit', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('parent_id');
    t.text('name').notNullable();
    t.text('kind').notNullable();
    t.text('code');
    // Materialised path '/<root id>/.../<id>/': subtree queries are one indexed prefix match.
    t.text('path').notNullable();
    t.integer('depth').notNullable();
    t.integer('sort').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'parent_id']).references(['tenant_id', 'id']).inTable('core_unit');
    t.unique(['tenant_id', 'code']);
    t.index(['tenant_id', 'parent_id', 'sort']);
    t.check("kind in ('county', 'department', 'town', 'village', 'community', 'grid')");
  });
  await knex.raw('create index core_unit_path_idx on core_unit (tenant_id, path text_pattern_ops)');
  await protectTenantTable(knex, 'core_unit');

  await knex.schema.createTable('core_position', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.integer('sort').notNullable().defaultTo(0);
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'name']);
  });
  await protectTenantTable(knex, 'core_position');

  await knex.schema.createTable('core_person', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.text('phone').notNullable();
    t.uuid('unit_id').notNullable();
    t.uuid('position_id');
    t.integer('sort').notNullable().defaultTo(0);
    t.jsonb('custom').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'unit_id']).references(['tenant_id', 'id']).inTable('core_unit');
    t.foreign(['tenant_id', 'position_id']).references(['tenant_id', 'id']).inTable('core_position');
    t.unique(['tenant_id', 'phone']);
    t.index(['tenant_id', 'unit_id', 'sort', 'name']);
    t.index(['tenant_id', 'name', 'id']);
  });
  await knex.raw('create index core_person_name_trgm_idx on core_person using gin (name gin_trgm_ops)');
  await knex.raw('create index core_person_phone_trgm_idx on core_person using gin (phone gin_trgm_ops)');
  await protectTenantTable(knex, 'core_person');

  // Column-list SET NULL (PostgreSQL 15+) keeps tenant_id when the person is deleted.
  await knex.raw(
    'alter table core_user add constraint core_user_person_fk foreign key (tenant_id, person_id) references core_person (tenant_id, id) on delete set null (person_id)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table core_user drop constraint core_user_person_fk');
  await knex.schema.dropTable('core_person');
  await knex.schema.dropTable('core_position');
  await knex.schema.dropTable('core_unit');
}
