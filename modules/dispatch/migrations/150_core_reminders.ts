import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

/**
 * Dispatch's reminder ledger moves to core's (core/notify/notify-once.ts, core migration 150):
 * each row becomes one about its assignment with the same kind, occasion, sender and time (so
 * nothing already sent goes again), and the task, the text and the number of recipients go
 * into its data. A row with no text was only recorded (standing for a nearer occasion): it stays
 * recorded, not notified. Tenant by tenant, because row-level security applies to the table
 * owner too.
 */
export async function up(knex: Knex): Promise<void> {
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into core_reminder (tenant_id, id, module, subject_kind, subject_id, kind, occasion, notified, sent_by, sent_at, data)
       select r.tenant_id, r.id, 'dispatch', 'assignment', r.assignment_id, r.kind, r.occasion, r.text <> '', r.sent_by, r.created_at,
         jsonb_build_object('taskId', r.task_id, 'text', r.text, 'recipients', jsonb_array_length(r.user_ids))
       from dispatch_reminder r
       where r.tenant_id = ?`,
      [id],
    );
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
  await knex.schema.dropTable('dispatch_reminder');
}

/**
 * Back to dispatch's own ledger (as migration 001 made it), with the rows dispatch keeps in
 * core's. Core's rows count the recipients rather than list them: `user_ids` comes back as that
 * many nulls, which is all the old code read of it (its length).
 */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('dispatch_reminder', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('assignment_id').notNullable();
    t.text('kind').notNullable();
    t.text('occasion').notNullable();
    t.jsonb('user_ids').notNullable().defaultTo('[]');
    t.text('text').notNullable().defaultTo('');
    t.uuid('sent_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'assignment_id']).references(['tenant_id', 'id']).inTable('dispatch_assignment').onDelete('CASCADE');
    t.unique(['tenant_id', 'assignment_id', 'kind', 'occasion']);
    t.index(['tenant_id', 'task_id', 'created_at']);
    t.check("kind in ('unopened', 'before_deadline', 'overdue', 'urge', 'period_due')");
  });
  await protectTenantTable(knex, 'dispatch_reminder');
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into dispatch_reminder (tenant_id, id, task_id, assignment_id, kind, occasion, user_ids, text, sent_by, created_at)
       select r.tenant_id, r.id, a.task_id, r.subject_id, r.kind, r.occasion,
         (select coalesce(jsonb_agg(null::uuid), '[]'::jsonb) from generate_series(1, (r.data->>'recipients')::int)),
         case when r.notified then r.data->>'text' else '' end, r.sent_by, r.sent_at
       from core_reminder r
       join dispatch_assignment a on a.tenant_id = r.tenant_id and a.id = r.subject_id
       where r.tenant_id = ? and r.module = 'dispatch' and r.subject_kind = 'assignment'`,
      [id],
    );
    await knex.raw(`delete from core_reminder where tenant_id = ? and module = 'dispatch'`, [id]);
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
}
