import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../helpers/dispatch-fixtures.ts';
import { enableForms, goodHousehold, publishedForm } from '../helpers/forms-fixtures.ts';
import { migrationContext } from '../../core/db/rls.ts';
import * as formsMove from '../../modules/forms/migrations/130_core_exports.ts';
import * as dispatchMove from '../../modules/dispatch/migrations/130_core_exports.ts';

/**
 * An install from before core's export table: forms' and dispatch's exports in their own tables
 * (made here by the migrations' `down`, from exports made now). Their migrations 130 move them
 * into core_export: a finished export keeps its file and its requester keeps reading it.
 */
describe('exports made before core’s export table move into it, files kept', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  const ids: Record<string, string> = {};
  const asMigrator = (work: (trx: Parameters<typeof formsMove.up>[0]) => Promise<void>) => platform.db.owner.transaction(work);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    migrationContext.runtimeRole = platform.db.runtimeRole;
    tenant = await platform.createTenant('exports-move');
    await enableForms(tenant);
    await enableDispatch(tenant);
    world = await dispatchWorld(platform, tenant, { signIn: ['supervisor'] });
    const formId = await publishedForm(tenant.admin, tenant);
    expect(
      (await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data: goodHousehold })).statusCode,
    ).toBe(201);
    ids.formsDone = (await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/exports`, { kind: 'list' })).json().id;
    await platform.runExport(tenant.id, ids.formsDone);
    ids.formsQueued = (await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/exports`, { kind: 'statistics' })).json().id;
    const task = await world.supervisor.client.post(`${tenant.base}/dispatch/tasks`, {
      title: '河道巡查',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(10),
      assignments: [{ unitId: world.units.jiufeng.id }],
    });
    ids.aggregation = (
      await world.supervisor.client.post(`${tenant.base}/dispatch/tasks/${task.json().task.id}/aggregations`, {})
    ).json().id;
    await platform.runExport(tenant.id, ids.aggregation);
  });
  afterAll(() => platform?.stop());

  it('moves every export with its state and file; one still queued is marked failed, for its requester to ask again', async () => {
    const before = await platform
      .ownerQuery('core_export')
      .where({ tenant_id: tenant.id })
      .orderBy('id')
      .select('id', 'status', 'file_id', 'file_name', 'title', 'requested_by', 'total', 'done', 'created_at');
    expect(before.map((e) => e.status)).toEqual(['done', 'queued', 'done']);

    await asMigrator(async (trx) => {
      await dispatchMove.down(trx);
      await formsMove.down(trx);
    });
    expect(await platform.ownerQuery('core_export').where({ tenant_id: tenant.id })).toEqual([]);
    expect(await platform.ownerQuery('forms_export').where({ tenant_id: tenant.id }).pluck('id')).toHaveLength(2);
    expect(await platform.ownerQuery('dispatch_export').where({ tenant_id: tenant.id }).pluck('id')).toEqual([ids.aggregation]);

    await asMigrator(async (trx) => {
      await formsMove.up(trx);
      await dispatchMove.up(trx);
    });
    const after = await platform
      .ownerQuery('core_export')
      .where({ tenant_id: tenant.id })
      .orderBy('id')
      .select(
        'id',
        'module',
        'kind',
        'status',
        'error',
        'file_id',
        'file_name',
        'title',
        'requested_by',
        'total',
        'done',
        'created_at',
        'permission',
      );
    expect(after.map((e) => [e.module, e.kind, e.status, e.permission])).toEqual([
      ['forms', 'list', 'done', 'forms.results'],
      ['forms', 'statistics', 'failed', 'forms.results'],
      ['dispatch', 'aggregation', 'done', null],
    ]);
    after.forEach((row, i) => {
      // Columns only core_export has (module, kind, permission) are not compared.
      const { module: _module, kind: _kind, error, permission: _permission, ...kept } = row;
      if (row.status === 'done') expect(kept).toEqual(before[i]);
      else expect(error).toBe('Interrupted by a platform upgrade; please export again');
    });
    expect(after[1].title).toBe('因户施策-统计');
    expect(
      await platform
        .ownerQuery('core_file_link')
        .where({ tenant_id: tenant.id, record_kind: 'export' })
        .orderBy('record_id')
        .select('module', 'record_id'),
    ).toEqual([
      { module: 'core', record_id: ids.formsDone },
      { module: 'core', record_id: ids.aggregation },
    ]);
    for (const table of ['forms_export', 'dispatch_export']) {
      expect((await platform.db.owner.raw('select to_regclass(?) as t', [table])).rows[0].t).toBeNull();
    }
  });

  it('the requesters read their moved exports and files; nobody else does', async () => {
    const formsFile = await tenant.admin.get(`${tenant.base}/exports/${ids.formsDone}/file`);
    expect(formsFile.statusCode).toBe(200);
    const aggregation = await world.supervisor.client.get(`${tenant.base}/exports/${ids.aggregation}`);
    expect(aggregation.json()).toMatchObject({ module: 'dispatch', status: 'done', title: '河道巡查-汇总' });
    expect((await world.supervisor.client.get(`${tenant.base}/files/${aggregation.json().fileId}`)).statusCode).toBe(200);
    expect((await tenant.admin.get(`${tenant.base}/files/${aggregation.json().fileId}`)).statusCode).toBe(404);
    expect((await tenant.admin.get(`${tenant.base}/exports/${ids.formsQueued}`)).json()).toMatchObject({
      status: 'failed',
      error: 'Interrupted by a platform upgrade; please export again',
    });
  });
});
