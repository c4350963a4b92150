import type { Knex } from 'knex';
import { tenantTable } from '../../../core/module-kit.ts';

type Table = Knex.CreateTableBuilder;

function belongsTo(t: Knex.AlterTableBuilder, column: string, table: string): void {
  t.foreign(['tenant_id', column]).references(['tenant_id', 'id']).inTable(table);
}

function times(t: Table, knex: Knex): void {
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
}

/**
 * Grid events (网格事件): categories in plain language, grid polygons, events from grid workers and
 * citizens with their handling unit, level and deadlines, and every step on a timeline.
 * Coordinates are WGS-84 longitude/latitude (GCJ-02 input is converted before it is stored).
 */
export async function up(knex: Knex): Promise<void> {
  // The tree of categories residents pick from; each routes to a department and sets time limits.
  await tenantTable(
    knex,
    'grid_category',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('parent_id');
      t.text('name').notNullable();
      // Open311 service_code: stable, unique in the county.
      t.text('code').notNullable();
      t.text('description').notNullable().defaultTo('');
      t.text('keywords').notNullable().defaultTo('');
      // Where an event goes when no grid holds its place, and the last level of escalation.
      t.uuid('department_unit_id');
      t.integer('accept_hours').notNullable();
      t.integer('resolve_hours').notNullable();
      // The county's own SMS to handlers, with {code} {category} {address}; empty: the platform's text.
      t.text('sms_template').notNullable().defaultTo('');
      t.integer('sort').notNullable().defaultTo(0);
      t.boolean('active').notNullable().defaultTo(true);
      times(t, knex);
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'code']);
      t.index(['tenant_id', 'parent_id']);
      t.check('accept_hours > 0 and resolve_hours > 0');
    },
    {
      keys: (t) => {
        belongsTo(t, 'parent_id', 'grid_category');
        belongsTo(t, 'department_unit_id', 'core_unit');
      },
    },
  );

  // A grid's polygon: the unit (of kind grid) whose area it is. The bounding box narrows routing
  // to the few polygons that may hold a point before the exact test.
  await tenantTable(
    knex,
    'grid_area',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('unit_id').notNullable();
      t.jsonb('geometry').notNullable();
      t.double('min_lon').notNullable();
      t.double('min_lat').notNullable();
      t.double('max_lon').notNullable();
      t.double('max_lat').notNullable();
      times(t, knex);
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'unit_id']);
      t.index(['tenant_id', 'min_lon', 'max_lon']);
    },
    { keys: (t) => belongsTo(t, 'unit_id', 'core_unit') },
  );

  await tenantTable(
    knex,
    'grid_event',
    (t) => {
      t.uuid('id').notNullable();
      // What a citizen follows the event by (no account): unguessable, unique in the county.
      t.text('code').notNullable();
      t.uuid('category_id').notNullable();
      t.text('description').notNullable();
      t.double('lon').notNullable();
      t.double('lat').notNullable();
      t.text('address').notNullable().defaultTo('');
      t.uuid('building_id');
      t.text('building_unit');
      // worker: a grid worker in the app; citizen: the public page; open311: a GeoReport client.
      t.text('source').notNullable();
      t.uuid('reporter_user_id');
      t.text('reporter_name').notNullable().defaultTo('');
      t.text('reporter_phone');
      t.text('status').notNullable();
      // 0 grid, 1 community or village, 2 town (综治中心), 3 department: where escalation has reached.
      t.integer('level').notNullable().defaultTo(0);
      t.uuid('handling_unit_id');
      t.uuid('area_id');
      // The grid unit whose polygon holds the place: its community and town follow the event there.
      t.uuid('grid_unit_id');
      // grid: its place lies in a grid; category: the category's department; admin: re-routed by hand.
      t.text('routed_by');
      t.timestamp('accept_due_at', { useTz: true });
      t.timestamp('resolve_due_at', { useTz: true });
      // When the event moves up a level unless it has moved on: the escalation sweep reads it.
      t.timestamp('escalate_at', { useTz: true });
      t.timestamp('accepted_at', { useTz: true });
      t.timestamp('resolved_at', { useTz: true });
      t.timestamp('closed_at', { useTz: true });
      t.boolean('quick').notNullable().defaultTo(false);
      t.jsonb('photo_ids').notNullable().defaultTo('[]');
      t.jsonb('resolution_photo_ids').notNullable().defaultTo('[]');
      t.text('resolution_note').notNullable().defaultTo('');
      t.integer('extension_hours');
      t.text('extension_reason');
      t.integer('rating');
      t.text('rating_comment');
      t.timestamp('rated_at', { useTz: true });
      t.integer('reopen_count').notNullable().defaultTo(0);
      t.uuid('merged_into_id');
      // Call-back (回访): drawn when resolved; its result once made.
      t.text('callback_status');
      t.text('callback_result');
      t.text('callback_note');
      t.timestamp('callback_at', { useTz: true });
      times(t, knex);
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'code']);
      // The handler's queue: a unit's events by state, newest first.
      t.index(['tenant_id', 'handling_unit_id', 'status', 'created_at', 'id']);
      t.index(['tenant_id', 'status', 'created_at', 'id']);
      t.index(['tenant_id', 'escalate_at']);
      // Likely duplicates: the same category, recently.
      t.index(['tenant_id', 'category_id', 'created_at']);
      t.index(['tenant_id', 'reporter_phone', 'created_at']);
      t.index(['tenant_id', 'grid_unit_id', 'created_at']);
      t.index(['tenant_id', 'reporter_user_id', 'created_at']);
      t.check("source in ('worker', 'citizen', 'open311')");
      t.check("status in ('unassigned', 'reported', 'accepted', 'in_progress', 'resolved', 'closed', 'merged')");
      t.check('level between 0 and 3');
      t.check('rating is null or rating between 1 and 5');
      t.check("callback_status is null or callback_status in ('drawn', 'done')");
      t.check("routed_by is null or routed_by in ('grid', 'category', 'admin', 'escalation')");
    },
    {
      keys: (t) => {
        belongsTo(t, 'category_id', 'grid_category');
        belongsTo(t, 'handling_unit_id', 'core_unit');
        belongsTo(t, 'area_id', 'grid_area');
        belongsTo(t, 'grid_unit_id', 'core_unit');
        belongsTo(t, 'merged_into_id', 'grid_event');
      },
    },
  );

  // The timeline: every step with who, when, what changed, a note and photos.
  await tenantTable(
    knex,
    'grid_event_step',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('event_id').notNullable();
      t.text('action').notNullable();
      // Null: the platform (routing, escalation) or a citizen.
      t.uuid('actor_user_id');
      t.text('actor_name').notNullable().defaultTo('');
      t.text('from_status');
      t.text('to_status');
      t.uuid('unit_id');
      t.text('note').notNullable().defaultTo('');
      t.jsonb('photo_ids').notNullable().defaultTo('[]');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'event_id', 'created_at']);
    },
    { keys: (t) => belongsTo(t, 'event_id', 'grid_event') },
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['grid_event_step', 'grid_event', 'grid_area', 'grid_category']) await knex.schema.dropTable(table);
}
