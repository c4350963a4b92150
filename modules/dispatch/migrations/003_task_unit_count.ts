import type { Knex } from 'knex';

/**
 * How many units a task was dispatched to (its top-level assignments), beside `assignment_count`
 * (every node, re-dispatched subtasks included): lists show "责任单位数" without counting the tree.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dispatch_task', (t) => {
    t.integer('unit_count').notNullable().defaultTo(0);
  });
  await knex.raw(
    'update dispatch_task t set unit_count = (select count(*) from dispatch_assignment a where a.tenant_id = t.tenant_id and a.task_id = t.id and a.parent_id is null)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dispatch_task', (t) => {
    t.dropColumn('unit_count');
  });
}
