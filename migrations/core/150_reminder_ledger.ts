import type { Knex } from 'knex';
import { createTenantTable } from '../../core/db/tenant-table.ts';

/**
 * The once-only reminder ledger (core/notify/notify-once.ts): a row per reminder sent (or
 * recorded to stand for an occasion another one covers), keyed by what it was about — the
 * module, its subject (kind and id: a dispatch assignment, a forms assignee), the reminder's
 * kind and its occasion (a deadline, a period, the minute of a click). The unique key is what
 * makes a reminder go at most once: a job inserts with `on conflict do nothing` and notifies only
 * what it inserted. When, by whom (null: automatic) and what the module's views show (`data`)
 * ride along. Forms' and dispatch's own ledgers move here (their migrations 150).
 */
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'core_reminder', (t) => {
    t.uuid('id').notNullable();
    t.text('module').notNullable();
    t.text('subject_kind').notNullable();
    // Subjects live in the modules' tables, of several kinds: no foreign key (rows go with the tenant).
    t.uuid('subject_id').notNullable();
    t.text('kind').notNullable();
    t.text('occasion').notNullable();
    // False: recorded only, standing for an occasion another reminder of the same run covered.
    t.boolean('notified').notNullable().defaultTo(true);
    t.uuid('sent_by');
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.jsonb('data').notNullable().defaultTo('{}');
    t.primary(['tenant_id', 'id']);
    // Once per occasion; also the index of "the reminders of these subjects". The subject comes
    // right after the tenant: led by the constant columns (module, kinds), the planner would scan a
    // module's whole ledger for each row of a "not yet reminded" scan instead of looking one up.
    t.unique(['tenant_id', 'subject_id', 'module', 'subject_kind', 'kind', 'occasion'], { indexName: 'core_reminder_once' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('core_reminder');
}
