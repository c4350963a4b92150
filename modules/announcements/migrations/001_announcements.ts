import type { Knex } from 'knex';
import { tenantForeignKey, tenantTable } from '../../../core/module-kit.ts';

/**
 * Announcements (通知公告): a notice with its sanitised body, audience and flags, and one row per
 * recipient written when it is published, holding that person's read and confirmation times —
 * so "who has not read it" is a count over indexed rows, not a walk of the directory.
 */
export async function up(knex: Knex): Promise<void> {
  await tenantTable(
    knex,
    'announcement',
    (t) => {
      t.uuid('id').notNullable();
      // The key a tenant-config file names the notice by (server/config-data.ts); null for notices written in the app.
      t.text('config_key');
      t.text('title').notNullable();
      // Sanitised on the server before it is stored (server/sanitize-body.ts): what readers get as is.
      t.text('body_html').notNullable().defaultTo('');
      // The publishing unit (the author's): publishers see the notices of units in their scope.
      t.uuid('unit_id');
      t.uuid('created_by');
      t.text('status').notNullable().defaultTo('draft');
      t.boolean('pinned').notNullable().defaultTo(false);
      t.boolean('requires_confirmation').notNullable().defaultTo(false);
      // Also text the audience when it is published.
      t.boolean('sms').notNullable().defaultTo(false);
      t.timestamp('expires_at', { useTz: true });
      // county: everyone; units: the units and their subtrees; roles: people holding one of the roles.
      t.text('audience_kind').notNullable().defaultTo('county');
      t.jsonb('audience_ids').notNullable().defaultTo('[]');
      t.jsonb('attachment_ids').notNullable().defaultTo('[]');
      t.integer('recipient_count').notNullable().defaultTo(0);
      t.uuid('published_by');
      t.timestamp('published_at', { useTz: true });
      t.timestamp('withdrawn_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'config_key']);
      // The publishers' list: newest first within the county, narrowed by unit for scoped publishers.
      t.index(['tenant_id', 'created_at', 'id']);
      t.index(['tenant_id', 'unit_id']);
      t.check("status in ('draft', 'published', 'withdrawn')");
      t.check("audience_kind in ('county', 'units', 'roles')");
    },
    {
      keys: (t) => {
        tenantForeignKey(t, 'unit_id', 'core_unit');
        tenantForeignKey(t, 'created_by', 'core_user');
        tenantForeignKey(t, 'published_by', 'core_user');
      },
    },
  );

  await tenantTable(
    knex,
    'announcement_recipient',
    (t) => {
      t.uuid('announcement_id').notNullable();
      t.uuid('user_id').notNullable();
      // The recipient's unit when it was published: the receipts are grouped by it.
      t.uuid('unit_id');
      t.timestamp('read_at', { useTz: true });
      t.timestamp('confirmed_at', { useTz: true });
      // The key serves the receipts of one notice; the index below the reader's own list.
      t.primary(['tenant_id', 'announcement_id', 'user_id']);
      t.index(['tenant_id', 'user_id', 'announcement_id']);
    },
    {
      keys: (t) => {
        tenantForeignKey(t, 'announcement_id', 'announcement', { onDelete: 'CASCADE' });
        tenantForeignKey(t, 'user_id', 'core_user', { onDelete: 'CASCADE' });
        tenantForeignKey(t, 'unit_id', 'core_unit');
      },
    },
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('announcement_recipient');
  await knex.schema.dropTable('announcement');
}
