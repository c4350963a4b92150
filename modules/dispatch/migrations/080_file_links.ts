import type { Knex } from 'knex';

/**
 * Attaches the files dispatch records already hold to those records (core_file_link, core
 * migration 080), so their readers keep reading them under the file rule: task attachments,
 * report photos and report-form files, comment photos, request and answer photos, aggregation
 * workbooks. Tenant by tenant, because row-level security applies to the table owner too.
 */
export async function up(knex: Knex): Promise<void> {
  const tenants: { id: string }[] = await knex('core_tenant').select('id');
  for (const { id } of tenants) {
    await knex.raw("select set_config('app.tenant_id', ?, true)", [id]);
    await knex.raw(
      `insert into core_file_link (tenant_id, file_id, module, record_kind, record_id)
       select f.tenant_id, f.id, 'dispatch', x.kind, x.record_id
       from (
         select tenant_id, 'task' as kind, id::text as record_id, jsonb_array_elements_text(attachment_ids) as file_id from dispatch_task
         union all select tenant_id, 'report', id::text, jsonb_array_elements_text(photo_ids) from dispatch_report
         union all select tenant_id, 'report', id::text, jsonb_path_query(form_data, 'strict $.**') #>> '{}' from dispatch_report where form_data is not null
         union all select tenant_id, 'comment', id::text, jsonb_array_elements_text(photo_ids) from dispatch_comment
         union all select tenant_id, 'request', id::text, jsonb_array_elements_text(photo_ids || response_photo_ids) from dispatch_request
         union all select tenant_id, 'export', id::text, file_id::text from dispatch_export where file_id is not null
       ) x
       join core_file f on f.tenant_id = x.tenant_id and f.id::text = lower(x.file_id)
       where x.tenant_id = ?
       on conflict do nothing`,
      [id],
    );
  }
  await knex.raw("select set_config('app.tenant_id', '', true)");
}

export async function down(knex: Knex): Promise<void> {
  await knex('core_file_link').where({ module: 'dispatch' }).delete();
}
