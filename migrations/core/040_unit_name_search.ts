import type { Knex } from 'knex';

/**
 * The directory lookup (`GET /directory/units?q=`) finds units by a part of their name, Chinese
 * included: a trigram index serves `name ilike '%…%'`, as 002's do for people's names and phones.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index core_unit_name_trgm_idx on core_unit using gin (name gin_trgm_ops)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index core_unit_name_trgm_idx');
}
