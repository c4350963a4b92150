import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths } from '../../../tests/helpers/forms-fixtures.ts';
import { tinyPdf, tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';
import { apiUnit, createScopedUser, type ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';
import type { TestClient } from '../../../tests/helpers/test-client.ts';

describe('dispatch: bottom-up requests (镇呼县应) — a town calls, a department answers, the town rates', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  let town: ScopedUser;
  let otherTown: ScopedUser;
  let department: ScopedUser;
  let otherUnitId: string;
  let requestId: string;
  const api = () => `${tenant.base}/dispatch`;
  const notified = (kind: string) => platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, kind }).pluck('user_id');
  const requester = (username: string, unitId: string) =>
    createScopedUser(platform, tenant, { username, unitId, grants: [{ permission: 'dispatch.request', scope: 'own_unit' }] });
  const pendingRequests = async (client: TestClient) =>
    (await client.get(`${api()}/my-pending`)).json().items.filter((i: { kind: string }) => i.kind === 'request');
  const count = () => platform.ownerQuery('dispatch_request').where({ tenant_id: tenant.id }).count({ n: '*' }).first();

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-requests');
    await enableDispatch(tenant, { maxPhotosPerReport: 2, smsReminders: false });
    world = await dispatchWorld(platform, tenant, { signIn: ['supervisor', 'agriculture', 'water', 'jiufeng', 'jiufeng-supervisor'] });
    town = await requester('jiufeng-caller', world.units.jiufeng.id);
    otherTown = await requester('baima-caller', world.units.baima.id);
    department = await requester('water-answer', world.units.water.id);
    const other = await platform.createTenant('dispatch-requests-other');
    otherUnitId = (await apiUnit(other.admin, other, { name: '外县水务局', kind: 'department' })).id;
  });
  afterAll(() => platform?.stop());

  it('a town raises a request with photos to a department, whose request handlers are told and see it in their inbox and pending', async () => {
    const photo = (await uploadFile(town.client, tenant.base, '堤坝.png', tinyPng(), 'image/png')).json().id;
    const raised = await town.client.post(`${api()}/requests`, {
      toUnitId: world.units.water.id,
      title: '请求支援河道清淤',
      body: '九峰河淤堵严重，汛期将至',
      photoIds: [photo],
      dueAt: daysFromNow(7),
    });
    expect(raised.statusCode, raised.body).toBe(201);
    requestId = raised.json().id;
    expect(raised.json()).toMatchObject({
      fromUnit: { id: world.units.jiufeng.id, name: '九峰镇' },
      toUnit: { id: world.units.water.id, name: '区水务局' },
      status: 'open',
      photos: [{ id: photo, contentType: 'image/png' }],
      createdBy: { name: 'jiufeng-caller' },
      response: null,
      rating: null,
      viewer: { raises: true, answers: false },
    });
    // The department's people holding dispatch.request hear of it; its plain handlers do not.
    expect(await notified('dispatch.request.raised')).toEqual([department.userId]);

    const inbox = (await department.client.get(`${api()}/requests?box=inbox`)).json();
    expect(inbox.items.map((r: { id: string; viewer: object }) => [r.id, r.viewer])).toEqual([
      [requestId, { raises: false, answers: true }],
    ]);
    expect((await town.client.get(`${api()}/requests?box=outbox`)).json().items.map((r: { id: string }) => r.id)).toEqual([requestId]);
    expect((await town.client.get(`${api()}/requests`)).json().items).toEqual([]);
    const [pending] = await pendingRequests(department.client);
    expect(pending).toMatchObject({ id: requestId, title: '请求支援河道清淤', unitName: '九峰镇', status: 'to_answer', light: null });
    expect((await department.client.get(`${api()}/my-pending`)).json().counts.request).toBe(1);
  });

  it('only the two units and supervisors over them see a request; supervisors read but do not act', async () => {
    expect((await otherTown.client.get(`${api()}/requests/${requestId}`)).statusCode).toBe(404);
    expect((await world.agriculture.client.get(`${api()}/requests/${requestId}`)).statusCode).toBe(404);
    // The Jiufeng handler without dispatch.request is not a party.
    expect((await world.jiufeng.client.get(`${api()}/requests/${requestId}`)).statusCode).toBe(404);
    const read = await world.supervisor.client.get(`${api()}/requests/${requestId}`);
    expect([read.statusCode, read.json().viewer]).toEqual([200, { raises: false, answers: false }]);
    // A town supervisor oversees requests its town raised.
    expect(
      (await world.townSupervisor.client.get(`${api()}/requests?box=supervised`)).json().items.map((r: { id: string }) => r.id),
    ).toEqual([requestId]);
    expect((await world.supervisor.client.get(`${api()}/requests?box=supervised&status=open`)).json().items).toHaveLength(1);
    expect((await world.supervisor.client.get(`${api()}/requests?box=supervised&status=rated`)).json().items).toEqual([]);
    expect((await town.client.get(`${api()}/requests?box=supervised`)).statusCode).toBe(403);
    expect((await world.water.client.get(`${api()}/requests?box=inbox`)).statusCode).toBe(403);
    const acting = await world.supervisor.client.post(`${api()}/requests/${requestId}/response`, { text: '督查室代答' });
    expect([acting.statusCode, acting.json().error.code]).toEqual([403, 'DISPATCH_NOT_REQUEST_PARTY']);
    const self = await town.client.post(`${api()}/requests/${requestId}/response`, { text: '自问自答' });
    expect(self.statusCode).toBe(403);
    const early = await town.client.post(`${api()}/requests/${requestId}/rating`, { rating: 5 });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'DISPATCH_REQUEST_NOT_RESPONDED']);
  });

  it('the department answers once with text and photos; the town is told and rates it once', async () => {
    const photo = (await uploadFile(department.client, tenant.base, '清淤.png', tinyPng(2), 'image/png')).json().id;
    const blank = await department.client.post(`${api()}/requests/${requestId}/response`, { text: '  ' });
    expect([blank.statusCode, detailPaths(blank)]).toEqual([400, ['body.text']]);
    const answered = await department.client.post(`${api()}/requests/${requestId}/response`, {
      text: '已派清淤船，三日内到位',
      photoIds: [photo],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'responded',
      response: { text: '已派清淤船，三日内到位', photos: [{ id: photo }], by: { name: 'water-answer' } },
    });
    expect(await notified('dispatch.request.responded')).toEqual([town.userId]);
    const again = await department.client.post(`${api()}/requests/${requestId}/response`, { text: '再答一次' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DISPATCH_REQUEST_RESPONDED']);
    expect(await pendingRequests(department.client)).toEqual([]);
    expect((await pendingRequests(town.client)).map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [requestId, 'to_rate'],
    ]);

    expect((await department.client.post(`${api()}/requests/${requestId}/rating`, { rating: 5 })).statusCode).toBe(403);
    const low = await town.client.post(`${api()}/requests/${requestId}/rating`, { rating: 2 });
    expect([low.statusCode, detailPaths(low)]).toEqual([400, ['body.comment']]);
    const outOfRange = await town.client.post(`${api()}/requests/${requestId}/rating`, { rating: 6, comment: '太好了' });
    expect([outOfRange.statusCode, detailPaths(outOfRange)]).toEqual([400, ['body.rating']]);
    const rated = await town.client.post(`${api()}/requests/${requestId}/rating`, { rating: 4, comment: '响应及时' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'rated', rating: { score: 4, comment: '响应及时' } });
    expect(await notified('dispatch.request.rated')).toEqual([department.userId]);
    const twice = await town.client.post(`${api()}/requests/${requestId}/rating`, { rating: 5 });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'DISPATCH_REQUEST_RATED']);
    expect(await pendingRequests(town.client)).toEqual([]);
    expect(
      (await world.supervisor.client.get(`${api()}/requests?box=supervised&status=rated`)).json().items.map((r: { id: string }) => r.id),
    ).toEqual([requestId]);
  });

  it('bad requests are refused with every field named, and nothing is written', async () => {
    const before = await count();
    const pdf = (await uploadFile(town.client, tenant.base, '说明.pdf', tinyPdf(), 'application/pdf')).json().id;
    const post = (body: Record<string, unknown>) =>
      town.client.post(`${api()}/requests`, { toUnitId: world.units.water.id, title: '诉求', ...body });
    const own = await post({ toUnitId: world.units.jiufeng.id });
    expect([own.statusCode, own.json().error.code, detailPaths(own)]).toEqual([400, 'DISPATCH_REQUEST_INVALID', ['body.toUnitId']]);
    expect(detailPaths(await post({ toUnitId: otherUnitId }))).toEqual(['body.toUnitId']);
    expect(detailPaths(await post({ dueAt: daysFromNow(-1) }))).toEqual(['body.dueAt']);
    expect(detailPaths(await post({ title: ' ' }))).toEqual(['body.title']);
    expect(detailPaths(await post({ photoIds: [pdf] }))).toEqual(['body.photoIds[0]']);
    const three = await Promise.all(
      [1, 2, 3].map(async () => (await uploadFile(town.client, tenant.base, 'p.png', tinyPng(), 'image/png')).json().id),
    );
    expect(detailPaths(await post({ photoIds: three }))).toEqual(['body.photoIds']);
    expect(detailPaths(await post({ toUnitId: 'not-a-uuid', priority: 'high' })).sort()).toEqual(['body.priority', 'body.toUnitId']);
    const noPermission = await world.jiufeng.client.post(`${api()}/requests`, { toUnitId: world.units.water.id, title: '没有权限' });
    expect(noPermission.statusCode).toBe(403);
    expect((await department.client.get(`${api()}/requests?cursor=garbage`)).statusCode).toBe(400);
    expect(await count()).toEqual(before);
  });

  it('inboxes page newest first, and a request past its due time shows red in pending', async () => {
    for (const title of ['第一件', '第二件', '第三件']) {
      expect((await otherTown.client.post(`${api()}/requests`, { toUnitId: world.units.water.id, title })).statusCode).toBe(201);
    }
    const first = (await department.client.get(`${api()}/requests?box=inbox&status=open&limit=2`)).json();
    const second = (await department.client.get(`${api()}/requests?box=inbox&status=open&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((r: { title: string }) => r.title)).toEqual(['第三件', '第二件', '第一件']);
    expect(second.nextCursor).toBeNull();

    const urgent = await otherTown.client.post(`${api()}/requests`, {
      toUnitId: world.units.water.id,
      title: '紧急',
      dueAt: daysFromNow(1),
    });
    await platform
      .ownerQuery('dispatch_request')
      .where({ tenant_id: tenant.id, id: urgent.json().id })
      .update({ due_at: new Date(Date.now() - 3_600_000) });
    const pending = await pendingRequests(department.client);
    expect(pending[0]).toMatchObject({ id: urgent.json().id, light: 'red' });
    expect(pending).toHaveLength(4);
  });

  it('only departments are addressees: a request to a town or the county is refused naming body.toUnitId', async () => {
    const before = await count();
    for (const unit of [world.units.baima.id, world.units.county.id]) {
      const refused = await town.client.post(`${api()}/requests`, { toUnitId: unit, title: '发给镇' });
      expect([refused.statusCode, refused.json().error.code, detailPaths(refused)]).toEqual([
        400,
        'DISPATCH_REQUEST_INVALID',
        ['body.toUnitId'],
      ]);
      expect(refused.json().error.details[0].message).toContain('not a department');
    }
    expect(await count()).toEqual(before);
  });

  it('the department accepts a request (受理), transfers it to the department it belongs to (转办), which answers; each step is shown and the town told', async () => {
    const agriculture = await requester('agriculture-answer', world.units.agriculture.id);
    const raised = (await town.client.post(`${api()}/requests`, { toUnitId: world.units.water.id, title: '请求农机支援秋收' })).json();
    const accepted = await department.client.post(`${api()}/requests/${raised.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      accepted: { by: 'water-answer' },
      steps: [{ kind: 'accepted', fromUnit: { name: '区水务局' }, toUnit: null }],
    });
    expect(await notified('dispatch.request.accepted')).toEqual([town.userId]);
    const twice = await department.client.post(`${api()}/requests/${raised.id}/accept`);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'DISPATCH_REQUEST_ACCEPTED']);
    // Accepted, it still waits on the department's answer.
    expect((await pendingRequests(department.client)).map((p: { id: string; status: string }) => [p.id, p.status])).toContainEqual([
      raised.id,
      'to_answer',
    ]);

    expect(
      (await town.client.post(`${api()}/requests/${raised.id}/transfer`, { toUnitId: world.units.agriculture.id, reason: '不归我' }))
        .statusCode,
    ).toBe(403);
    const toTown = await department.client.post(`${api()}/requests/${raised.id}/transfer`, {
      toUnitId: world.units.baima.id,
      reason: '  ',
    });
    expect([toTown.statusCode, detailPaths(toTown).sort()]).toEqual([400, ['body.reason', 'body.toUnitId']]);
    const toSelf = await department.client.post(`${api()}/requests/${raised.id}/transfer`, {
      toUnitId: world.units.water.id,
      reason: '自己',
    });
    expect(detailPaths(toSelf)).toEqual(['body.toUnitId']);
    const moved = await department.client.post(`${api()}/requests/${raised.id}/transfer`, {
      toUnitId: world.units.agriculture.id,
      reason: '农机归农业农村局管理',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'open', toUnit: { name: '区农业农村局' }, accepted: null });
    expect(
      moved
        .json()
        .steps.map((s: { kind: string; fromUnit: { name: string }; toUnit: { name: string } | null; reason: string | null }) => [
          s.kind,
          s.fromUnit.name,
          s.toUnit?.name ?? null,
          s.reason,
        ]),
    ).toEqual([
      ['accepted', '区水务局', null, null],
      ['transferred', '区水务局', '区农业农村局', '农机归农业农村局管理'],
    ]);
    expect(await notified('dispatch.request.transferred')).toEqual([town.userId]);
    expect(
      await platform
        .ownerQuery('core_notification')
        .where({ tenant_id: tenant.id, kind: 'dispatch.request.raised', user_id: agriculture.userId })
        .first('link'),
    ).toEqual({ link: `/dispatch/requests/${raised.id}` });
    // The water bureau no longer deals with it; the agriculture bureau does.
    expect((await department.client.get(`${api()}/requests/${raised.id}`)).statusCode).toBe(404);
    expect((await agriculture.client.get(`${api()}/requests?box=inbox`)).json().items.map((r: { id: string }) => r.id)).toEqual([
      raised.id,
    ]);
    const answered = await agriculture.client.post(`${api()}/requests/${raised.id}/response`, { text: '已调配收割机 5 台' });
    expect([answered.statusCode, answered.json().status]).toEqual([200, 'responded']);
    const late = await agriculture.client.post(`${api()}/requests/${raised.id}/transfer`, {
      toUnitId: world.units.water.id,
      reason: '晚了',
    });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'DISPATCH_REQUEST_RESPONDED']);
  });

  it('the department returns a request with a reason (退回): the town is told, nobody answers or rates it any more', async () => {
    const raised = (await town.client.post(`${api()}/requests`, { toUnitId: world.units.water.id, title: '请修村道' })).json();
    const noReason = await department.client.post(`${api()}/requests/${raised.id}/return`, { reason: ' ' });
    expect([noReason.statusCode, detailPaths(noReason)]).toEqual([400, ['body.reason']]);
    const returned = await department.client.post(`${api()}/requests/${raised.id}/return`, { reason: '村道归交通运输局，请改呼交通局' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returned: { reason: '村道归交通运输局，请改呼交通局', by: 'water-answer' },
    });
    expect(await notified('dispatch.request.returned')).toEqual([town.userId]);
    const answer = await department.client.post(`${api()}/requests/${raised.id}/response`, { text: '又想答了' });
    expect([answer.statusCode, answer.json().error.code]).toEqual([409, 'DISPATCH_REQUEST_RETURNED']);
    const rate = await town.client.post(`${api()}/requests/${raised.id}/rating`, { rating: 5 });
    expect([rate.statusCode, rate.json().error.code]).toEqual([409, 'DISPATCH_REQUEST_NOT_RESPONDED']);
    expect((await pendingRequests(department.client)).map((p: { id: string }) => p.id)).not.toContain(raised.id);
    expect((await town.client.get(`${api()}/requests?box=outbox&status=returned`)).json().items.map((r: { id: string }) => r.id)).toEqual([
      raised.id,
    ]);
  });
});
