import type { Knex } from 'knex';
import { tenantTable } from '../../../core/module-kit.ts';

/**
 * Open311 GeoReport v2 (server/open311.routes.ts): the systems a county lets file requests, each
 * with its own key, and which of them filed each request.
 */
export async function up(knex: Knex): Promise<void> {
  // A key is shown once, when it is issued: only its sha256 is kept, so a copy of the database
  // files nothing. A revoked client stays, with the requests it filed.
  await tenantTable(knex, 'grid_open311_client', (t) => {
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.text('key_hash').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('requests_per_hour').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'key_hash']);
    t.check('requests_per_hour between 1 and 10000');
  });

  // One row per event filed through Open311: what the GET routes list (and nothing else), the
  // client's hourly count, and what the standard sends that an event has no column for.
  await tenantTable(
    knex,
    'grid_open311_request',
    (t) => {
      t.uuid('event_id').notNullable();
      t.uuid('client_id').notNullable();
      t.text('email');
      t.text('media_url');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'event_id']);
      t.index(['tenant_id', 'created_at']);
      t.index(['tenant_id', 'client_id', 'created_at']);
    },
    {
      keys: (t) => {
        t.foreign(['tenant_id', 'event_id']).references(['tenant_id', 'id']).inTable('grid_event');
        t.foreign(['tenant_id', 'client_id']).references(['tenant_id', 'id']).inTable('grid_open311_client');
      },
    },
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['grid_open311_request', 'grid_open311_client']) await knex.schema.dropTable(table);
}
