import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/time/calendar-date.ts';
import { todayIn } from '../../core/time/time-zone.ts';
import { migrationContext } from '../../core/db/rls.ts';
import { dailyJob } from '../../modules/forms/server/forms.jobs.ts';
import { remindersJob } from '../../modules/dispatch/server/reminder.jobs.ts';
import * as formsMove from '../../modules/forms/migrations/150_core_reminders.ts';
import * as dispatchMove from '../../modules/dispatch/migrations/150_core_reminders.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { enableForms, publishedForm } from '../helpers/forms-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../helpers/dispatch-fixtures.ts';

const HOUR = 3_600_000;

/**
 * An install from before core's reminder ledger: forms' and dispatch's reminders in their own
 * tables (made here by the migrations' `down`, from reminders sent now). Their migrations 150 move
 * them into core_reminder: the views show the same history, and nothing already sent goes again.
 */
describe('reminders sent before core’s ledger move into it: same history, never sent twice', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  let collectionId: string;
  let assignmentId: string;
  let createdAt: number;
  let deadline: number;
  const asMigrator = (work: (trx: Parameters<typeof formsMove.up>[0]) => Promise<void>) => platform.db.owner.transaction(work);
  const ledger = () => platform.ownerQuery('core_reminder').where({ tenant_id: tenant.id }).orderBy('id').select('*');
  const formsJobs = () => ({ ...platform.jobContext('forms'), enabledTenantIds: async () => [tenant.id] });
  const dispatchJobs = () => ({ ...platform.jobContext('dispatch'), enabledTenantIds: async () => [tenant.id] });
  const views = async () => ({
    dispatch: (await world.water.client.get(`${tenant.base}/dispatch/assignments/${assignmentId}/reminders`)).json(),
    forms: (await tenant.admin.get(`${tenant.base}/forms/collections/${collectionId}/periods/once/status`)).json(),
  });
  const notifications = () =>
    platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id })
      .count({ n: '*' })
      .first()
      .then((r) => Number(r?.n));

  beforeAll(async () => {
    platform = await TestPlatform.start();
    migrationContext.runtimeRole = platform.db.runtimeRole;
    tenant = await platform.createTenant('reminders-move');
    await enableForms(tenant);
    await enableDispatch(tenant);
    // 红旗村's clerk (forms-staff.json) fills in the collection.
    world = await dispatchWorld(platform, tenant, { with: ['forms-staff.json'], signIn: ['supervisor', 'water'] });
    const formId = await publishedForm(tenant.admin, tenant);
    const collection = await tenant.admin.post(`${tenant.base}/forms/collections`, {
      formId,
      name: '明日截止',
      frequency: 'once',
      dueOn: addDays(todayIn('Asia/Shanghai'), 1),
      unitIds: [world.units.hongqi.id],
    });
    expect(collection.statusCode, collection.body).toBe(201);
    collectionId = collection.json().id;
    expect((await tenant.admin.post(`${tenant.base}/forms/collections/${collectionId}/periods/once/remind`, {})).json()).toMatchObject({
      remindedAssignees: 1,
    });
    await dailyJob.handler({}, formsJobs());

    const task = await world.supervisor.client.post(`${tenant.base}/dispatch/tasks`, {
      title: '河道巡查',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(20),
      assignments: [{ unitId: world.units.water.id }],
    });
    expect(task.statusCode, task.body).toBe(201);
    assignmentId = task.json().assignments[0].id;
    createdAt = Date.parse(task.json().assignments[0].createdAt);
    deadline = Date.parse(task.json().assignments[0].deadline);
    expect((await world.supervisor.client.post(`${tenant.base}/dispatch/assignments/${assignmentId}/urge`, {})).statusCode).toBe(201);
    await remindersJob.handler({ now: new Date(createdAt + 25 * HOUR).toISOString() }, dispatchJobs());
    // Half a day before the deadline both thresholds (3 days, 1 day) have passed: the nearer is sent, the other only recorded.
    await remindersJob.handler({ now: new Date(deadline - 12 * HOUR).toISOString() }, dispatchJobs());
  });
  afterAll(() => platform?.stop());

  it('moves every reminder with its key, time, sender and view data; the views read the same', async () => {
    const before = await ledger();
    expect(before.map((r) => [r.module, r.kind, r.notified]).sort()).toEqual([
      ['dispatch', 'before_deadline', false],
      ['dispatch', 'before_deadline', true],
      ['dispatch', 'unopened', true],
      ['dispatch', 'urge', true],
      ['forms', 'auto', true],
      ['forms', 'manual', true],
    ]);
    const seen = await views();
    expect(seen.dispatch.items.map((r: { kind: string }) => r.kind)).toEqual(['before_deadline', 'unopened', 'urge']);
    expect(seen.forms.missing[0].lastRemindedAt).not.toBeNull();

    await asMigrator(async (trx) => {
      await dispatchMove.down(trx);
      await formsMove.down(trx);
    });
    expect(await ledger()).toEqual([]);
    expect(await platform.ownerQuery('forms_reminder').where({ tenant_id: tenant.id }).orderBy('kind').pluck('kind')).toEqual([
      'auto',
      'manual',
    ]);
    expect(await platform.ownerQuery('dispatch_reminder').where({ tenant_id: tenant.id }).orderBy('kind').pluck('kind')).toEqual([
      'before_deadline',
      'before_deadline',
      'unopened',
      'urge',
    ]);

    await asMigrator(async (trx) => {
      await formsMove.up(trx);
      await dispatchMove.up(trx);
    });
    expect(await ledger()).toEqual(before);
    expect(await views()).toEqual(seen);
    for (const table of ['forms_reminder', 'dispatch_reminder']) {
      expect((await platform.db.owner.raw('select to_regclass(?) as t', [table])).rows[0].t).toBeNull();
    }
  });

  it('after the move, the jobs running again send nothing already sent', async () => {
    const count = await notifications();
    await dailyJob.handler({}, formsJobs());
    await remindersJob.handler({ now: new Date(deadline - 11 * HOUR).toISOString() }, dispatchJobs());
    expect(await notifications()).toBe(count);
  });
});
