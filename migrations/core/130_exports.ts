import type { Knex } from 'knex';
import { createTenantTable } from '../../core/db/tenant-table.ts';

/**
 * One table for every module's export jobs (core/exports/): who asked, which module writes it
 * and what kind, its title, the request as the module validated it, its state and progress, and
 * once done the stored file. The modules' own export tables move here (their migrations 130).
 */
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(
    knex,
    'core_export',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('requested_by').notNullable();
      t.text('module').notNullable();
      t.text('kind').notNullable();
      t.text('title').notNullable();
      t.jsonb('params').notNullable().defaultTo('{}');
      // A permission the requester must still hold to see the export and read its file (null: none).
      t.text('permission');
      t.text('status').notNullable().defaultTo('queued');
      // Progress: units of work done of the total (rows, assignments), as the module counts them.
      t.integer('total').notNullable().defaultTo(0);
      t.integer('done').notNullable().defaultTo(0);
      t.uuid('file_id');
      t.text('file_name');
      t.text('error');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('started_at', { useTz: true });
      t.timestamp('finished_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      // "My exports", newest first (ids are uuid v7: they order by creation).
      t.index(['tenant_id', 'requested_by', 'id']);
      t.check("status in ('queued', 'running', 'done', 'failed')", [], 'core_export_status_check');
      t.check('done >= 0 and done <= total', [], 'core_export_progress_check');
      t.check("(status = 'done') = (file_id is not null)", [], 'core_export_file_check');
    },
    {
      keys: (t) => {
        t.foreign(['tenant_id', 'requested_by']).references(['tenant_id', 'id']).inTable('core_user').onDelete('CASCADE');
        t.foreign(['tenant_id', 'file_id']).references(['tenant_id', 'id']).inTable('core_file');
      },
    },
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('core_export');
}
