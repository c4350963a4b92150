import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindersJob } from '../server/reminder.jobs.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths } from '../../../tests/helpers/forms-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('dispatch: extensions (延期) — asked with a reason, granted or refused, lights and reminders follow', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  const api = () => `${tenant.base}/dispatch`;
  const count = (table: string) =>
    platform
      .ownerQuery(table)
      .where({ tenant_id: tenant.id })
      .count({ n: '*' })
      .first()
      .then((r) => Number(r?.n));
  const notified = (userId: string, kind: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, user_id: userId, kind }).select('title', 'body');

  async function dispatchTo(title: string, unitId: string, deadline: string) {
    const response = await world.supervisor.client.post(`${api()}/tasks`, {
      title,
      ownerUnitId: world.units.office.id,
      deadline,
      assignments: [{ unitId }],
    });
    expect(response.statusCode, response.body).toBe(201);
    return {
      taskId: response.json().task.id as string,
      assignment: response.json().assignments[0] as { id: string; deadline: string; light: string },
    };
  }
  const assignment = async (id: string, who = world.supervisor) => (await who.client.get(`${api()}/assignments/${id}`)).json().assignment;
  const ask = (assignmentId: string, body: Record<string, unknown>, who = world.water) =>
    who.client.post(`${api()}/assignments/${assignmentId}/extensions`, body);
  const decide = (extensionId: string, body: Record<string, unknown>, who = world.supervisor) =>
    who.client.post(`${api()}/extensions/${extensionId}/decision`, body);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-extensions');
    await enableDispatch(tenant);
    world = await dispatchWorld(platform, tenant, { signIn: ['supervisor', 'water', 'jiufeng', 'baima', 'hongqi'] });
  });
  afterAll(() => platform?.stop());

  it('a unit asks for more time; the supervisor sees it pending and grants it; the deadline moves and the light follows', async () => {
    const { taskId, assignment: first } = await dispatchTo('防汛物资清点', world.units.water.id, daysFromNow(2));
    expect(first.light).toBe('yellow');
    const wanted = daysFromNow(12);

    const asked = await ask(first.id, { reason: '物资调拨需等待上级批复', deadline: wanted });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      status: 'pending',
      reason: '物资调拨需等待上级批复',
      unit: { name: '区水务局' },
      requestedByName: expect.any(String),
    });
    expect(new Date(asked.json().currentDeadline).getTime()).toBe(Date.parse(first.deadline));
    expect((await notified(world.supervisor.userId, 'dispatch.extension.requested')).map((n) => n.title)).toEqual([
      '延期申请：防汛物资清点（区水务局）',
    ]);

    const pending = (await world.supervisor.client.get(`${api()}/my-pending`)).json();
    expect(pending.counts.extension).toBe(1);
    expect(
      pending.items.filter((i: { kind: string }) => i.kind === 'extension').map((i: { id: string; light: string }) => [i.id, i.light]),
    ).toEqual([[asked.json().id, 'yellow']]);
    const second = await ask(first.id, { reason: '再申请一次', deadline: daysFromNow(15) });
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'DISPATCH_EXTENSION_PENDING']);

    const granted = await decide(asked.json().id, { decision: 'grant' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', decidedByName: expect.any(String) });
    const moved = await assignment(first.id);
    expect(new Date(moved.deadline).toISOString()).toBe(new Date(wanted).toISOString());
    expect(new Date(moved.originalDeadline).getTime()).toBe(Date.parse(first.deadline));
    expect([moved.light, moved.lightCause]).toEqual(['white', 'not_started']);
    expect((await notified(world.water.userId, 'dispatch.extension.granted')).map((n) => n.title)).toEqual(['延期已批准：防汛物资清点']);
    expect((await world.supervisor.client.get(`${api()}/my-pending`)).json().counts.extension).toBe(0);

    const timeline = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['extension.requested', 'extension.granted', 'light.changed']));
    const listed = (await world.water.client.get(`${api()}/tasks/${taskId}/extensions`)).json().items;
    expect(listed.map((x: { status: string }) => x.status)).toEqual(['granted']);
  });

  it('a refusal needs a reason and keeps the deadline; a decided request cannot be decided again', async () => {
    const { taskId, assignment: first } = await dispatchTo('河道清障', world.units.water.id, daysFromNow(10));
    const asked = (await ask(first.id, { reason: '汛期施工受限', deadlineWorkingDays: 30 })).json();
    expect(new Date(asked.requestedDeadline).getTime()).toBeGreaterThan(Date.parse(first.deadline));
    const noReason = await decide(asked.id, { decision: 'refuse' });
    expect([noReason.statusCode, noReason.json().error.code, detailPaths(noReason)]).toEqual([
      400,
      'DISPATCH_REASON_REQUIRED',
      ['body.reason'],
    ]);
    const refused = await decide(asked.id, { decision: 'refuse', reason: '汛前必须完成' });
    expect(refused.json()).toMatchObject({ status: 'refused', decisionReason: '汛前必须完成' });
    expect(new Date((await assignment(first.id)).deadline).getTime()).toBe(Date.parse(first.deadline));
    expect((await notified(world.water.userId, 'dispatch.extension.refused')).map((n) => n.body)).toEqual(['汛前必须完成']);
    const again = await decide(asked.id, { decision: 'grant' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DISPATCH_EXTENSION_DECIDED']);
    // A refused request no longer blocks a new one.
    expect((await ask(first.id, { reason: '补充说明后再申请', deadline: daysFromNow(14) })).statusCode).toBe(201);
    expect((await world.supervisor.client.get(`${api()}/tasks/${taskId}/extensions?status=refused`)).json().items).toHaveLength(1);
  });

  it('bad requests are refused with the field named, and nothing is written', async () => {
    const { taskId, assignment: first } = await dispatchTo('延期校验', world.units.water.id, daysFromNow(10));
    const before = [await count('dispatch_extension'), await count('dispatch_timeline')];
    const noReason = await ask(first.id, { deadline: daysFromNow(20) });
    expect([noReason.statusCode, detailPaths(noReason)]).toEqual([400, ['body.reason']]);
    const blankReason = await ask(first.id, { reason: '  ', deadline: daysFromNow(20) });
    expect([blankReason.statusCode, detailPaths(blankReason)]).toEqual([400, ['body.reason']]);
    const noDeadline = await ask(first.id, { reason: '需要更多时间' });
    expect([noDeadline.statusCode, noDeadline.json().error.code, detailPaths(noDeadline)]).toEqual([
      400,
      'DISPATCH_DEADLINE_REQUIRED',
      ['body.deadline'],
    ]);
    const past = await ask(first.id, { reason: '需要更多时间', deadline: daysFromNow(-1) });
    expect([past.statusCode, past.json().error.code, detailPaths(past)]).toEqual([400, 'DISPATCH_DEADLINE_PAST', ['body.deadline']]);
    const earlier = await ask(first.id, { reason: '需要更多时间', deadline: daysFromNow(5) });
    expect([earlier.statusCode, earlier.json().error.code, detailPaths(earlier)]).toEqual([
      400,
      'DISPATCH_EXTENSION_NOT_LATER',
      ['body.deadline'],
    ]);
    const both = await ask(first.id, { reason: '需要更多时间', deadline: daysFromNow(20), deadlineWorkingDays: 20 });
    expect(detailPaths(both)).toEqual(['body.deadlineWorkingDays']);
    const bySupervisor = await ask(first.id, { reason: '代为申请', deadline: daysFromNow(20) }, world.supervisor);
    expect([bySupervisor.statusCode, bySupervisor.json().error.code]).toEqual([403, 'DISPATCH_NOT_HANDLER']);
    const byStranger = await ask(first.id, { reason: '无关单位', deadline: daysFromNow(20) }, world.baima);
    expect(byStranger.statusCode).toBe(404);
    expect([await count('dispatch_extension'), await count('dispatch_timeline')]).toEqual(before);

    const asked = (await ask(first.id, { reason: '需要更多时间', deadline: daysFromNow(20) })).json();
    const selfGrant = await decide(asked.id, { decision: 'grant' }, world.water);
    expect([selfGrant.statusCode, selfGrant.json().error.code]).toEqual([403, 'DISPATCH_NOT_REVIEWER']);
    expect((await decide(asked.id, { decision: 'grant' }, world.baima)).statusCode).toBe(404);
    expect((await decide(asked.id, { decision: 'maybe' })).statusCode).toBe(400);

    expect((await world.supervisor.client.post(`${api()}/tasks/${taskId}/close`)).statusCode).toBe(200);
    const closedGrant = await decide(asked.id, { decision: 'grant' });
    expect([closedGrant.statusCode, closedGrant.json().error.code]).toEqual([409, 'DISPATCH_ASSIGNMENT_CLOSED']);
    const closedAsk = await ask(first.id, { reason: '任务已关闭', deadline: daysFromNow(30) });
    expect([closedAsk.statusCode, closedAsk.json().error.code]).toEqual([409, 'DISPATCH_ASSIGNMENT_CLOSED']);
    // A request left on a closed task can still be refused, so it leaves the reviewers' pending list.
    expect((await decide(asked.id, { decision: 'refuse', reason: '任务已关闭' })).statusCode).toBe(200);
  });

  it('a done assignment takes no extension request', async () => {
    const { assignment: first } = await dispatchTo('已办结任务', world.units.water.id, daysFromNow(10));
    const report = await world.water.client.post(`${api()}/assignments/${first.id}/reports`, { progress: 100, text: '已完成' });
    expect((await world.supervisor.client.post(`${api()}/reports/${report.json().id}/review`, { decision: 'accept' })).statusCode).toBe(
      200,
    );
    const done = await ask(first.id, { reason: '已完成还想延期', deadline: daysFromNow(20) });
    expect([done.statusCode, done.json().error.code]).toEqual([409, 'DISPATCH_ASSIGNMENT_DONE']);
  });

  it('a village may not ask past its town’s deadline; the town decides; extending the town leaves its villages’ deadlines as they are', async () => {
    const { assignment: town } = await dispatchTo('村庄清洁行动', world.units.jiufeng.id, daysFromNow(10));
    const sub = await world.jiufeng.client.post(`${api()}/assignments/${town.id}/subtasks`, {
      assignments: [{ unitId: world.units.hongqi.id, deadline: daysFromNow(5) }],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const village = sub.json().items[0];

    const tooLate = await ask(village.id, { reason: '村里人手不足', deadline: daysFromNow(12) }, world.hongqi);
    expect([tooLate.statusCode, tooLate.json().error.code, detailPaths(tooLate)]).toEqual([
      400,
      'DISPATCH_DEADLINE_AFTER_PARENT',
      ['body.deadline'],
    ]);
    const asked = await ask(village.id, { reason: '村里人手不足', deadline: daysFromNow(8) }, world.hongqi);
    expect(asked.statusCode, asked.body).toBe(201);
    const townPending = (await world.jiufeng.client.get(`${api()}/my-pending`)).json();
    expect(townPending.items.filter((i: { kind: string }) => i.kind === 'extension').map((i: { id: string }) => i.id)).toEqual([
      asked.json().id,
    ]);
    expect((await notified(world.jiufeng.userId, 'dispatch.extension.requested')).map((n) => n.title)).toEqual([
      '延期申请：村庄清洁行动（红旗村）',
    ]);
    expect((await decide(asked.json().id, { decision: 'grant' }, world.jiufeng)).statusCode).toBe(200);
    const villageDeadline = (await assignment(village.id)).deadline;
    expect(new Date(villageDeadline).toISOString()).toBe(new Date(asked.json().requestedDeadline).toISOString());

    const townAsk = await ask(town.id, { reason: '整体进度顺延', deadline: daysFromNow(20) }, world.jiufeng);
    expect((await decide(townAsk.json().id, { decision: 'grant' })).statusCode).toBe(200);
    expect(new Date((await assignment(town.id)).deadline).toISOString()).toBe(new Date(townAsk.json().requestedDeadline).toISOString());
    expect((await assignment(village.id)).deadline).toBe(villageDeadline);
  });

  it('a granted extension arms the deadline reminders again, and the old deadline no longer counts as overdue', async () => {
    const { taskId, assignment: first } = await dispatchTo('延期后重新提醒', world.units.water.id, daysFromNow(10));
    const deadline = Date.parse(first.deadline);
    const jobs = () => ({ ...platform.jobContext('dispatch'), enabledTenantIds: async () => [tenant.id] });
    const runAt = (at: number) => remindersJob.handler({ now: new Date(at).toISOString() }, jobs());
    const reminders = (kind: string) =>
      platform
        .ownerQuery('core_notification')
        .where({ tenant_id: tenant.id, link: `/dispatch/tasks/${taskId}`, kind: `dispatch.reminder.${kind}` })
        .select('body');

    await runAt(deadline - 3 * DAY + MINUTE);
    expect(await reminders('before_deadline')).toHaveLength(1);
    const asked = await ask(first.id, { reason: '等待设备到货', deadline: new Date(deadline + 10 * DAY).toISOString() });
    expect((await decide(asked.json().id, { decision: 'grant' })).statusCode).toBe(200);

    await runAt(deadline + MINUTE);
    expect(await reminders('overdue')).toHaveLength(0);
    await runAt(deadline + 7 * DAY + MINUTE);
    await runAt(deadline + 7 * DAY + 2 * MINUTE);
    expect(await reminders('before_deadline')).toHaveLength(2);
  });
});
