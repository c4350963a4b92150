import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformModule } from '../../../core/modules/contract.ts';
import { installedModules } from '../../index.ts';
import { recomputeTenantLights } from '../server/lights.jobs.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths, enableForms, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';
import { tinyPdf, tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';

/** Listens to dispatch's events the way the scoring module will. */
const scoringProbe: PlatformModule = {
  manifest: {
    id: 'scoring-probe',
    version: '1.0.0',
    name: { 'zh-CN': '考核探针', en: 'Scoring probe' },
    description: { 'zh-CN': '测试用', en: 'For tests' },
    dependsOn: [],
    permissions: [],
    configSchema: { type: 'object', properties: {} },
    recordTypes: [],
    menu: [],
  },
  events: { 'dispatch.light_changed': async () => undefined, 'dispatch.card_given': async () => undefined },
};

describe('dispatch: re-dispatch, reports, review, cards and lights', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  let taskId: string;
  let jiufengAssignment: string;
  let hongqiAssignment: string;
  let xinhuaAssignment: string;
  const api = () => `${tenant.base}/dispatch`;
  const tree = async () => (await world.supervisor.client.get(`${api()}/tasks/${taskId}`)).json();
  const node = async (unitName: string) => (await tree()).assignments.find((a: { unit: { name: string } }) => a.unit.name === unitName);
  const events = async (event: string) =>
    (
      await platform.db.owner.raw(
        `select data from pgboss.job where name = 'core.module-event' and data->>'event' = ? and data->>'tenantId' = ?`,
        [event, tenant.id],
      )
    ).rows.map((r: { data: { payload: Record<string, unknown> } }) => r.data.payload);

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [...installedModules, scoringProbe] });
    tenant = await platform.createTenant('dispatch-reports');
    await enableDispatch(tenant);
    await tenant.admin.post(`${tenant.base}/modules/scoring-probe/enable`);
    world = await dispatchWorld(platform, tenant, { signIn: ['supervisor', 'water', 'jiufeng', 'baima', 'hongqi', 'xinhua'] });
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '人居环境整治',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(30),
      assignments: [{ unitId: world.units.jiufeng.id }, { unitId: world.units.water.id, role: 'co' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    taskId = created.json().task.id;
    jiufengAssignment = created.json().assignments.find((a: { unit: { name: string } }) => a.unit.name === '九峰镇').id;
  });
  afterAll(() => platform?.stop());

  it('the town acknowledges and re-dispatches to its two villages; the tree grows below it', async () => {
    const opened = await world.jiufeng.client.post(`${api()}/assignments/${jiufengAssignment}/open`);
    expect(opened.json().assignment).toMatchObject({ status: 'open' });
    const split = await world.jiufeng.client.post(`${api()}/assignments/${jiufengAssignment}/subtasks`, {
      assignments: [
        { unitId: world.units.hongqi.id, deadline: daysFromNow(20) },
        { unitId: world.units.xinhua.id, instructions: '重点整治河道' },
      ],
    });
    expect(split.statusCode, split.body).toBe(201);
    [hongqiAssignment, xinhuaAssignment] = split.json().items.map((a: { id: string }) => a.id);
    expect(split.json().items.map((a: { depth: number; parentId: string }) => [a.depth, a.parentId])).toEqual([
      [1, jiufengAssignment],
      [1, jiufengAssignment],
    ]);
    const town = await node('九峰镇');
    expect(town.childCount).toBe(2);
    expect((await tree()).task).toMatchObject({ unitCount: 2, assignmentCount: 4 });
  });

  it('re-dispatch refuses cycles, units beside the town, late deadlines and other units’ assignments', async () => {
    const post = (body: unknown, client = world.jiufeng.client) => client.post(`${api()}/assignments/${jiufengAssignment}/subtasks`, body);
    const cycle = await post({ assignments: [{ unitId: world.units.county.id }] });
    expect([cycle.statusCode, cycle.json().error.code, detailPaths(cycle)]).toEqual([
      400,
      'DISPATCH_REDISPATCH_CYCLE',
      ['body.assignments[0].unitId'],
    ]);
    const self = await post({ assignments: [{ unitId: world.units.jiufeng.id }] });
    expect(self.json().error.code).toBe('DISPATCH_REDISPATCH_CYCLE');
    const beside = await post({ assignments: [{ unitId: world.units.baimaVillage.id }] });
    expect([beside.json().error.code, detailPaths(beside)]).toEqual(['DISPATCH_UNIT_NOT_BELOW', ['body.assignments[0].unitId']]);
    const late = await post({ assignments: [{ unitId: world.units.hongqi.id, deadline: daysFromNow(40) }] });
    expect(detailPaths(late)).toEqual(['body.assignments[0].deadline']);
    const twice = await post({ assignments: [{ unitId: world.units.hongqi.id }] });
    expect(twice.statusCode).toBe(409);
    // The water bureau handles its own assignment, not the town's.
    // The co-organising water bureau does not see the town's node; a unit outside the task sees nothing.
    expect((await post({ assignments: [{ unitId: world.units.hongqi.id }] }, world.water.client)).statusCode).toBe(404);
    expect((await post({ assignments: [{ unitId: world.units.hongqi.id }] }, world.baima.client)).statusCode).toBe(404);
    // The supervisor sees it but does not answer for it.
    expect((await post({ assignments: [{ unitId: world.units.hongqi.id }] }, world.supervisor.client)).statusCode).toBe(403);
  });

  it('a village sees its branch and the path above it, not its sibling nor the co-organiser', async () => {
    const seen = (await world.hongqi.client.get(`${api()}/tasks/${taskId}`))
      .json()
      .assignments.map((a: { unit: { name: string } }) => a.unit.name);
    expect(seen.sort()).toEqual(['九峰镇', '红旗村'].sort());
    expect((await world.hongqi.client.get(`${api()}/assignments/${xinhuaAssignment}`)).statusCode).toBe(404);
    // The lead town follows its co-organiser.
    const town = (await world.jiufeng.client.get(`${api()}/tasks/${taskId}`))
      .json()
      .assignments.map((a: { unit: { name: string } }) => a.unit.name);
    expect(town.sort()).toEqual(['九峰镇', '区水务局', '新华村', '红旗村'].sort());
  });

  it('village reports roll up: the town’s progress is their mean and a reported problem turns the village and the town yellow', async () => {
    const photo = (await uploadFile(world.hongqi.client, tenant.base, '现场.png', tinyPng(), 'image/png')).json();
    const report = await world.hongqi.client.post(
      `${api()}/assignments/${hongqiAssignment}/reports`,
      { progress: 60, text: '垃圾已清运', photoIds: [photo.id], problem: true },
      { 'idempotency-key': 'hongqi-1' },
    );
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json()).toMatchObject({ progress: 60, status: 'submitted', photos: [{ name: '现场.png' }] });
    const retried = await world.hongqi.client.post(
      `${api()}/assignments/${hongqiAssignment}/reports`,
      { progress: 60, text: '垃圾已清运', photoIds: [photo.id], problem: true },
      { 'idempotency-key': 'hongqi-1' },
    );
    expect(retried.json().id).toBe(report.json().id);
    await world.xinhua.client.post(`${api()}/assignments/${xinhuaAssignment}/reports`, { progress: 20 });

    expect(await node('红旗村')).toMatchObject({ progress: 60, light: 'yellow', lightCause: 'problem_reported' });
    // 20 % on the first day of thirty is well ahead of plan.
    expect(await node('新华村')).toMatchObject({ progress: 20, light: 'blue', lightCause: 'ahead' });
    expect(await node('九峰镇')).toMatchObject({ progress: 40, light: 'yellow', lightCause: 'subtask' });
    expect((await tree()).task).toMatchObject({ light: 'yellow', progress: 20 });
    const changes = await events('dispatch.light_changed');
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ assignmentId: hongqiAssignment, from: 'white', to: 'yellow', cause: 'problem_reported' }),
      ]),
    );
  });

  it('bad reports are refused and nothing is stored: not an image, unknown file, too many photos, form answers without a form', async () => {
    const before = await platform.ownerQuery('dispatch_report').where({ tenant_id: tenant.id }).count({ n: '*' }).first();
    const upload = await uploadFile(world.hongqi.client, tenant.base, '说明.pdf', tinyPdf(), 'application/pdf');
    expect(upload.statusCode, upload.body).toBe(201);
    const text = upload.json();
    const notImage = await world.hongqi.client.post(`${api()}/assignments/${hongqiAssignment}/reports`, {
      progress: 70,
      photoIds: [text.id],
    });
    expect([notImage.statusCode, detailPaths(notImage)]).toEqual([400, ['body.photoIds[0]']]);
    const many = await world.hongqi.client.post(`${api()}/assignments/${hongqiAssignment}/reports`, {
      progress: 70,
      photoIds: Array.from({ length: 10 }, (_, i) => `0190a0d0-0000-7000-8000-0000000000${String(i).padStart(2, '0')}`),
    });
    expect([many.json().error.code, detailPaths(many)]).toEqual(['DISPATCH_TOO_MANY_PHOTOS', ['body.photoIds']]);
    const data = await world.hongqi.client.post(`${api()}/assignments/${hongqiAssignment}/reports`, { progress: 70, data: { a: 1 } });
    expect(detailPaths(data)).toEqual(['body.data']);
    const range = await world.hongqi.client.post(`${api()}/assignments/${hongqiAssignment}/reports`, { progress: 170 });
    expect(detailPaths(range)).toEqual(['body.progress']);
    expect(await platform.ownerQuery('dispatch_report').where({ tenant_id: tenant.id }).count({ n: '*' }).first()).toEqual(before);
  });

  it('the town reviews its villages: returns with a reason, accepts 100 % as done; a card is raised as an event', async () => {
    const reports = (await world.jiufeng.client.get(`${api()}/assignments/${hongqiAssignment}/reports`)).json().items;
    const noReason = await world.jiufeng.client.post(`${api()}/reports/${reports[0].id}/review`, { decision: 'return' });
    expect(detailPaths(noReason)).toEqual(['body.reason']);
    const returned = await world.jiufeng.client.post(`${api()}/reports/${reports[0].id}/review`, {
      decision: 'return',
      reason: '照片不清楚',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewReason: '照片不清楚', reviewerName: 'jiufeng本人' });
    expect((await world.jiufeng.client.post(`${api()}/reports/${reports[0].id}/review`, { decision: 'accept' })).statusCode).toBe(409);
    // A village cannot review itself.
    const done = await world.hongqi.client.post(`${api()}/assignments/${hongqiAssignment}/reports`, { progress: 100, text: '整治完成' });
    expect((await world.hongqi.client.post(`${api()}/reports/${done.json().id}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect(await node('红旗村')).toMatchObject({ status: 'submitted', progress: 100 });
    const accepted = await world.jiufeng.client.post(`${api()}/reports/${done.json().id}/review`, { decision: 'accept' });
    expect(accepted.json().status).toBe('accepted');
    expect(await node('红旗村')).toMatchObject({ status: 'done', light: 'green', lightCause: 'completed' });
    expect((await world.hongqi.client.post(`${api()}/assignments/${hongqiAssignment}/reports`, { progress: 100 })).json().error.code).toBe(
      'DISPATCH_ASSIGNMENT_DONE',
    );

    const noCardReason = await world.supervisor.client.post(`${api()}/reports/${done.json().id}/card`, { color: 'green' });
    expect(detailPaths(noCardReason)).toEqual(['body.reason']);
    const card = await world.supervisor.client.post(`${api()}/reports/${done.json().id}/card`, {
      color: 'green',
      reason: '整治彻底，群众满意',
    });
    expect(card.statusCode, card.body).toBe(201);
    expect(card.json().card).toMatchObject({ color: 'green', reason: '整治彻底，群众满意' });
    expect(
      (await world.supervisor.client.post(`${api()}/reports/${done.json().id}/card`, { color: 'red', reason: '再来一张' })).statusCode,
    ).toBe(409);
    expect(await events('dispatch.card_given')).toEqual([
      expect.objectContaining({ reportId: done.json().id, assignmentId: hongqiAssignment, unitId: world.units.hongqi.id, color: 'green' }),
    ]);
  });

  it('time alone turns lights: the schedule turns overdue work red and records why', async () => {
    const context = { ...platform.jobContext('dispatch'), enabledTenantIds: async () => [tenant.id] };
    const later = new Date(Date.now() + 31 * 86_400_000);
    const result = await recomputeTenantLights(context, tenant.id, later);
    expect(result.changed).toBeGreaterThan(0);
    expect(await node('新华村')).toMatchObject({ light: 'red', lightCause: 'overdue' });
    expect(await node('红旗村')).toMatchObject({ light: 'green' });
    expect(await node('九峰镇')).toMatchObject({ light: 'red' });
    // Once recomputed, the same moment changes nothing more.
    expect((await recomputeTenantLights(context, tenant.id, later)).changed).toBe(0);
    const timeline = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/timeline?assignmentId=${xinhuaAssignment}`)).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'light.changed').map((e: { data: { to: string } }) => e.data.to)).toEqual([
      'blue',
      'red',
    ]);
  });

  it('my pending lists what each user must do, most urgent first; the board counts by light and unit', async () => {
    const water = (await world.water.client.get(`${api()}/my-pending`)).json();
    expect(water.items.map((i: { kind: string; unitName: string }) => [i.kind, i.unitName])).toEqual([['assignment', '区水务局']]);
    // The town's own overdue assignment comes before the village report it has to review.
    const town = (await world.jiufeng.client.get(`${api()}/my-pending`)).json();
    expect(town.items.map((i: { kind: string; light: string | null }) => [i.kind, i.light])).toEqual([
      ['assignment', 'red'],
      ['review', null],
    ]);
    await world.xinhua.client.post(`${api()}/assignments/${xinhuaAssignment}/reports`, { progress: 50 });
    const withReview = (await world.jiufeng.client.get(`${api()}/my-pending`)).json();
    expect(withReview.counts).toMatchObject({ assignment: 1, review: 2 });
    const supervisor = (await world.supervisor.client.get(`${api()}/my-pending`)).json();
    expect(
      supervisor.items.some((i: { kind: string; assignmentId: string }) => i.kind === 'review' && i.assignmentId === xinhuaAssignment),
    ).toBe(true);

    const board = (await world.supervisor.client.get(`${api()}/board`)).json();
    expect(board.total).toBe(2);
    expect(board.byLight).toMatchObject({ green: 1 });
    expect(board.byUnit.map((u: { unitName: string }) => u.unitName).sort()).toEqual(['九峰镇', '区水务局'].sort());
    const deep = (await world.supervisor.client.get(`${api()}/board?allDepths=true&unitId=${world.units.jiufeng.id}`)).json();
    expect(deep.byUnit.map((u: { unitName: string }) => u.unitName).sort()).toEqual(['九峰镇', '新华村', '红旗村'].sort());
    expect((await world.water.client.get(`${api()}/board`)).statusCode).toBe(403);
  });

  it('a task with a report form takes reports only with valid answers of its frozen version', async () => {
    expect((await world.supervisor.client.get(`${api()}/report-forms`)).json()).toEqual({ available: false, items: [] });
    await enableForms(tenant);
    const formId = await publishedForm(tenant.admin, tenant);
    // The supervisor picks it through dispatch, holding no forms permission.
    expect((await world.supervisor.client.get(`${api()}/report-forms?q=${encodeURIComponent('因户')}`)).json()).toEqual({
      available: true,
      items: [{ formId, latestVersion: 1, name: '因户施策', category: '扶贫' }],
    });
    expect((await world.water.client.get(`${api()}/report-forms`)).statusCode).toBe(403);
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '入户走访',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(10),
      reportFormId: formId,
      assignments: [{ unitId: world.units.water.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().task.reportForm).toMatchObject({ formId, version: 1, name: '因户施策' });
    const assignmentId = created.json().assignments[0].id;
    // The unit filling it in gets the frozen form with its assignment, without a forms permission.
    const detail = (await world.water.client.get(`${api()}/assignments/${assignmentId}`)).json();
    expect(detail.reportForm).toMatchObject({
      formId,
      version: 1,
      name: '因户施策',
      schema: { type: 'object', required: expect.arrayContaining(['householder']) },
    });
    const missing = await world.water.client.post(`${api()}/assignments/${assignmentId}/reports`, { progress: 10 });
    expect(detailPaths(missing)).toEqual(['body.data']);
    const wrong = await world.water.client.post(`${api()}/assignments/${assignmentId}/reports`, {
      progress: 10,
      data: { householder: '张三', causes: ['因病'], mainCause: '因病', income: -5, waterSafe: true },
    });
    expect([wrong.statusCode, detailPaths(wrong)]).toEqual([400, ['body.data.income']]);
    const good = await world.water.client.post(`${api()}/assignments/${assignmentId}/reports`, {
      progress: 10,
      data: { householder: '张三', causes: ['因病'], mainCause: '因病', income: 3000, waterSafe: true },
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({ formVersion: 1, data: { householder: '张三', income: 3000 } });
    const unknownForm = await world.supervisor.client.post(`${api()}/tasks`, {
      title: 'x',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(10),
      reportFormId: taskId,
      assignments: [{ unitId: world.units.water.id }],
    });
    expect([unknownForm.statusCode, detailPaths(unknownForm)]).toEqual([400, ['body.reportFormId']]);
  });
});
