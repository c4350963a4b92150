import type { Knex } from 'knex';

/**
 * Export jobs of kind `photos`: a `.zip` of the photo and file answers of the filtered
 * submissions. The kind check was created unnamed (PostgreSQL named it), so it is found by
 * what it says and replaced by a named one.
 */
export async function up(knex: Knex): Promise<void> {
  await dropKindCheck(knex);
  await knex.raw("alter table forms_export add constraint forms_export_kind_check check (kind in ('list', 'statistics', 'photos'))");
}

export async function down(knex: Knex): Promise<void> {
  await knex('forms_export').where({ kind: 'photos' }).delete();
  await dropKindCheck(knex);
  await knex.raw("alter table forms_export add constraint forms_export_kind_check check (kind in ('list', 'statistics'))");
}

async function dropKindCheck(knex: Knex): Promise<void> {
  const found = await knex.raw(
    `select conname from pg_constraint
     where conrelid = 'forms_export'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%kind%'`,
  );
  for (const { conname } of found.rows as { conname: string }[]) {
    await knex.raw('alter table forms_export drop constraint ??', [conname]);
  }
}
