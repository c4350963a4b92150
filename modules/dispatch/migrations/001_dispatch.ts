import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

type Table = Knex.CreateTableBuilder;

function timestamps(t: Table, knex: Knex): void {
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
}

function belongsTo(t: Table, column: string, table: string, onDelete?: 'CASCADE'): void {
  const reference = t.foreign(['tenant_id', column]).references(['tenant_id', 'id']).inTable(table);
  if (onDelete) reference.onDelete(onDelete);
}

/**
 * Task dispatch and supervision: tasks, the tree of assignments (dispatch and re-dispatch),
 * report periods, reports with review and cards, computed lights with their history, the
 * reminder ledger, extensions, escalations, leaders' instructions, follows, comments, the
 * timeline, bottom-up requests and aggregation exports.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('dispatch_task', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('title').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.text('category').notNullable().defaultTo('');
    t.text('priority').notNullable().defaultTo('normal');
    // The supervising (牵头督办) unit: supervisors reach a task through it.
    t.uuid('owner_unit_id').notNullable();
    t.timestamp('deadline', { useTz: true }).notNullable();
    t.jsonb('attachment_ids').notNullable().defaultTo('[]');
    // The report form: a frozen version of a forms module form, or none.
    t.uuid('report_form_id');
    t.integer('report_form_version');
    // Recurring reports: an RRULE (weekly, monthly, quarterly presets are RRULEs too).
    t.text('cadence');
    t.text('cadence_rule');
    t.integer('report_due_days');
    t.date('cadence_until');
    t.text('status').notNullable().defaultTo('active');
    // Rolled up from the top-level assignments on every recomputation: lists read them as they are.
    t.text('light').notNullable().defaultTo('white');
    t.integer('progress').notNullable().defaultTo(0);
    t.integer('assignment_count').notNullable().defaultTo(0);
    t.uuid('created_by');
    timestamps(t, knex);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('closed_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'owner_unit_id', 'core_unit');
    t.index(['tenant_id', 'status', 'created_at', 'id']);
    t.index(['tenant_id', 'owner_unit_id']);
    t.check("priority in ('low', 'normal', 'high', 'urgent')");
    t.check("status in ('active', 'closed')");
    t.check("light in ('white', 'blue', 'green', 'yellow', 'red')");
    t.check("cadence is null or cadence in ('weekly', 'monthly', 'quarterly', 'rrule')");
    t.check('(cadence is null) = (cadence_rule is null)');
    t.check('(report_form_id is null) = (report_form_version is null)');
  });
  await knex.raw('create index dispatch_task_title_trgm_idx on dispatch_task using gin (title gin_trgm_ops)');
  await protectTenantTable(knex, 'dispatch_task');

  await knex.schema.createTable('dispatch_assignment', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    // Null for the units the task was dispatched to; set for re-dispatched subtasks.
    t.uuid('parent_id');
    // Materialised path '/<top assignment id>/.../<id>/': rollups and subtree reads are prefix matches.
    t.text('path').notNullable();
    t.integer('depth').notNullable();
    t.uuid('unit_id').notNullable();
    t.uuid('person_id');
    t.text('role').notNullable().defaultTo('lead');
    t.text('instructions').notNullable().defaultTo('');
    t.timestamp('deadline', { useTz: true }).notNullable();
    // The deadline as first set, kept when an extension moves `deadline`.
    t.timestamp('original_deadline', { useTz: true }).notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.integer('progress').notNullable().defaultTo(0);
    // The latest accepted-or-pending report said something is wrong.
    t.boolean('problem').notNullable().defaultTo(false);
    t.text('light').notNullable().defaultTo('white');
    t.text('light_cause').notNullable().defaultTo('not_started');
    t.timestamp('light_changed_at', { useTz: true });
    t.integer('child_count').notNullable().defaultTo(0);
    t.integer('escalation_level').notNullable().defaultTo(0);
    t.uuid('dispatched_by');
    timestamps(t, knex);
    t.timestamp('opened_at', { useTz: true });
    t.timestamp('completed_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    belongsTo(t, 'unit_id', 'core_unit');
    belongsTo(t, 'person_id', 'core_person');
    t.foreign(['tenant_id', 'parent_id']).references(['tenant_id', 'id']).inTable('dispatch_assignment').onDelete('CASCADE');
    // One assignment per unit among siblings: dispatching twice to a unit is a 409.
    t.unique(['tenant_id', 'task_id', 'parent_id', 'unit_id'], {
      indexName: 'dispatch_assignment_sibling_unit_unique',
      useConstraint: false,
    });
    // "My pending": the open work of a unit, most urgent first.
    t.index(['tenant_id', 'unit_id', 'status', 'deadline']);
    t.index(['tenant_id', 'person_id', 'status']);
    t.index(['tenant_id', 'task_id', 'depth']);
    // The light schedule and the reminder scan walk open assignments by deadline.
    t.index(['tenant_id', 'status', 'deadline']);
    t.check("role in ('lead', 'co')");
    t.check("status in ('pending', 'open', 'submitted', 'done', 'closed')");
    t.check('progress between 0 and 100');
    t.check("light in ('white', 'blue', 'green', 'yellow', 'red')");
    t.check('depth >= 0');
    t.check('escalation_level between 0 and 3');
  });
  // Top-level assignments have no parent: a plain unique index sees nulls as distinct.
  await knex.raw(
    'create unique index dispatch_assignment_top_unit_unique on dispatch_assignment (tenant_id, task_id, unit_id) where parent_id is null',
  );
  await knex.raw('create index dispatch_assignment_path_idx on dispatch_assignment (tenant_id, path text_pattern_ops)');
  await protectTenantTable(knex, 'dispatch_assignment');

  await knex.schema.createTable('dispatch_report_period', (t) => {
    tenantColumn(t);
    t.uuid('task_id').notNullable();
    t.text('period_key').notNullable();
    t.date('starts_on').notNullable();
    t.date('ends_on').notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'task_id', 'period_key']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    t.index(['tenant_id', 'due_at']);
  });
  await protectTenantTable(knex, 'dispatch_report_period');

  await knex.schema.createTable('dispatch_report', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('assignment_id').notNullable();
    t.text('period_key');
    t.integer('progress').notNullable();
    t.text('text').notNullable().defaultTo('');
    t.jsonb('photo_ids').notNullable().defaultTo('[]');
    t.boolean('problem').notNullable().defaultTo(false);
    t.integer('form_version');
    t.jsonb('form_data');
    t.text('status').notNullable().defaultTo('submitted');
    t.text('review_reason');
    t.uuid('reviewed_by');
    t.timestamp('reviewed_at', { useTz: true });
    t.uuid('submitted_by').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
    t.foreign(['tenant_id', 'task_id', 'period_key']).references(['tenant_id', 'task_id', 'period_key']).inTable('dispatch_report_period');
    t.index(['tenant_id', 'assignment_id', 'created_at']);
    t.index(['tenant_id', 'task_id', 'period_key']);
    t.index(['tenant_id', 'status', 'created_at']);
    t.check("status in ('submitted', 'accepted', 'returned')");
    t.check('progress between 0 and 100');
  });
  await protectTenantTable(knex, 'dispatch_report');

  await knex.schema.createTable('dispatch_card', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('report_id').notNullable();
    t.uuid('assignment_id').notNullable();
    t.text('color').notNullable();
    t.text('reason').notNullable();
    t.uuid('given_by').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'report_id', 'dispatch_report', 'CASCADE');
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
    // One card per report: a second is a 409, not a silent overwrite.
    t.unique(['tenant_id', 'report_id']);
    t.index(['tenant_id', 'assignment_id']);
    t.check("color in ('green', 'yellow', 'red')");
  });
  await protectTenantTable(knex, 'dispatch_card');

  await knex.schema.createTable('dispatch_light_change', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('assignment_id').notNullable();
    t.text('from_light');
    t.text('to_light').notNullable();
    t.text('cause').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
    t.index(['tenant_id', 'assignment_id', 'created_at']);
    t.index(['tenant_id', 'task_id', 'created_at']);
  });
  await protectTenantTable(knex, 'dispatch_light_change', 'append-only');

  // The reminder ledger: a reminder is sent when its row is inserted, so one unique key per
  // (assignment, kind, occasion) means never twice, whatever restarts or retries happen.
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
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
    t.unique(['tenant_id', 'assignment_id', 'kind', 'occasion']);
    t.index(['tenant_id', 'task_id', 'created_at']);
    t.check("kind in ('unopened', 'before_deadline', 'overdue', 'urge', 'period_due')");
  });
  await protectTenantTable(knex, 'dispatch_reminder');

  await knex.schema.createTable('dispatch_extension', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('assignment_id').notNullable();
    t.timestamp('current_deadline', { useTz: true }).notNullable();
    t.timestamp('requested_deadline', { useTz: true }).notNullable();
    t.text('reason').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.text('decision_reason');
    t.uuid('requested_by').notNullable();
    t.uuid('decided_by');
    t.timestamp('decided_at', { useTz: true });
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
    t.index(['tenant_id', 'assignment_id', 'created_at']);
    t.index(['tenant_id', 'status', 'created_at']);
    t.check("status in ('pending', 'granted', 'refused')");
  });
  // At most one open request per assignment.
  await knex.raw(
    "create unique index dispatch_extension_one_pending on dispatch_extension (tenant_id, assignment_id) where status = 'pending'",
  );
  await protectTenantTable(knex, 'dispatch_extension');

  await knex.schema.createTable('dispatch_escalation', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('assignment_id').notNullable();
    t.text('level').notNullable();
    t.text('text').notNullable();
    // An interview (约谈) record: when, where, who attended, what was agreed.
    t.jsonb('record');
    t.uuid('created_by');
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
    t.index(['tenant_id', 'assignment_id', 'created_at']);
    t.check("level in ('urge', 'notice', 'interview')");
  });
  await protectTenantTable(knex, 'dispatch_escalation');

  await knex.schema.createTable('dispatch_instruction', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.text('text').notNullable();
    t.uuid('given_by').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    t.index(['tenant_id', 'task_id', 'created_at']);
  });
  await protectTenantTable(knex, 'dispatch_instruction');

  await knex.schema.createTable('dispatch_instruction_ack', (t) => {
    tenantColumn(t);
    t.uuid('instruction_id').notNullable();
    t.uuid('assignment_id').notNullable();
    t.uuid('acknowledged_by').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'instruction_id', 'assignment_id']);
    belongsTo(t, 'instruction_id', 'dispatch_instruction', 'CASCADE');
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
  });
  await protectTenantTable(knex, 'dispatch_instruction_ack');

  await knex.schema.createTable('dispatch_follow', (t) => {
    tenantColumn(t);
    t.uuid('task_id').notNullable();
    t.uuid('user_id').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'task_id', 'user_id']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    belongsTo(t, 'user_id', 'core_user', 'CASCADE');
    t.index(['tenant_id', 'user_id']);
  });
  await protectTenantTable(knex, 'dispatch_follow');

  await knex.schema.createTable('dispatch_comment', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('assignment_id');
    t.uuid('reply_to_id');
    t.text('text').notNullable();
    t.jsonb('photo_ids').notNullable().defaultTo('[]');
    t.uuid('author_id').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    belongsTo(t, 'assignment_id', 'dispatch_assignment', 'CASCADE');
    belongsTo(t, 'reply_to_id', 'dispatch_comment', 'CASCADE');
    t.index(['tenant_id', 'task_id', 'created_at']);
  });
  await protectTenantTable(knex, 'dispatch_comment');

  // The timeline of a task: every action appends one entry; nothing is rewritten.
  await knex.schema.createTable('dispatch_timeline', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('assignment_id');
    t.text('kind').notNullable();
    t.uuid('actor_id');
    t.jsonb('data').notNullable().defaultTo('{}');
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    t.index(['tenant_id', 'task_id', 'created_at', 'id']);
  });
  await protectTenantTable(knex, 'dispatch_timeline', 'append-only');

  // 镇呼县应: a town calls, a county department answers, the town rates the answer.
  await knex.schema.createTable('dispatch_request', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('from_unit_id').notNullable();
    t.uuid('to_unit_id').notNullable();
    t.text('title').notNullable();
    t.text('body').notNullable().defaultTo('');
    t.jsonb('photo_ids').notNullable().defaultTo('[]');
    t.text('status').notNullable().defaultTo('open');
    t.text('response');
    t.jsonb('response_photo_ids').notNullable().defaultTo('[]');
    t.uuid('responded_by');
    t.timestamp('responded_at', { useTz: true });
    t.integer('rating');
    t.text('rating_comment');
    t.timestamp('rated_at', { useTz: true });
    t.timestamp('due_at', { useTz: true });
    t.uuid('created_by').notNullable();
    timestamps(t, knex);
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'from_unit_id', 'core_unit');
    belongsTo(t, 'to_unit_id', 'core_unit');
    t.index(['tenant_id', 'to_unit_id', 'status', 'created_at']);
    t.index(['tenant_id', 'from_unit_id', 'created_at']);
    t.check("status in ('open', 'responded', 'rated')");
    t.check('rating is null or rating between 1 and 5');
    t.check('from_unit_id <> to_unit_id');
  });
  await protectTenantTable(knex, 'dispatch_request');

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
    timestamps(t, knex);
    t.timestamp('finished_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    belongsTo(t, 'task_id', 'dispatch_task', 'CASCADE');
    belongsTo(t, 'file_id', 'core_file');
    t.index(['tenant_id', 'requested_by', 'created_at']);
    t.check("status in ('queued', 'running', 'done', 'failed')");
  });
  await protectTenantTable(knex, 'dispatch_export');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'dispatch_export',
    'dispatch_request',
    'dispatch_timeline',
    'dispatch_comment',
    'dispatch_follow',
    'dispatch_instruction_ack',
    'dispatch_instruction',
    'dispatch_escalation',
    'dispatch_extension',
    'dispatch_reminder',
    'dispatch_light_change',
    'dispatch_card',
    'dispatch_report',
    'dispatch_report_period',
    'dispatch_assignment',
    'dispatch_task',
  ]) {
    await knex.schema.dropTable(table);
  }
}
