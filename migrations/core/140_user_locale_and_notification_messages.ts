import type { Knex } from 'knex';

/**
 * Notifications in the reader's language. `core_user.locale` is the language a user chose (null:
 * the county's, `core_tenant.locale`). A server-written notification keeps its message key and
 * parameters beside the text it was first written in: the inbox renders the key in the reader's
 * language of the moment, and falls back to `title`/`body` for older rows, for texts a county
 * wrote itself, and for a key no catalogue holds any more.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_user', (t) => {
    t.text('locale');
  });
  await knex.raw(`alter table core_user add constraint core_user_locale_check check (locale in ('zh-CN', 'en'))`);
  await knex.schema.alterTable('core_notification', (t) => {
    t.text('message_key');
    t.jsonb('params');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('core_notification', (t) => {
    t.dropColumn('params');
    t.dropColumn('message_key');
  });
  await knex.schema.alterTable('core_user', (t) => {
    t.dropColumn('locale');
  });
}
