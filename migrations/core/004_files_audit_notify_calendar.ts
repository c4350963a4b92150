import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../core/db/rls.ts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('core_file', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.text('content_type').notNullable();
    t.bigInteger('size_bytes').notNullable();
    t.text('sha256').notNullable();
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
  });
  await protectTenantTable(knex, 'core_file');

  await knex.schema.createTable('core_audit_log', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('actor_user_id');
    t.text('action').notNullable();
    t.text('record_type').notNullable();
    t.text('record_id').notNullable();
    t.jsonb('data').notNullable().defaultTo('{}');
    t.primary(['tenant_id', 'id']);
    t.index(['tenant_id', 'record_type', 'record_id', 'at']);
    t.index(['tenant_id', 'actor_user_id', 'at']);
    t.index(['tenant_id', 'at']);
  });
  // Append-only: the runtime role may read and insert, never update or delete.
  await protectTenantTable(knex, 'core_audit_log', 'append-only');

  await knex.schema.createTable('core_notification', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('user_id').notNullable();
    t.text('kind').notNullable();
    t.text('title').notNullable();
    t.text('body').notNullable().defaultTo('');
    t.text('link');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'user_id']).references(['tenant_id', 'id']).inTable('core_user').onDelete('CASCADE');
    t.index(['tenant_id', 'user_id', 'created_at']);
  });
  await knex.raw('create index core_notification_unread_idx on core_notification (tenant_id, user_id) where read_at is null');
  await protectTenantTable(knex, 'core_notification');

  await knex.schema.createTable('core_sms_outbox', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('phone').notNullable();
    t.text('body').notNullable();
    t.text('dedupe_key').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'dedupe_key']);
    t.check("status in ('pending', 'sent', 'failed')");
  });
  await protectTenantTable(knex, 'core_sms_outbox');

  await knex.schema.createTable('core_calendar_day', (t) => {
    tenantColumn(t);
    t.date('day').notNullable();
    t.text('kind').notNullable();
    t.text('name').notNullable().defaultTo('');
    t.primary(['tenant_id', 'day']);
    t.check("kind in ('holiday', 'workday')");
  });
  await protectTenantTable(knex, 'core_calendar_day');

  await knex.schema.createTable('core_idempotency_key', (t) => {
    tenantColumn(t);
    t.uuid('user_id').notNullable();
    t.text('key').notNullable();
    t.text('route').notNullable();
    t.integer('status_code').notNullable();
    t.jsonb('response').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'user_id', 'key']);
    t.foreign(['tenant_id', 'user_id']).references(['tenant_id', 'id']).inTable('core_user').onDelete('CASCADE');
  });
  await protectTenantTable(knex, 'core_idempotency_key');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'core_idempotency_key',
    'core_calendar_day',
    'core_sms_outbox',
    'core_notification',
    'core_audit_log',
    'core_file',
  ]) {
    await knex.schema.dropTable(table);
  }
}
