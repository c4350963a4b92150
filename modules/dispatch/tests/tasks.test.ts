import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths } from '../../../tests/helpers/forms-fixtures.ts';
import { apiUnit } from '../../../tests/helpers/org-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';

describe('dispatch: creating tasks and dispatching them to units', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let other: TestTenant;
  let world: DispatchWorld;
  let otherUnitId: string;
  const api = () => `${tenant.base}/dispatch`;
  const count = (table: string) =>
    platform
      .ownerQuery(table)
      .where({ tenant_id: tenant.id })
      .count({ n: '*' })
      .first()
      .then((r) => Number(r?.n));

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-tasks');
    other = await platform.createTenant('dispatch-other');
    await enableDispatch(tenant);
    await enableDispatch(other);
    world = await dispatchWorld(platform, tenant, {
      signIn: ['supervisor', 'agriculture', 'water', 'jiufeng', 'baima', 'hongqi', 'jiufeng-supervisor'],
    });
    otherUnitId = (await apiUnit(other.admin, other, { name: '外县', kind: 'county' })).id;
  });
  afterAll(() => platform?.stop());

  it('a supervisor dispatches a task to three units in one action: one white assignment each, all told', async () => {
    const response = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '秸秆禁烧专项督查',
      description: '各单位落实禁烧责任',
      category: '生态环保',
      priority: 'high',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(20),
      assignments: [
        { unitId: world.units.agriculture.id, role: 'lead' },
        { unitId: world.units.jiufeng.id, role: 'co' },
        { unitId: world.units.baima.id, role: 'co' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { task, assignments, viewer } = response.json();
    expect(task).toMatchObject({
      title: '秸秆禁烧专项督查',
      priority: 'high',
      status: 'active',
      light: 'white',
      progress: 0,
      assignmentCount: 3,
      ownerUnit: { name: '区委督查室' },
    });
    expect(
      assignments.map((a: { unit: { name: string }; role: string; light: string; status: string }) => [
        a.unit.name,
        a.role,
        a.light,
        a.status,
      ]),
    ).toEqual([
      ['区农业农村局', 'lead', 'white', 'pending'],
      ['九峰镇', 'co', 'white', 'pending'],
      ['白马镇', 'co', 'white', 'pending'],
    ]);
    expect(viewer).toMatchObject({ supervise: true });
    const notified = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, kind: 'dispatch.assignment.new' })
      .pluck('user_id');
    expect(new Set(notified)).toEqual(
      new Set([world.agriculture.userId, world.jiufeng.userId, world.baima.userId, world.townSupervisor.userId]),
    );
  });

  it('dispatching to 34 units creates 34 assignments in one transaction', async () => {
    const county = world.units.county.id;
    const units = [];
    for (let i = 0; i < 34; i++)
      units.push(await apiUnit(tenant.admin, tenant, { name: `第${i + 1}责任单位`, kind: 'department', parentId: county }));
    const response = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '重点工作季度推进',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(90),
      assignments: units.map((u) => ({ unitId: u.id })),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().assignments).toHaveLength(34);
    expect(response.json().task.assignmentCount).toBe(34);
  });

  it('deadlines may be given in working days: the end of that day in Shanghai', async () => {
    const response = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '五个工作日内完成',
      ownerUnitId: world.units.office.id,
      deadlineWorkingDays: 5,
      assignments: [{ unitId: world.units.water.id, deadlineWorkingDays: 3 }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { task, assignments } = response.json();
    expect(new Date(task.deadline).toISOString()).toMatch(/T15:59:59\.999Z$/);
    expect(new Date(assignments[0].deadline).getTime()).toBeLessThan(new Date(task.deadline).getTime());
  });

  it('bad dispatches are refused with every field named, and nothing is written', async () => {
    const before = [await count('dispatch_task'), await count('dispatch_assignment'), await count('dispatch_timeline')];
    const post = (body: Record<string, unknown>) =>
      world.supervisor.client.post(`${api()}/tasks`, {
        title: '坏任务',
        ownerUnitId: world.units.office.id,
        deadline: daysFromNow(10),
        assignments: [{ unitId: world.units.water.id }],
        ...body,
      });

    const past = await post({ deadline: daysFromNow(-1) });
    expect([past.statusCode, past.json().error.code, detailPaths(past)]).toEqual([400, 'DISPATCH_DEADLINE_PAST', ['body.deadline']]);

    const foreign = await post({ assignments: [{ unitId: world.units.water.id }, { unitId: otherUnitId }] });
    expect([foreign.statusCode, detailPaths(foreign)]).toEqual([400, ['body.assignments[1].unitId']]);

    const twice = await post({ assignments: [{ unitId: world.units.water.id }, { unitId: world.units.water.id }] });
    expect(detailPaths(twice)).toEqual(['body.assignments[1].unitId']);

    const lateUnit = await post({ assignments: [{ unitId: world.units.water.id, deadline: daysFromNow(30) }] });
    expect([lateUnit.json().error.code, detailPaths(lateUnit)]).toEqual([
      'DISPATCH_DEADLINE_AFTER_PARENT',
      ['body.assignments[0].deadline'],
    ]);

    const wrongPerson = await post({ assignments: [{ unitId: world.units.water.id, personId: world.hongqi.personId }] });
    expect(detailPaths(wrongPerson)).toEqual(['body.assignments[0].personId']);

    const both = await post({ deadlineWorkingDays: 3 });
    expect(detailPaths(both)).toEqual(['body.deadlineWorkingDays']);

    const schema = await post({ priority: 'asap', assignments: [] });
    expect(schema.statusCode).toBe(400);
    expect(detailPaths(schema).sort()).toEqual(['body.assignments', 'body.priority']);

    const noFile = await post({ attachmentIds: ['0190a0d0-0000-7000-8000-000000000000'] });
    expect(detailPaths(noFile)).toEqual(['body.attachmentIds[0]']);

    expect([await count('dispatch_task'), await count('dispatch_assignment'), await count('dispatch_timeline')]).toEqual(before);
  });

  it('a town supervisor can only dispatch within the town', async () => {
    const outside = await world.townSupervisor.client.post(`${api()}/tasks`, {
      title: '村级任务',
      ownerUnitId: world.units.jiufeng.id,
      deadline: daysFromNow(10),
      assignments: [{ unitId: world.units.hongqi.id }, { unitId: world.units.baimaVillage.id }],
    });
    expect([outside.statusCode, outside.json().error.code, detailPaths(outside)]).toEqual([
      400,
      'DISPATCH_UNIT_OUT_OF_SCOPE',
      ['body.assignments[1].unitId'],
    ]);
    const ownerOutside = await world.townSupervisor.client.post(`${api()}/tasks`, {
      title: '越权',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(10),
      assignments: [{ unitId: world.units.hongqi.id }],
    });
    expect(detailPaths(ownerOutside)).toEqual(['body.ownerUnitId']);
    const inside = await world.townSupervisor.client.post(`${api()}/tasks`, {
      title: '村级任务',
      ownerUnitId: world.units.jiufeng.id,
      deadline: daysFromNow(10),
      assignments: [{ unitId: world.units.hongqi.id }],
    });
    expect(inside.statusCode, inside.body).toBe(201);
  });

  it('handlers cannot create tasks, and see only tasks dispatched to them', async () => {
    expect(
      (
        await world.water.client.post(`${api()}/tasks`, {
          title: 'x',
          ownerUnitId: world.units.water.id,
          deadline: daysFromNow(3),
          assignments: [{ unitId: world.units.water.id }],
        })
      ).statusCode,
    ).toBe(403);
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '只给水务局',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(9),
      assignments: [{ unitId: world.units.water.id }],
    });
    const id = created.json().task.id;
    const mine = await world.water.client.get(`${api()}/tasks/${id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().viewer).toMatchObject({ supervise: false, handledAssignmentIds: [created.json().assignments[0].id] });
    expect((await world.agriculture.client.get(`${api()}/tasks/${id}`)).statusCode).toBe(404);
    expect((await world.water.client.get(`${api()}/tasks`)).statusCode).toBe(403);
  });

  it('the task list pages newest first and filters by light, category, unit and title', async () => {
    const first = await world.supervisor.client.get(`${api()}/tasks?limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toHaveLength(2);
    const second = await world.supervisor.client.get(`${api()}/tasks?limit=2&cursor=${first.json().nextCursor}`);
    const ids = [...first.json().items, ...second.json().items].map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(4);
    expect(
      (await world.supervisor.client.get(`${api()}/tasks?category=生态环保`)).json().items.map((t: { title: string }) => t.title),
    ).toEqual(['秸秆禁烧专项督查']);
    expect((await world.supervisor.client.get(`${api()}/tasks?q=${encodeURIComponent('禁烧')}`)).json().items).toHaveLength(1);
    expect(
      (await world.supervisor.client.get(`${api()}/tasks?unitId=${world.units.baima.id}`))
        .json()
        .items.map((t: { title: string }) => t.title),
    ).toEqual(['秸秆禁烧专项督查']);
    expect((await world.supervisor.client.get(`${api()}/tasks?light=red`)).json().items).toEqual([]);
    expect((await world.supervisor.client.get(`${api()}/tasks?cursor=garbage`)).statusCode).toBe(400);
    // The town supervisor's scope reaches tasks supervised by the town only.
    expect((await world.townSupervisor.client.get(`${api()}/tasks`)).json().items.map((t: { title: string }) => t.title)).toEqual([
      '村级任务',
    ]);
  });

  it('the session names the user’s unit (what the dispatch drawer offers as the supervising unit)', async () => {
    expect((await world.supervisor.client.get(`${tenant.base}/auth/me`)).json().user.unit).toEqual({
      id: world.units.office.id,
      name: '区委督查室',
    });
    expect((await tenant.admin.get(`${tenant.base}/auth/me`)).json().user.unit).toBeNull();
  });

  it('another tenant’s task is a 404, and its units are unknown', async () => {
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '本县任务',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(9),
      assignments: [{ unitId: world.units.water.id }],
    });
    const id = created.json().task.id;
    expect((await other.admin.get(`${other.base}/dispatch/tasks/${id}`)).statusCode).toBe(404);
    expect((await other.admin.patch(`${other.base}/dispatch/tasks/${id}`, { title: '改' })).statusCode).toBe(404);
  });

  it('a supervisor edits a task, dispatches it to one more unit, then closes it', async () => {
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '防汛检查',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(10),
      assignments: [{ unitId: world.units.water.id }],
    });
    const id = created.json().task.id;
    const edited = await world.supervisor.client.patch(`${api()}/tasks/${id}`, { title: '防汛安全检查', deadline: daysFromNow(12) });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().task.title).toBe('防汛安全检查');
    // The unit that had the task's deadline follows it.
    expect(edited.json().assignments[0].deadline).toBe(edited.json().task.deadline);
    expect((await world.water.client.patch(`${api()}/tasks/${id}`, { title: '自己改' })).statusCode).toBe(403);
    const more = await world.supervisor.client.post(`${api()}/tasks/${id}/assignments`, {
      assignments: [{ unitId: world.units.jiufeng.id }],
    });
    expect(more.json().assignments).toHaveLength(2);
    const again = await world.supervisor.client.post(`${api()}/tasks/${id}/assignments`, {
      assignments: [{ unitId: world.units.jiufeng.id }],
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DISPATCH_ALREADY_DISPATCHED']);
    const closed = await world.supervisor.client.post(`${api()}/tasks/${id}/close`);
    expect(closed.json().task.status).toBe('closed');
    expect(closed.json().assignments.map((a: { status: string }) => a.status)).toEqual(['closed', 'closed']);
    expect((await world.supervisor.client.post(`${api()}/tasks/${id}/close`)).statusCode).toBe(409);
    const timeline = await world.supervisor.client.get(`${api()}/tasks/${id}/timeline`);
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['task.created', 'assignment.dispatched', 'task.updated', 'task.closed']),
    );
  });

  it('a town lists its own unit’s tasks, finished ones included (本单位任务), while “my pending” drops what is done', async () => {
    const dispatch = async (title: string) => {
      const created = await world.supervisor.client.post(`${api()}/tasks`, {
        title,
        ownerUnitId: world.units.office.id,
        deadline: daysFromNow(10),
        assignments: [{ unitId: world.units.baima.id }],
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().assignments[0].id as string;
    };
    const finished = await dispatch('已办结的本单位任务');
    const ongoing = await dispatch('进行中的本单位任务');
    const report = await world.baima.client.post(`${api()}/assignments/${finished}/reports`, { progress: 100, text: '全部完成' });
    expect((await world.supervisor.client.post(`${api()}/reports/${report.json().id}/review`, { decision: 'accept' })).statusCode).toBe(
      200,
    );

    const list = async (query = '') => (await world.baima.client.get(`${api()}/my-assignments${query}`)).json();
    const all = await list();
    expect(
      all.items
        .slice(0, 2)
        .map((i: { id: string; title: string; status: string; unit: { name: string } }) => [i.id, i.title, i.status, i.unit.name]),
    ).toEqual([
      [ongoing, '进行中的本单位任务', 'pending', '白马镇'],
      [finished, '已办结的本单位任务', 'done', '白马镇'],
    ]);
    expect((await list('?state=finished')).items.map((i: { id: string }) => i.id)).toEqual([finished]);
    expect((await list('?state=active')).items.map((i: { id: string }) => i.id)).toContain(ongoing);
    expect((await list('?state=active')).items.map((i: { id: string }) => i.id)).not.toContain(finished);
    const pending = (await world.baima.client.get(`${api()}/my-pending`)).json().items.map((i: { assignmentId: string }) => i.assignmentId);
    expect(pending).not.toContain(finished);
    // Another unit's handler sees none of Baima's; paging goes on with the cursor.
    expect((await world.agriculture.client.get(`${api()}/my-assignments?state=finished`)).json().items).toEqual([]);
    const first = await list('?limit=1');
    expect(first.items).toHaveLength(1);
    expect((await list(`?limit=1&cursor=${first.nextCursor}`)).items[0].id).toBe(finished);
    expect((await world.baima.client.get(`${api()}/my-assignments?state=soon`)).statusCode).toBe(400);
  });
});
