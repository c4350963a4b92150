import type { Knex } from 'knex';

/**
 * `forms_submission.assignee_id` was cleared by `ON DELETE SET NULL (assignee_id)`, which Citus
 * refuses on a key that includes the distribution column (tenant_id). Assignees are never
 * deleted one by one (only with their tenant, together with the submissions), so the key becomes
 * a plain one; code that ever deletes an assignee must clear `assignee_id` first.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table forms_submission drop constraint forms_submission_assignee_fk');
  await knex.raw(
    'alter table forms_submission add constraint forms_submission_assignee_fk foreign key (tenant_id, assignee_id) references forms_collection_assignee (tenant_id, id)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table forms_submission drop constraint forms_submission_assignee_fk');
  await knex.raw(
    'alter table forms_submission add constraint forms_submission_assignee_fk foreign key (tenant_id, assignee_id) references forms_collection_assignee (tenant_id, id) on delete set null (assignee_id)',
  );
}
