import type { Knex } from 'knex';
import { tenantForeignKey, tenantTable } from '../../../core/module-kit.ts';

type Table = Knex.CreateTableBuilder;

function times(t: Table, knex: Knex): void {
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
}

/**
 * Approvals (审批): types a county defines (a form of the forms module and a flow), each flow
 * edit a new immutable version; requests keep the version they started with. A submitted request
 * is laid out into steps (conditions already chosen, parallel branches side by side, each step
 * waiting for the steps before it); a step that starts gets one task per approver. Every action
 * is an event of the request's history.
 */
export async function up(knex: Knex): Promise<void> {
  await tenantTable(
    knex,
    'approval_type',
    (t) => {
      t.uuid('id').notNullable();
      t.text('name').notNullable();
      t.text('category').notNullable().defaultTo('');
      t.text('description').notNullable().defaultTo('');
      t.uuid('form_id').notNullable();
      // The version of the flow new requests take; every edit adds one.
      t.integer('current_version').notNullable();
      t.boolean('active').notNullable().defaultTo(true);
      t.uuid('created_by');
      times(t, knex);
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'name']);
    },
    { keys: (t) => tenantForeignKey(t, 'created_by', 'core_user') },
  );

  await tenantTable(
    knex,
    'approval_flow_version',
    (t) => {
      t.uuid('type_id').notNullable();
      t.integer('version').notNullable();
      // The form version requests of this flow version are filled with (forms keeps versions immutable).
      t.integer('form_version').notNullable();
      t.jsonb('flow').notNullable();
      t.uuid('created_by');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'type_id', 'version']);
    },
    {
      keys: (t) => {
        tenantForeignKey(t, 'type_id', 'approval_type', { onDelete: 'CASCADE' });
        tenantForeignKey(t, 'created_by', 'core_user');
      },
    },
  );

  await tenantTable(
    knex,
    'approval_request',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('type_id').notNullable();
      t.integer('flow_version').notNullable();
      t.text('title').notNullable();
      t.jsonb('data').notNullable();
      // Approvers the applicant picked for the flow's "chosen by the applicant" steps: { nodeId: [userId] }.
      t.jsonb('chosen').notNullable().defaultTo('{}');
      t.uuid('applicant_user_id').notNullable();
      t.uuid('applicant_unit_id');
      t.text('status').notNullable();
      t.timestamp('submitted_at', { useTz: true });
      t.timestamp('finished_at', { useTz: true });
      t.timestamp('last_urged_at', { useTz: true });
      times(t, knex);
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'applicant_user_id', 'created_at']);
      t.index(['tenant_id', 'status', 'submitted_at']);
      t.index(['tenant_id', 'type_id', 'submitted_at']);
      t.check(`status in ('draft', 'pending', 'approved', 'rejected', 'withdrawn', 'returned')`);
    },
    {
      keys: (t) => {
        t.foreign(['tenant_id', 'type_id', 'flow_version'])
          .references(['tenant_id', 'type_id', 'version'])
          .inTable('approval_flow_version');
        tenantForeignKey(t, 'applicant_user_id', 'core_user');
        tenantForeignKey(t, 'applicant_unit_id', 'core_unit');
      },
    },
  );

  await tenantTable(
    knex,
    'approval_step',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('request_id').notNullable();
      // The flow node it comes from (an id inside the flow version's JSON) and its place in the plan.
      t.text('node_id').notNullable();
      t.integer('seq').notNullable();
      t.text('kind').notNullable();
      t.text('name').notNullable();
      t.text('mode').notNullable().defaultTo('any');
      // Steps that must be done before this one starts: the one before it, or every branch of a parallel block.
      t.jsonb('after').notNullable().defaultTo('[]');
      t.text('status').notNullable();
      t.timestamp('started_at', { useTz: true });
      t.timestamp('finished_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'request_id', 'seq']);
      t.check(`kind in ('approve', 'cc')`);
      t.check(`mode in ('any', 'all', 'sequential')`);
      t.check(`status in ('waiting', 'active', 'approved', 'skipped', 'rejected', 'cancelled')`);
    },
    { keys: (t) => tenantForeignKey(t, 'request_id', 'approval_request', { onDelete: 'CASCADE' }) },
  );

  await tenantTable(
    knex,
    'approval_task',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('request_id').notNullable();
      t.uuid('step_id').notNullable();
      // Approvers of a step stand in chains (all/any: one each; in order: one for all); a chain's
      // first undecided task is `waiting`, the rest `queued` (加签 inserts into a chain).
      t.integer('chain').notNullable();
      t.integer('position').notNullable();
      t.uuid('approver_user_id').notNullable();
      t.text('status').notNullable();
      t.uuid('decided_by');
      // Set when the decision was made by a deputy (委托): the approver the deputy stood in for.
      t.uuid('on_behalf_of');
      t.timestamp('decided_at', { useTz: true });
      t.text('comment').notNullable().defaultTo('');
      t.uuid('added_by');
      t.timestamp('reminded_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'request_id', 'step_id']);
      t.check(`status in ('queued', 'waiting', 'approved', 'rejected', 'returned', 'transferred', 'cancelled', 'auto')`);
    },
    {
      keys: (t) => {
        tenantForeignKey(t, 'request_id', 'approval_request', { onDelete: 'CASCADE' });
        tenantForeignKey(t, 'step_id', 'approval_step', { onDelete: 'CASCADE' });
        tenantForeignKey(t, 'approver_user_id', 'core_user');
        tenantForeignKey(t, 'decided_by', 'core_user');
      },
    },
  );
  // "Waiting for me": an approver's open tasks, newest first; "handled by me": their decisions.
  await knex.raw(
    `create index approval_task_waiting_idx on approval_task (tenant_id, approver_user_id, created_at desc) where status = 'waiting'`,
  );
  await knex.raw(
    `create index approval_task_decided_idx on approval_task (tenant_id, decided_by, decided_at desc) where decided_by is not null`,
  );

  await tenantTable(
    knex,
    'approval_event',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('request_id').notNullable();
      t.uuid('step_id');
      t.text('kind').notNullable();
      t.uuid('actor_user_id');
      t.uuid('on_behalf_of');
      t.text('comment').notNullable().defaultTo('');
      t.jsonb('attachment_ids').notNullable().defaultTo('[]');
      t.jsonb('data').notNullable().defaultTo('{}');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'request_id', 'created_at']);
    },
    { keys: (t) => tenantForeignKey(t, 'request_id', 'approval_request', { onDelete: 'CASCADE' }) },
  );

  await tenantTable(
    knex,
    'approval_cc',
    (t) => {
      t.uuid('request_id').notNullable();
      t.uuid('user_id').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('read_at', { useTz: true });
      t.primary(['tenant_id', 'request_id', 'user_id']);
      t.index(['tenant_id', 'user_id', 'created_at']);
    },
    {
      keys: (t) => {
        tenantForeignKey(t, 'request_id', 'approval_request', { onDelete: 'CASCADE' });
        tenantForeignKey(t, 'user_id', 'core_user');
      },
    },
  );

  await tenantTable(
    knex,
    'approval_delegation',
    (t) => {
      t.uuid('id').notNullable();
      t.uuid('user_id').notNullable();
      t.uuid('deputy_user_id').notNullable();
      t.date('starts_on').notNullable();
      t.date('ends_on').notNullable();
      t.text('note').notNullable().defaultTo('');
      t.timestamp('revoked_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'user_id', 'ends_on']);
      t.index(['tenant_id', 'deputy_user_id', 'ends_on']);
      t.check('starts_on <= ends_on');
      t.check('user_id <> deputy_user_id');
    },
    {
      keys: (t) => {
        tenantForeignKey(t, 'user_id', 'core_user');
        tenantForeignKey(t, 'deputy_user_id', 'core_user');
      },
    },
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'approval_delegation',
    'approval_cc',
    'approval_event',
    'approval_task',
    'approval_step',
    'approval_request',
    'approval_flow_version',
    'approval_type',
  ])
    await knex.schema.dropTableIfExists(table);
}
