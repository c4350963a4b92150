import type { Knex } from 'knex';

/**
 * The audit trail list filters by action or by record type alone (e.g. every password reset,
 * every change to roles), newest first. The indexes of 004 serve the record, actor and time
 * filters; without these two, a rare action or type walks the tenant's whole (tenant_id, at)
 * index.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_audit_log', (t) => {
    t.index(['tenant_id', 'action', 'at'], 'core_audit_log_tenant_action_at_idx');
    t.index(['tenant_id', 'record_type', 'at'], 'core_audit_log_tenant_record_type_at_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_audit_log', (t) => {
    t.dropIndex(['tenant_id', 'record_type', 'at'], 'core_audit_log_tenant_record_type_at_idx');
    t.dropIndex(['tenant_id', 'action', 'at'], 'core_audit_log_tenant_action_at_idx');
  });
}
