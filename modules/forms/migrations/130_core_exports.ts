import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

/** Said of an export that was waiting or running when the platform was upgraded: its job went with the old table. */
const INTERRUPTED = 'Interrupted by a platform upgrade; please export again';

/**
 * Forms' export jobs move to core's one export table (core/exports/, core migration 130): every
 * row keeps its id, requester, state, progress, times and file (a done export keeps its file,
 * now attached to the core export), the form and the data scope go into its params, and
 * `forms.results` stays required to read it. An export still queued or running is marked failed
 * (its job was queued for the old table), its requester may simply ask again. Tenant by tenant,
 * because row-level security applies to the table owner too.
 */
export async function up(knex: Knex): Promise<void> {
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  const now = new Date();
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into core_export (tenant_id, id, requested_by, module, kind, title, params, permission, status, total, done, file_id, file_name, error, created_at, started_at, finished_at)
       select e.tenant_id, e.id, e.requested_by, 'forms', e.kind,
         coalesce(regexp_replace(f.name, '\\.(xlsx|zip)$', ''), fm.name || '-' || case e.kind when 'list' then '填报数据' when 'statistics' then '统计' else '照片' end),
         e.params || jsonb_build_object('formId', e.form_id, 'scope', e.scope),
         'forms.results',
         case when e.status in ('queued', 'running') then 'failed' else e.status end,
         e.rows_total, e.rows_done, e.file_id, f.name,
         case when e.status in ('queued', 'running') then ? else e.error end,
         e.created_at, e.started_at,
         case when e.status in ('queued', 'running') then ?::timestamptz else e.finished_at end
       from forms_export e
       join forms_form fm on fm.tenant_id = e.tenant_id and fm.id = e.form_id
       left join core_file f on f.tenant_id = e.tenant_id and f.id = e.file_id
       where e.tenant_id = ?`,
      [INTERRUPTED, now, id],
    );
    await knex.raw(`update core_file_link set module = 'core' where tenant_id = ? and module = 'forms' and record_kind = 'export'`, [id]);
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
  // The old queue's jobs would wait for a worker that no longer exists.
  await knex.raw(`delete from pgboss.job where name = 'forms.export'`);
  await knex.schema.dropTable('forms_export');
}

/** Back to forms' own table (as migrations 002 and 011 made it), with the rows forms' exports hold in core's. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('forms_export', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('form_id').notNullable();
    t.text('kind').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    t.jsonb('params').notNullable();
    t.jsonb('scope').notNullable();
    t.uuid('requested_by').notNullable();
    t.integer('rows_total').notNullable().defaultTo(0);
    t.integer('rows_done').notNullable().defaultTo(0);
    t.uuid('file_id');
    t.text('error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'form_id']).references(['tenant_id', 'id']).inTable('forms_form').onDelete('CASCADE');
    t.foreign(['tenant_id', 'requested_by']).references(['tenant_id', 'id']).inTable('core_user').onDelete('CASCADE');
    t.foreign(['tenant_id', 'file_id']).references(['tenant_id', 'id']).inTable('core_file');
    t.index(['tenant_id', 'requested_by', 'created_at']);
    t.index(['tenant_id', 'form_id']);
    t.check("kind in ('list', 'statistics', 'photos')", [], 'forms_export_kind_check');
    t.check("status in ('queued', 'running', 'done', 'failed')");
    t.check('rows_done >= 0 and rows_done <= rows_total');
    t.check("(status = 'done') = (file_id is not null)");
  });
  await protectTenantTable(knex, 'forms_export');
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into forms_export (tenant_id, id, form_id, kind, status, params, scope, requested_by, rows_total, rows_done, file_id, error, created_at, started_at, finished_at)
       select x.tenant_id, x.id, (x.params->>'formId')::uuid, x.kind, x.status, x.params - 'formId' - 'scope', x.params->'scope', x.requested_by, x.total, x.done, x.file_id, x.error, x.created_at, x.started_at, x.finished_at
       from core_export x
       join forms_form fm on fm.tenant_id = x.tenant_id and fm.id = (x.params->>'formId')::uuid
       where x.tenant_id = ? and x.module = 'forms'`,
      [id],
    );
    await knex.raw(
      `update core_file_link l set module = 'forms' from core_export x
       where l.tenant_id = ? and l.module = 'core' and l.record_kind = 'export' and x.tenant_id = l.tenant_id and x.id::text = l.record_id and x.module = 'forms'`,
      [id],
    );
    await knex.raw(`delete from core_export where tenant_id = ? and module = 'forms'`, [id]);
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
}
