import type { Knex } from 'knex';

/**
 * `core_user.person_id` was cleared by `ON DELETE SET NULL (person_id)`. Citus refuses SET NULL
 * on a key that includes the distribution column (tenant_id), so the key becomes a plain one and
 * deleting a person clears the link in the same transaction (core/org/person.service.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table core_user drop constraint core_user_person_fk');
  await knex.raw(
    'alter table core_user add constraint core_user_person_fk foreign key (tenant_id, person_id) references core_person (tenant_id, id)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table core_user drop constraint core_user_person_fk');
  await knex.raw(
    'alter table core_user add constraint core_user_person_fk foreign key (tenant_id, person_id) references core_person (tenant_id, id) on delete set null (person_id)',
  );
}
