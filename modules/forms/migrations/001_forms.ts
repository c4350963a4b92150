import type { Knex } from 'knex';
import { protectTenantTable, tenantColumn } from '../../../core/module-kit.ts';

/** Forms with frozen versions, collections (一月一报) with periods and assignees, submissions, reminders. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('forms_form', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.text('category').notNullable().defaultTo('');
    // The draft being designed; published versions are frozen copies in forms_form_version.
    // json, not jsonb: jsonb reorders keys, and the order of `properties` is the order of the fields.
    t.json('schema').notNullable();
    t.json('ui_schema').notNullable().defaultTo('{}');
    t.integer('latest_version').notNullable().defaultTo(0);
    t.boolean('draft_changed').notNullable().defaultTo(true);
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.index(['tenant_id', 'updated_at', 'id']);
  });
  await protectTenantTable(knex, 'forms_form');

  await knex.schema.createTable('forms_form_version', (t) => {
    tenantColumn(t);
    t.uuid('form_id').notNullable();
    t.integer('version').notNullable();
    t.text('name').notNullable();
    t.json('schema').notNullable();
    t.json('ui_schema').notNullable();
    t.uuid('published_by');
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'form_id', 'version']);
    t.foreign(['tenant_id', 'form_id']).references(['tenant_id', 'id']).inTable('forms_form');
    t.check('version > 0');
  });
  await protectTenantTable(knex, 'forms_form_version');

  await knex.schema.createTable('forms_collection', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('form_id').notNullable();
    t.integer('version').notNullable();
    t.text('name').notNullable();
    t.text('frequency').notNullable();
    t.date('starts_on').notNullable();
    t.date('ends_on');
    t.integer('due_offset').notNullable().defaultTo(0);
    t.text('due_offset_kind').notNullable().defaultTo('days');
    // Only for frequency 'once': the one due date.
    t.date('due_on');
    t.text('status').notNullable().defaultTo('active');
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'form_id', 'version']).references(['tenant_id', 'form_id', 'version']).inTable('forms_form_version');
    t.index(['tenant_id', 'status', 'created_at']);
    t.index(['tenant_id', 'form_id']);
    t.check("frequency in ('once', 'weekly', 'monthly', 'quarterly')");
    t.check("due_offset_kind in ('days', 'working_days')");
    t.check("status in ('active', 'closed')");
    t.check("frequency <> 'once' or due_on is not null");
  });
  await protectTenantTable(knex, 'forms_collection');

  await knex.schema.createTable('forms_collection_assignee', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('collection_id').notNullable();
    t.uuid('unit_id');
    t.uuid('person_id');
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'collection_id']).references(['tenant_id', 'id']).inTable('forms_collection').onDelete('CASCADE');
    t.foreign(['tenant_id', 'unit_id']).references(['tenant_id', 'id']).inTable('core_unit').onDelete('CASCADE');
    t.foreign(['tenant_id', 'person_id']).references(['tenant_id', 'id']).inTable('core_person').onDelete('CASCADE');
    t.unique(['tenant_id', 'collection_id', 'unit_id']);
    t.unique(['tenant_id', 'collection_id', 'person_id']);
    t.index(['tenant_id', 'unit_id']);
    t.index(['tenant_id', 'person_id']);
    t.check('(unit_id is null) <> (person_id is null)');
  });
  await protectTenantTable(knex, 'forms_collection_assignee');

  await knex.schema.createTable('forms_period', (t) => {
    tenantColumn(t);
    t.uuid('collection_id').notNullable();
    t.text('period_key').notNullable();
    t.date('starts_on').notNullable();
    t.date('ends_on').notNullable();
    t.date('due_on').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'collection_id', 'period_key']);
    t.foreign(['tenant_id', 'collection_id']).references(['tenant_id', 'id']).inTable('forms_collection').onDelete('CASCADE');
    t.index(['tenant_id', 'due_on']);
  });
  await protectTenantTable(knex, 'forms_period');

  await knex.schema.createTable('forms_submission', (t) => {
    tenantColumn(t);
    t.uuid('id').notNullable();
    t.uuid('form_id').notNullable();
    t.integer('version').notNullable();
    t.uuid('collection_id');
    t.text('period_key');
    t.uuid('assignee_id');
    // The unit the submission counts for: data scope and group-by read it.
    t.uuid('unit_id');
    t.uuid('person_id');
    t.uuid('submitted_by').notNullable();
    t.text('status').notNullable();
    t.jsonb('data').notNullable();
    // Every text and number of `data`, for substring search (trigram index).
    t.text('search_text').notNullable().defaultTo('');
    t.text('return_reason');
    t.uuid('returned_by');
    t.timestamp('returned_at', { useTz: true });
    t.timestamp('submitted_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'form_id', 'version']).references(['tenant_id', 'form_id', 'version']).inTable('forms_form_version');
    t.foreign(['tenant_id', 'collection_id', 'period_key'])
      .references(['tenant_id', 'collection_id', 'period_key'])
      .inTable('forms_period');
    t.foreign(['tenant_id', 'unit_id']).references(['tenant_id', 'id']).inTable('core_unit');
    t.index(['tenant_id', 'form_id', 'status', 'submitted_at', 'id']);
    t.index(['tenant_id', 'collection_id', 'period_key', 'assignee_id', 'status']);
    t.index(['tenant_id', 'submitted_by', 'updated_at']);
    t.index(['tenant_id', 'unit_id']);
    t.check("status in ('draft', 'submitted', 'returned')");
    t.check('(collection_id is null) = (period_key is null)');
  });
  await knex.raw(
    'alter table forms_submission add constraint forms_submission_assignee_fk foreign key (tenant_id, assignee_id) references forms_collection_assignee (tenant_id, id) on delete set null (assignee_id)',
  );
  // Field filters are jsonb containment (`data @> {...}`): jsonb_path_ops serves them.
  await knex.raw('create index forms_submission_data_idx on forms_submission using gin (data jsonb_path_ops)');
  await knex.raw('create index forms_submission_search_trgm_idx on forms_submission using gin (search_text gin_trgm_ops)');
  await protectTenantTable(knex, 'forms_submission');

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
  // The automatic reminder goes once per assignee and period, however often the job runs.
  await knex.raw(
    "create unique index forms_reminder_auto_once on forms_reminder (tenant_id, collection_id, period_key, assignee_id) where kind = 'auto'",
  );
  await protectTenantTable(knex, 'forms_reminder');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'forms_reminder',
    'forms_submission',
    'forms_period',
    'forms_collection_assignee',
    'forms_collection',
    'forms_form_version',
    'forms_form',
  ]) {
    await knex.schema.dropTable(table);
  }
}
