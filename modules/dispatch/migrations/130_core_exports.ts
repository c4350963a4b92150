import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

/** Said of an aggregation that was waiting or running when the platform was upgraded: its job went with the old table. */
const INTERRUPTED = 'Interrupted by a platform upgrade; please aggregate again';

/**
 * Dispatch's aggregation exports move to core's one export table (core/exports/, core migration
 * 130) as kind `aggregation`: every row keeps its id, requester, state, progress, times and file
 * (a done aggregation keeps its file, now attached to the core export); the task, period and
 * language go into its params. One still queued or running is marked failed (its job was queued
 * for the old table): its requester may simply ask again. Tenant by tenant, because row-level
 * security applies to the table owner too.
 */
export async function up(knex: Knex): Promise<void> {
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  const now = new Date();
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into core_export (tenant_id, id, requested_by, module, kind, title, params, status, total, done, file_id, file_name, error, created_at, started_at, finished_at)
       select e.tenant_id, e.id, e.requested_by, 'dispatch', 'aggregation',
         coalesce(regexp_replace(f.name, '\\.xlsx$', ''), t.title || '-' || case e.lang when 'en' then 'summary' else '汇总' end || coalesce('-' || e.period_key, '')),
         jsonb_build_object('taskId', e.task_id, 'periodKey', e.period_key, 'lang', e.lang),
         case when e.status = 'done' and f.id is not null then 'done' else 'failed' end,
         greatest(e.total, e.done, 0), greatest(e.done, 0),
         case when e.status = 'done' then f.id end, case when e.status = 'done' then f.name end,
         case when e.status in ('queued', 'running') then ? else e.error end,
         e.created_at, null,
         case when e.status in ('queued', 'running') then ?::timestamptz else e.finished_at end
       from dispatch_export e
       join dispatch_task t on t.tenant_id = e.tenant_id and t.id = e.task_id
       left join core_file f on f.tenant_id = e.tenant_id and f.id = e.file_id
       where e.tenant_id = ?`,
      [INTERRUPTED, now, id],
    );
    await knex.raw(`update core_file_link set module = 'core' where tenant_id = ? and module = 'dispatch' and record_kind = 'export'`, [
      id,
    ]);
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
  // The old queue's jobs would wait for a worker that no longer exists.
  await knex.raw(`delete from pgboss.job where name = 'dispatch.aggregation'`);
  await knex.schema.dropTable('dispatch_export');
}

/** Back to dispatch's own table (as migrations 001 and 002 made it), with the aggregations core's table holds. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('dispatch_export', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.text('period_key');
    t.text('status').notNullable().defaultTo('queued');
    t.integer('total').notNullable().defaultTo(0);
    t.integer('done').notNullable().defaultTo(0);
    t.uuid('file_id');
    t.text('error');
    t.uuid('requested_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.text('lang').notNullable().defaultTo('zh-CN');
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'task_id']).references(['tenant_id', 'id']).inTable('dispatch_task').onDelete('CASCADE');
    t.foreign(['tenant_id', 'file_id']).references(['tenant_id', 'id']).inTable('core_file');
    t.index(['tenant_id', 'requested_by', 'created_at']);
    t.check("status in ('queued', 'running', 'done', 'failed')");
    t.check("lang in ('zh-CN', 'en')", [], 'dispatch_export_lang_check');
  });
  await protectTenantTable(knex, 'dispatch_export');
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into dispatch_export (tenant_id, id, task_id, period_key, status, total, done, file_id, error, requested_by, created_at, finished_at, lang)
       select x.tenant_id, x.id, (x.params->>'taskId')::uuid, x.params->>'periodKey', x.status, x.total, x.done, x.file_id, x.error, x.requested_by, x.created_at, x.finished_at, coalesce(x.params->>'lang', 'zh-CN')
       from core_export x
       join dispatch_task t on t.tenant_id = x.tenant_id and t.id = (x.params->>'taskId')::uuid
       where x.tenant_id = ? and x.module = 'dispatch'`,
      [id],
    );
    await knex.raw(
      `update core_file_link l set module = 'dispatch' from core_export x
       where l.tenant_id = ? and l.module = 'core' and l.record_kind = 'export' and x.tenant_id = l.tenant_id and x.id::text = l.record_id and x.module = 'dispatch'`,
      [id],
    );
    await knex.raw(`delete from core_export where tenant_id = ? and module = 'dispatch'`, [id]);
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
}
