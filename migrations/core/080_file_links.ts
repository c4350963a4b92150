import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../core/db/rls.ts';

/**
 * Which records a stored file is attached to (core/files/file-links.ts): a file is readable by
 * whoever may read one of its records, as the owning module decides; a file attached to nothing
 * by its uploader only. A file may belong to several records (a photo kept across edits).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('core_file_link', (t) => {
    tenantColumn(t);
    t.uuid('file_id').notNullable();
    t.text('module').notNullable();
    t.text('record_kind').notNullable();
    t.text('record_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'file_id', 'module', 'record_kind', 'record_id']);
    t.foreign(['tenant_id', 'file_id']).references(['tenant_id', 'id']).inTable('core_file').onDelete('CASCADE');
    t.index(['tenant_id', 'module', 'record_kind', 'record_id']);
  });
  await protectTenantTable(knex, 'core_file_link');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('core_file_link');
}
