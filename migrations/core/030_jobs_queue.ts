import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import { migrationContext } from '../../core/db/rls.ts';
import { executeOnKnex } from '../../core/jobs/knex-job-db.ts';

// pg-boss's construction script brings its own BEGIN/COMMIT and advisory lock: it cannot run
// inside the transaction knex would wrap this migration in.
export const config = { transaction: false };

/**
 * Installs pg-boss's `pgboss` schema (owned by the owner role, like every table) and lets the
 * runtime role enqueue: read queues, insert jobs and read back only the new job's id, so that
 * a job can be inserted inside a business transaction without the runtime role reading
 * other tenants' job payloads.
 */
export async function up(knex: Knex): Promise<void> {
  const { rows } = await executeOnKnex(knex, `select to_regclass('pgboss.version') as name`);
  if (!rows[0]?.name) await executeOnKnex(knex, PgBoss.getConstructionPlans('pgboss'));
  const role = migrationContext.runtimeRole;
  await knex.raw('grant usage on schema pgboss to ??', [role]);
  await knex.raw('grant select on pgboss.queue to ??', [role]);
  await knex.raw('grant insert on pgboss.job to ??', [role]);
  await knex.raw('grant select (id) on pgboss.job to ??', [role]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop schema if exists pgboss cascade');
}
