import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

/**
 * 镇呼县应 requests can be accepted (受理), transferred to another department (转办) and returned
 * (退回): two more statuses, who accepted or returned and why, and each step on its own row
 * (`dispatch_request_step`) so a request shows the way it went.
 */
export async function up(knex: Knex): Promise<void> {
  await dropStatusCheck(knex);
  await knex.schema.alterTable('dispatch_request', (t) => {
    t.uuid('accepted_by');
    t.timestamp('accepted_at', { useTz: true });
    t.text('return_reason');
    t.uuid('returned_by');
    t.timestamp('returned_at', { useTz: true });
    t.check("status in ('open', 'accepted', 'responded', 'rated', 'returned')", [], 'dispatch_request_status_check');
  });
  await knex.schema.createTable('dispatch_request_step', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('request_id').notNullable();
    t.text('kind').notNullable();
    t.uuid('from_unit_id').notNullable();
    t.uuid('to_unit_id');
    t.text('reason');
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'request_id']).references(['tenant_id', 'id']).inTable('dispatch_request').onDelete('CASCADE');
    t.foreign(['tenant_id', 'from_unit_id']).references(['tenant_id', 'id']).inTable('core_unit');
    t.foreign(['tenant_id', 'to_unit_id']).references(['tenant_id', 'id']).inTable('core_unit');
    t.index(['tenant_id', 'request_id', 'created_at']);
    t.check("kind in ('accepted', 'transferred', 'returned')");
  });
  await protectTenantTable(knex, 'dispatch_request_step');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('dispatch_request_step');
  await knex.raw("update dispatch_request set status = 'open' where status in ('accepted', 'returned')");
  await dropStatusCheck(knex);
  await knex.schema.alterTable('dispatch_request', (t) => {
    t.dropColumns('accepted_by', 'accepted_at', 'return_reason', 'returned_by', 'returned_at');
    t.check("status in ('open', 'responded', 'rated')", [], 'dispatch_request_status_check');
  });
}

/** The status check of 001 has a generated name: find it by what it checks. */
async function dropStatusCheck(knex: Knex): Promise<void> {
  const found = await knex.raw(
    `select conname from pg_constraint where conrelid = 'dispatch_request'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%status%'`,
  );
  for (const row of found.rows as { conname: string }[]) await knex.raw('alter table dispatch_request drop constraint ??', [row.conname]);
}
