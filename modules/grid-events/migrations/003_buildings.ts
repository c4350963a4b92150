import type { Knex } from 'knex';
import { tenantTable } from '../../../core/module-kit.ts';

function belongsTo(t: Knex.AlterTableBuilder, column: string, table: string): void {
  t.foreign(['tenant_id', column]).references(['tenant_id', 'id']).inTable(table);
}

/**
 * Buildings as floor models (Donggang's 楼宇平面模型): a building stands in a grid and has units
 * (单元) × floors × households per floor; households carry tags (空房, 自住, 出租, 独居老人, 留守儿童,
 * the county's own) and are visited at the shortest cadence of their tags; each visit is recorded.
 * A building's QR token opens the public report page with the building filled in.
 */
export async function up(knex: Knex): Promise<void> {
  await tenantTable(
    knex,
    'grid_building',
    (t) => {
      t.uuid('id').notNullable();
      t.text('name').notNullable();
      t.text('address').notNullable().defaultTo('');
      // WGS-84, like every stored place of the module.
      t.double('lon').notNullable();
      t.double('lat').notNullable();
      // The grid it stands in: its workers visit its households and are reminded of them.
      t.uuid('grid_unit_id').notNullable();
      t.integer('unit_count').notNullable();
      t.integer('floor_count').notNullable();
      t.integer('households_per_floor').notNullable();
      // What a printed QR code carries: random and unguessable, the only key of the public lookup.
      t.text('qr_token').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'qr_token']);
      // A grid's buildings by name (lists, paging); a name twice in one grid is a mistake.
      t.unique(['tenant_id', 'grid_unit_id', 'name']);
      t.index(['tenant_id', 'name', 'id']);
      t.check('unit_count between 1 and 50 and floor_count between 1 and 200 and households_per_floor between 1 and 50');
    },
    { keys: (t) => belongsTo(t, 'grid_unit_id', 'core_unit') },
  );

  await tenantTable(
    knex,
    'grid_household',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('building_id').notNullable();
      // 1单元-3层-301: the unit (单元), the floor and the room number on it.
      t.integer('unit_no').notNullable();
      t.integer('floor').notNullable();
      t.text('room').notNullable();
      t.jsonb('tags').notNullable().defaultTo('[]');
      t.text('notes').notNullable().defaultTo('');
      t.timestamp('last_visited_at', { useTz: true });
      // When its tags last changed: a household never visited is due one cadence after it was tagged.
      t.timestamp('tagged_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      // The shortest cadence of its tags (days) and the visit it makes due; null: no regular visit.
      t.integer('cadence_days');
      t.timestamp('visit_due_at', { useTz: true });
      // The due date its grid's workers were last reminded of: the reminder scan looks only at households where it lags.
      t.timestamp('reminded_due_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'building_id', 'unit_no', 'floor', 'room']);
      t.check('unit_no > 0 and floor > 0');
    },
    { keys: (t) => belongsTo(t, 'building_id', 'grid_building') },
  );
  // Overdue visits, oldest first: only households with a cadence are indexed.
  await knex.raw(
    'create index grid_household_visit_due_idx on grid_household (tenant_id, visit_due_at, id) where visit_due_at is not null',
  );
  // The reminder scan: households due and not yet reminded of that due date, so an hourly run reads
  // only what is new however many stay overdue for weeks.
  await knex.raw(
    `create index grid_household_remind_idx on grid_household (tenant_id, visit_due_at, id)
      where visit_due_at is not null and reminded_due_at is distinct from visit_due_at`,
  );

  await tenantTable(
    knex,
    'grid_household_visit',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('household_id').notNullable();
      t.uuid('visitor_user_id');
      t.text('visitor_name').notNullable().defaultTo('');
      t.text('note').notNullable().defaultTo('');
      t.jsonb('photo_ids').notNullable().defaultTo('[]');
      t.timestamp('visited_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'household_id', 'visited_at', 'id']);
    },
    {
      keys: (t) => {
        belongsTo(t, 'household_id', 'grid_household');
        belongsTo(t, 'visitor_user_id', 'core_user');
      },
    },
  );

  // The cadences (tag → days) the households' due dates were last computed with: when the county
  // changes its config, the next read sees the difference and recomputes every household once.
  await tenantTable(knex, 'grid_visit_cadence', (t) => {
    t.text('tag').notNullable();
    t.integer('days').notNullable();
    t.primary(['tenant_id', 'tag']);
  });

  // Events reported from a building's QR code name it (the columns came with 001).
  await knex.schema.alterTable('grid_event', (t) => belongsTo(t, 'building_id', 'grid_building'));
  await knex.raw('create index grid_event_building_idx on grid_event (tenant_id, building_id) where building_id is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index grid_event_building_idx');
  await knex.schema.alterTable('grid_event', (t) => t.dropForeign(['tenant_id', 'building_id']));
  for (const table of ['grid_visit_cadence', 'grid_household_visit', 'grid_household', 'grid_building']) await knex.schema.dropTable(table);
}
