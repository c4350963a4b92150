import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths } from '../../../tests/helpers/forms-fixtures.ts';
import { tinyPdf, tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';
import { recomputeTenantLights } from '../server/lights.jobs.ts';
import type { TestClient } from '../../../tests/helpers/test-client.ts';

describe('dispatch: leaders’ instructions, following tasks, replies with photos', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  let taskId: string;
  let jiufengAssignment: string;
  let baimaAssignment: string;
  let hongqiAssignment: string;
  const api = () => `${tenant.base}/dispatch`;
  const notified = (kind: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, kind }).select('user_id', 'title', 'body');
  const pendingKinds = async (client: TestClient) => (await client.get(`${api()}/my-pending`)).json();
  const photo = async (client: TestClient) =>
    (await uploadFile(client, tenant.base, '现场.png', tinyPng(), 'image/png')).json().id as string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-leaders');
    await enableDispatch(tenant, { maxPhotosPerReport: 2 });
    world = await dispatchWorld(platform, tenant, {
      signIn: ['supervisor', 'leader', 'agriculture', 'water', 'jiufeng', 'baima', 'hongqi', 'jiufeng-supervisor'],
    });
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '人居环境整治',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(20),
      assignments: [
        { unitId: world.units.jiufeng.id, role: 'lead' },
        { unitId: world.units.baima.id, role: 'co' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    taskId = created.json().task.id;
    [jiufengAssignment, baimaAssignment] = created.json().assignments.map((a: { id: string }) => a.id);
    const sub = await world.jiufeng.client.post(`${api()}/assignments/${jiufengAssignment}/subtasks`, {
      assignments: [{ unitId: world.units.hongqi.id }],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    hongqiAssignment = sub.json().items[0].id;
  });
  afterAll(() => platform?.stop());

  it('a leader’s instruction reaches the units it was dispatched to, which must acknowledge it once', async () => {
    const given = await world.leader.client.post(`${api()}/tasks/${taskId}/instructions`, { text: '请各镇本周内完成垃圾清运，务必见实效' });
    expect(given.statusCode, given.body).toBe(201);
    const instruction = given.json();
    expect(instruction).toMatchObject({
      text: '请各镇本周内完成垃圾清运，务必见实效',
      givenBy: { name: 'leader本人' },
      acknowledged: [],
      canAcknowledge: false,
    });
    expect(instruction.waiting.map((w: { unitName: string }) => w.unitName).sort()).toEqual(['九峰镇', '白马镇'].sort());
    // The top-level units' people hear of it; the village below does not have to acknowledge.
    const told = new Set((await notified('dispatch.instruction.given')).map((n: { user_id: string }) => n.user_id));
    expect(told).toEqual(new Set([world.jiufeng.userId, world.townSupervisor.userId, world.baima.userId, world.supervisor.userId]));

    const pending = await pendingKinds(world.baima.client);
    expect(pending.counts.instruction).toBe(1);
    expect(pending.items.find((i: { kind: string }) => i.kind === 'instruction')).toMatchObject({
      id: instruction.id,
      taskId,
      assignmentId: baimaAssignment,
      unitName: '白马镇',
      status: 'unacknowledged',
    });

    // The village sees the instruction but does not acknowledge it.
    const village = await world.hongqi.client.get(`${api()}/tasks/${taskId}/instructions`);
    expect(village.statusCode).toBe(200);
    expect(village.json().items[0]).toMatchObject({ id: instruction.id, canAcknowledge: false });
    const refused = await world.hongqi.client.post(`${api()}/instructions/${instruction.id}/acknowledge`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'DISPATCH_NOT_HANDLER']);
    expect((await pendingKinds(world.hongqi.client)).counts.instruction).toBe(0);

    expect((await world.baima.client.get(`${api()}/tasks/${taskId}/instructions`)).json().items[0].canAcknowledge).toBe(true);
    const acked = await world.baima.client.post(`${api()}/instructions/${instruction.id}/acknowledge`);
    expect(acked.statusCode, acked.body).toBe(200);
    // Baima sees only its own node of the tree: its own acknowledgement.
    expect(acked.json()).toMatchObject({
      acknowledged: [{ assignmentId: baimaAssignment, unitName: '白马镇', acknowledgedBy: 'baima本人' }],
      waiting: [],
      canAcknowledge: false,
    });
    const twice = await world.baima.client.post(`${api()}/instructions/${instruction.id}/acknowledge`);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'DISPATCH_INSTRUCTION_ACKNOWLEDGED']);
    expect((await pendingKinds(world.baima.client)).counts.instruction).toBe(0);

    // The leader sees who has and who has not acknowledged.
    const list = (await world.leader.client.get(`${api()}/tasks/${taskId}/instructions`)).json().items;
    expect(list[0].acknowledged.map((a: { unitName: string }) => a.unitName)).toEqual(['白马镇']);
    expect(list[0].waiting.map((a: { unitName: string }) => a.unitName)).toEqual(['九峰镇']);
    const timeline = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['instruction.given', 'instruction.acknowledged']));
  });

  it('only leaders over the task give instructions; blank text and closed tasks are refused, nothing written', async () => {
    const before = await platform.ownerQuery('dispatch_instruction').where({ tenant_id: tenant.id }).count({ n: '*' }).first();
    const supervisor = await world.supervisor.client.post(`${api()}/tasks/${taskId}/instructions`, { text: '督查室不是领导' });
    expect([supervisor.statusCode, supervisor.json().error.code]).toEqual([403, 'DISPATCH_NOT_LEADER']);
    expect((await world.water.client.post(`${api()}/tasks/${taskId}/instructions`, { text: '无关单位' })).statusCode).toBe(404);
    const blank = await world.leader.client.post(`${api()}/tasks/${taskId}/instructions`, { text: '   ' });
    expect([blank.statusCode, detailPaths(blank)]).toEqual([400, ['body.text']]);
    const empty = await world.leader.client.post(`${api()}/tasks/${taskId}/instructions`, { text: '', extra: 1 });
    expect(detailPaths(empty).sort()).toEqual(['body.extra', 'body.text']);
    const closedTask = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '已结束',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(5),
      assignments: [{ unitId: world.units.water.id }],
    });
    await world.supervisor.client.post(`${api()}/tasks/${closedTask.json().task.id}/close`);
    const late = await world.leader.client.post(`${api()}/tasks/${closedTask.json().task.id}/instructions`, { text: '补充批示' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'DISPATCH_TASK_CLOSED']);
    expect((await world.water.client.post(`${api()}/instructions/0190a0d0-0000-7000-8000-000000000000/acknowledge`)).statusCode).toBe(404);
    expect(await platform.ownerQuery('dispatch_instruction').where({ tenant_id: tenant.id }).count({ n: '*' }).first()).toEqual(before);
  });

  it('anyone who sees a task follows it, hears of its instructions, cards and red lights, and lists it until unfollowing', async () => {
    expect((await world.hongqi.client.get(`${api()}/tasks/${taskId}/follow`)).json()).toEqual({ following: false });
    expect((await world.hongqi.client.put(`${api()}/tasks/${taskId}/follow`)).json()).toEqual({ following: true });
    expect((await world.hongqi.client.put(`${api()}/tasks/${taskId}/follow`)).json()).toEqual({ following: true });
    expect(await platform.ownerQuery('dispatch_follow').where({ tenant_id: tenant.id, user_id: world.hongqi.userId })).toHaveLength(1);
    expect((await world.hongqi.client.get(`${api()}/tasks/${taskId}/follow`)).json()).toEqual({ following: true });
    expect((await world.water.client.put(`${api()}/tasks/${taskId}/follow`)).statusCode).toBe(404);
    expect((await world.leader.client.put(`${api()}/tasks/${taskId}/follow`)).statusCode).toBe(200);

    const following = (await world.hongqi.client.get(`${api()}/following`)).json();
    expect(following.items.map((i: { task: { id: string; title: string } }) => i.task.title)).toEqual(['人居环境整治']);

    await world.leader.client.post(`${api()}/tasks/${taskId}/instructions`, { text: '注意群众满意度' });
    const instructionNotices = (await notified('dispatch.instruction.given')).filter((n: { body: string }) => n.body === '注意群众满意度');
    expect(instructionNotices.map((n: { user_id: string }) => n.user_id)).toContain(world.hongqi.userId);
    // The leader who gave it is not told of their own instruction.
    expect(instructionNotices.map((n: { user_id: string }) => n.user_id)).not.toContain(world.leader.userId);

    const report = await world.baima.client.post(`${api()}/assignments/${baimaAssignment}/reports`, { progress: 30, text: '清运过半' });
    const card = await world.supervisor.client.post(`${api()}/reports/${report.json().id}/card`, { color: 'yellow', reason: '进度偏慢' });
    expect(card.statusCode, card.body).toBe(201);
    expect(await notified('dispatch.card.given')).toEqual(
      expect.arrayContaining([
        { user_id: world.hongqi.userId, title: '人居环境整治：白马镇被亮黄牌', body: '进度偏慢' },
        { user_id: world.leader.userId, title: '人居环境整治：白马镇被亮黄牌', body: '进度偏慢' },
      ]),
    );

    // Time passes the deadline: the schedule turns the units red, and followers hear of it once per task.
    await recomputeTenantLights(platform.jobContext('dispatch'), tenant.id, new Date(Date.now() + 21 * 86_400_000));
    const red = (await notified('dispatch.light.red')).filter((n: { user_id: string }) => n.user_id === world.hongqi.userId);
    expect(red).toHaveLength(1);
    expect(red[0].title).toBe('人居环境整治：亮红灯');
    expect(red[0].body).toMatch(/九峰镇/);
    expect(red[0].body).toMatch(/白马镇/);

    expect((await world.hongqi.client.delete(`${api()}/tasks/${taskId}/follow`)).json()).toEqual({ following: false });
    expect((await world.hongqi.client.delete(`${api()}/tasks/${taskId}/follow`)).json()).toEqual({ following: false });
    expect((await world.hongqi.client.get(`${api()}/following`)).json().items).toEqual([]);
  });

  it('a follow left on a task the user no longer sees is not listed', async () => {
    const other = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '只给水务局',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(9),
      assignments: [{ unitId: world.units.water.id }],
    });
    // As if the user had followed it while they could still see it.
    await platform
      .ownerQuery('dispatch_follow')
      .insert({ tenant_id: tenant.id, task_id: other.json().task.id, user_id: world.agriculture.userId });
    expect((await world.agriculture.client.get(`${api()}/following`)).json().items).toEqual([]);
    await platform
      .ownerQuery('dispatch_follow')
      .insert({ tenant_id: tenant.id, task_id: other.json().task.id, user_id: world.water.userId });
    expect((await world.water.client.get(`${api()}/following`)).json().items.map((i: { task: { title: string } }) => i.task.title)).toEqual(
      ['只给水务局'],
    );
  });

  it('replies carry text and photos, thread on a comment, and stay within what each unit sees', async () => {
    const top = await world.supervisor.client.post(`${api()}/tasks/${taskId}/comments`, { text: '各镇进展如何？' });
    expect(top.statusCode, top.body).toBe(201);
    const picture = await photo(world.jiufeng.client);
    const reply = await world.jiufeng.client.post(`${api()}/tasks/${taskId}/comments`, {
      text: '九峰镇已完成八成',
      replyToId: top.json().id,
      photoIds: [picture],
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({
      replyToId: top.json().id,
      replyToAuthorName: 'supervisor本人',
      assignmentId: null,
      author: { name: 'jiufeng本人' },
      photos: [{ id: picture, name: '现场.png', contentType: 'image/png' }],
    });
    expect(
      (await notified('dispatch.comment.added'))
        .filter((n: { user_id: string }) => n.user_id === world.supervisor.userId)
        .map((n: { title: string }) => n.title),
    ).toContain('人居环境整治：有人回复了您');

    const onVillage = await world.hongqi.client.post(`${api()}/tasks/${taskId}/comments`, {
      text: '红旗村垃圾点已清理',
      assignmentId: hongqiAssignment,
    });
    expect(onVillage.json()).toMatchObject({ assignmentId: hongqiAssignment, unitName: '红旗村' });
    // The town that re-dispatched it hears of it; a reply stays on the village's assignment.
    expect((await notified('dispatch.comment.added')).map((n: { user_id: string }) => n.user_id)).toContain(world.jiufeng.userId);
    const townReply = await world.jiufeng.client.post(`${api()}/tasks/${taskId}/comments`, {
      text: '收到，继续保持',
      replyToId: onVillage.json().id,
    });
    expect(townReply.json().assignmentId).toBe(hongqiAssignment);

    const texts = async (client: TestClient, query = '') =>
      (await client.get(`${api()}/tasks/${taskId}/comments${query}`)).json().items.map((c: { text: string }) => c.text);
    expect(await texts(world.supervisor.client)).toEqual(['收到，继续保持', '红旗村垃圾点已清理', '九峰镇已完成八成', '各镇进展如何？']);
    // Baima, a co-organiser, sees the task-level thread but not Jiufeng's branch.
    expect(await texts(world.baima.client)).toEqual(['九峰镇已完成八成', '各镇进展如何？']);
    expect(await texts(world.supervisor.client, `?assignmentId=${hongqiAssignment}`)).toEqual(['收到，继续保持', '红旗村垃圾点已清理']);
    const first = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/comments?limit=3`)).json();
    const rest = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/comments?limit=3&cursor=${first.nextCursor}`)).json();
    expect(rest.items.map((c: { text: string }) => c.text)).toEqual(['各镇进展如何？']);
    expect(rest.nextCursor).toBeNull();
    expect((await world.water.client.get(`${api()}/tasks/${taskId}/comments`)).statusCode).toBe(404);
    const timeline = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/timeline`))
      .json()
      .items.filter((e: { kind: string }) => e.kind === 'comment.added');
    expect(timeline).toHaveLength(4);

    const count = () => platform.ownerQuery('dispatch_comment').where({ tenant_id: tenant.id }).count({ n: '*' }).first();
    const before = await count();
    const hidden = await world.baima.client.post(`${api()}/tasks/${taskId}/comments`, { text: '看不见的', assignmentId: hongqiAssignment });
    expect([hidden.statusCode, detailPaths(hidden)]).toEqual([400, ['body.assignmentId']]);
    const hiddenReply = await world.baima.client.post(`${api()}/tasks/${taskId}/comments`, {
      text: '回复看不见的',
      replyToId: onVillage.json().id,
    });
    expect(detailPaths(hiddenReply)).toEqual(['body.replyToId']);
    const moved = await world.jiufeng.client.post(`${api()}/tasks/${taskId}/comments`, {
      text: '换个地方',
      replyToId: onVillage.json().id,
      assignmentId: jiufengAssignment,
    });
    expect(detailPaths(moved)).toEqual(['body.assignmentId']);
    const pdf = (await uploadFile(world.jiufeng.client, tenant.base, '纪要.pdf', tinyPdf(), 'application/pdf')).json().id;
    const notPhoto = await world.jiufeng.client.post(`${api()}/tasks/${taskId}/comments`, { text: '附件', photoIds: [pdf] });
    expect([notPhoto.statusCode, detailPaths(notPhoto)]).toEqual([400, ['body.photoIds[0]']]);
    const tooMany = await world.jiufeng.client.post(`${api()}/tasks/${taskId}/comments`, {
      text: '三张',
      photoIds: [picture, await photo(world.jiufeng.client), await photo(world.jiufeng.client)],
    });
    expect([tooMany.statusCode, tooMany.json().error.code, detailPaths(tooMany)]).toEqual([
      400,
      'DISPATCH_TOO_MANY_PHOTOS',
      ['body.photoIds'],
    ]);
    const blank = await world.jiufeng.client.post(`${api()}/tasks/${taskId}/comments`, { text: ' ' });
    expect(detailPaths(blank)).toEqual(['body.text']);
    expect(await count()).toEqual(before);
  });
});
