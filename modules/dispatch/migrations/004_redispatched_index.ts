import type { Knex } from 'knex';

/**
 * A unit's assignments that have subtasks: "my pending" looks them up on every visit to find the
 * subtasks' reports and extension requests the unit decides on. Few assignments are re-dispatched,
 * so the partial index stays small however large the tenant.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'create index dispatch_assignment_redispatched_idx on dispatch_assignment (tenant_id, unit_id, status) where child_count > 0',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index dispatch_assignment_redispatched_idx');
}
