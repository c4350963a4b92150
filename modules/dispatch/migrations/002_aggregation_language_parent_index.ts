import type { Knex } from 'knex';

/**
 * The language an aggregation workbook is written in, fixed when it is queued (the job runs
 * without the request). And an index of subtasks by parent: "my pending" finds the reports of the
 * subtasks a unit re-dispatched through it (a sequential scan of every assignment without it: 50 ms
 * at 100,000 assignments, 0.1 ms with it), and deleting a parent cascades to its children through it.
 * And a unit's open top-level assignments with their tasks, read without a heap visit for the
 * instructions it has to acknowledge (see instruction-pending.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dispatch_export', (t) => {
    t.text('lang').notNullable().defaultTo('zh-CN');
    t.check("lang in ('zh-CN', 'en')", [], 'dispatch_export_lang_check');
  });
  await knex.raw('create index dispatch_assignment_parent_idx on dispatch_assignment (tenant_id, parent_id) where parent_id is not null');
  await knex.raw(
    "create index dispatch_assignment_open_top_idx on dispatch_assignment (tenant_id, unit_id, task_id, id) where depth = 0 and status <> 'closed'",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index dispatch_assignment_open_top_idx');
  await knex.raw('drop index dispatch_assignment_parent_idx');
  await knex.schema.alterTable('dispatch_export', (t) => {
    t.dropChecks(['dispatch_export_lang_check']);
    t.dropColumn('lang');
  });
}
