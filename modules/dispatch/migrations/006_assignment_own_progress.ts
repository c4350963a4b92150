import type { Knex } from 'knex';

/**
 * A unit's own reported progress, kept beside the rolled-up one: a town with villages shows the
 * mean of its villages as `progress`, which hid the 40 % the town itself reported. Filled from
 * each assignment's latest report (a leaf's progress is its own).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dispatch_assignment', (t) => {
    t.integer('own_progress').notNullable().defaultTo(0);
  });
  await knex.raw(`
    update dispatch_assignment a
       set own_progress = coalesce(
         (select r.progress from dispatch_report r
           where r.tenant_id = a.tenant_id and r.assignment_id = a.id
           order by r.created_at desc, r.id desc limit 1),
         case when a.child_count = 0 then a.progress else 0 end)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dispatch_assignment', (t) => {
    t.dropColumn('own_progress');
  });
}
