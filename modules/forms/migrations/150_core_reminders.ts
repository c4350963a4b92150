import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

/** The minute of a manual reminder as its occasion writes it (JavaScript's `toISOString().slice(0, 16)`). */
const MINUTE_SQL = `to_char(r.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI')`;

/**
 * Forms' reminder ledger moves to core's (core/notify/notify-once.ts, core migration 150): each
 * row becomes one about its assignee, `auto` with the period key as occasion (still once per
 * period), `manual` with the period and the minute (two in one minute, which the one-minute
 * window never allowed, would keep both: the later gets its id appended). The collection, the
 * period and the number of accounts told go into its data. Tenant by tenant, because row-level
 * security applies to the table owner too.
 */
export async function up(knex: Knex): Promise<void> {
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into core_reminder (tenant_id, id, module, subject_kind, subject_id, kind, occasion, notified, sent_by, sent_at, data)
       select r.tenant_id, r.id, 'forms', 'assignee', r.assignee_id, r.kind,
         case when r.kind = 'auto' then r.period_key
           else r.period_key || '/' || ${MINUTE_SQL} || case when row_number() over (partition by r.assignee_id, r.kind, r.period_key, ${MINUTE_SQL} order by r.sent_at, r.id) > 1 then '#' || r.id::text else '' end
         end,
         true, r.sent_by, r.sent_at,
         jsonb_build_object('collectionId', r.collection_id, 'periodKey', r.period_key, 'userCount', r.user_count)
       from forms_reminder r
       where r.tenant_id = ?`,
      [id],
    );
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
  await knex.schema.dropTable('forms_reminder');
}

/** Back to forms' own ledger (as migration 001 made it), with the rows forms keeps in core's. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('forms_reminder', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('collection_id').notNullable();
    t.text('period_key').notNullable();
    t.uuid('assignee_id').notNullable();
    t.text('kind').notNullable();
    t.integer('user_count').notNullable();
    t.uuid('sent_by');
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'collection_id', 'period_key'])
      .references(['tenant_id', 'collection_id', 'period_key'])
      .inTable('forms_period')
      .onDelete('CASCADE');
    t.foreign(['tenant_id', 'assignee_id']).references(['tenant_id', 'id']).inTable('forms_collection_assignee').onDelete('CASCADE');
    t.index(['tenant_id', 'collection_id', 'period_key', 'sent_at']);
    t.check("kind in ('auto', 'manual')");
  });
  await knex.raw(
    "create unique index forms_reminder_auto_once on forms_reminder (tenant_id, collection_id, period_key, assignee_id) where kind = 'auto'",
  );
  await protectTenantTable(knex, 'forms_reminder');
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into forms_reminder (tenant_id, id, collection_id, period_key, assignee_id, kind, user_count, sent_by, sent_at)
       select r.tenant_id, r.id, (r.data->>'collectionId')::uuid, r.data->>'periodKey', r.subject_id, r.kind, (r.data->>'userCount')::int, r.sent_by, r.sent_at
       from core_reminder r
       join forms_collection_assignee a on a.tenant_id = r.tenant_id and a.id = r.subject_id
       where r.tenant_id = ? and r.module = 'forms' and r.subject_kind = 'assignee'`,
      [id],
    );
    await knex.raw(`delete from core_reminder where tenant_id = ? and module = 'forms'`, [id]);
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
}
