import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

/** Export jobs: a large list or statistics export written in the background, with its progress and file. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('forms_export', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('form_id').notNullable();
    t.text('kind').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    // The request as validated (filters, sort, fields, groupBy) and the requester's data scope at
    // that moment: the job exports what the requester could see when asking.
    t.jsonb('params').notNullable();
    t.jsonb('scope').notNullable();
    t.uuid('requested_by').notNullable();
    // Progress: units of work done of the total (submission rows per sheet pass; 1 for statistics).
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
    t.check("kind in ('list', 'statistics')");
    t.check("status in ('queued', 'running', 'done', 'failed')");
    t.check('rows_done >= 0 and rows_done <= rows_total');
    t.check("(status = 'done') = (file_id is not null)");
  });
  await protectTenantTable(knex, 'forms_export');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('forms_export');
}
