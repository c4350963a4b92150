import type { Knex } from 'knex';

/**
 * The reminder sweep reads only waiting tasks not yet reminded, oldest first: a partial index
 * holds just those, so tasks reminded long ago or decided cost the hourly run nothing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `create index approval_task_unreminded_idx on approval_task (tenant_id, created_at) where status = 'waiting' and reminded_at is null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index approval_task_unreminded_idx');
}
