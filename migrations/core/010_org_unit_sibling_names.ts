import type { Knex } from 'knex';

/**
 * Sibling units have distinct names (roots included: NULLS NOT DISTINCT, PostgreSQL 15+), so a
 * name path like `示范县/城关镇` names exactly one unit, which spreadsheet imports rely on.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create unique index core_unit_sibling_name_uq on core_unit (tenant_id, parent_id, name) nulls not distinct');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index core_unit_sibling_name_uq');
}
