import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths } from '../../../tests/helpers/forms-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';

describe('dispatch: the escalation ladder (督办) — urge, notice, interview', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  /** The 局长 of 区农业农村局 (agriculture-head.json): its head, holding no dispatch permission. */
  let head: { userId: string };
  const api = () => `${tenant.base}/dispatch`;
  const notified = (userId: string, kind: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, user_id: userId, kind }).select('id', 'title', 'body');
  const interview = {
    at: '2026-12-02T09:30:00+08:00',
    place: '区委督查室第二会议室',
    attendees: ['区委督查室主任', '区农业农村局局长'],
    summary: '说明进度滞后原因，承诺本月底前完成',
  };

  async function dispatchTo(title: string, unitId: string) {
    const response = await world.supervisor.client.post(`${api()}/tasks`, {
      title,
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(20),
      assignments: [{ unitId }],
    });
    expect(response.statusCode, response.body).toBe(201);
    return { taskId: response.json().task.id as string, assignmentId: response.json().assignments[0].id as string };
  }
  const raise = (assignmentId: string, body: Record<string, unknown>, who = world.supervisor) =>
    who.client.post(`${api()}/assignments/${assignmentId}/escalations`, body);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-escalations');
    await enableDispatch(tenant);
    world = await dispatchWorld(platform, tenant, {
      with: ['agriculture-head.json'],
      signIn: ['supervisor', 'agriculture', 'water', 'baima'],
    });
    head = world.accounts['agri-head'];
  });
  afterAll(() => platform?.stop());

  it('a supervisor climbs urge → notice → interview; the unit hears each step, its head the notice and the interview', async () => {
    const { taskId, assignmentId } = await dispatchTo('高标准农田建设', world.units.agriculture.id);
    const urge = await raise(assignmentId, { text: '请加快进度，本周内报送进展' });
    expect(urge.statusCode, urge.body).toBe(201);
    expect(urge.json()).toMatchObject({
      level: 'urge',
      text: '请加快进度，本周内报送进展',
      record: null,
      createdByName: expect.any(String),
    });
    expect((await world.agriculture.client.get(`${api()}/assignments/${assignmentId}/escalations`)).json()).toMatchObject({
      level: 'urge',
      next: 'notice',
    });

    const skip = await raise(assignmentId, { level: 'interview', text: '直接约谈', record: interview });
    expect([skip.statusCode, skip.json().error.code, detailPaths(skip)]).toEqual([409, 'DISPATCH_ESCALATION_NOT_NEXT', ['body.level']]);
    const recordOnNotice = await raise(assignmentId, { level: 'notice', text: '督办通知', record: interview });
    expect([recordOnNotice.statusCode, detailPaths(recordOnNotice)]).toEqual([400, ['body.record']]);

    const notice = await raise(assignmentId, { level: 'notice', text: '进度严重滞后，请于三日内书面说明' });
    expect(notice.statusCode, notice.body).toBe(201);
    expect((await world.supervisor.client.get(`${api()}/assignments/${assignmentId}`)).json().assignment.escalationLevel).toBe(2);

    const noRecord = await raise(assignmentId, { text: '约谈' });
    expect([noRecord.statusCode, noRecord.json().error.code, detailPaths(noRecord)]).toEqual([
      400,
      'DISPATCH_INTERVIEW_RECORD_REQUIRED',
      ['body.record'],
    ]);
    const badRecord = await raise(assignmentId, { text: '约谈', record: { ...interview, attendees: [] } });
    expect([badRecord.statusCode, detailPaths(badRecord)]).toEqual([400, ['body.record.attendees']]);
    const talk = await raise(assignmentId, { text: '约谈区农业农村局主要负责人', record: interview });
    expect(talk.statusCode, talk.body).toBe(201);
    expect(talk.json()).toMatchObject({
      level: 'interview',
      record: { place: '区委督查室第二会议室', attendees: interview.attendees, summary: interview.summary },
    });
    expect(new Date(talk.json().record.at).toISOString()).toBe('2026-12-02T01:30:00.000Z');

    const top = await raise(assignmentId, { text: '再升级' });
    expect([top.statusCode, top.json().error.code]).toEqual([409, 'DISPATCH_ESCALATION_AT_TOP']);
    const listed = (await world.supervisor.client.get(`${api()}/assignments/${assignmentId}/escalations`)).json();
    expect([listed.items.map((e: { level: string }) => e.level), listed.level, listed.next]).toEqual([
      ['urge', 'notice', 'interview'],
      'interview',
      null,
    ]);

    expect((await notified(world.agriculture.userId, 'dispatch.escalation.urge')).map((n) => n.title)).toEqual([
      '催办：高标准农田建设（区农业农村局）',
    ]);
    expect(await notified(head.userId, 'dispatch.escalation.urge')).toHaveLength(0);
    expect((await notified(head.userId, 'dispatch.escalation.notice')).map((n) => n.body)).toEqual(['进度严重滞后，请于三日内书面说明']);
    const [toHead] = await notified(head.userId, 'dispatch.escalation.interview');
    expect(toHead.body).toBe('约谈区农业农村局主要负责人（约谈时间 2026-12-02 09:30，地点 区委督查室第二会议室）');
    const sms = await platform.ownerQuery('core_sms_outbox').where({ tenant_id: tenant.id, dedupe_key: `notification:${toHead.id}` });
    expect(sms).toHaveLength(1);
    const timeline = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/timeline`)).json().items;
    expect(
      timeline.filter((e: { kind: string }) => e.kind === 'escalation.raised').map((e: { data: { level: string } }) => e.data.level),
    ).toEqual(['urge', 'notice', 'interview']);
  });

  it('only the task’s supervisors escalate, only open assignments, and the text is required', async () => {
    const { taskId, assignmentId } = await dispatchTo('督办权限', world.units.water.id);
    const byHandler = await raise(assignmentId, { text: '自己督办自己' }, world.water);
    expect([byHandler.statusCode, byHandler.json().error.code]).toEqual([403, 'DISPATCH_NOT_SUPERVISOR']);
    expect((await raise(assignmentId, { text: '无关单位' }, world.baima)).statusCode).toBe(404);
    const noText = await raise(assignmentId, {});
    expect([noText.statusCode, detailPaths(noText)]).toEqual([400, ['body.text']]);
    const unknownLevel = await raise(assignmentId, { level: 'warning', text: '警告' });
    expect([unknownLevel.statusCode, detailPaths(unknownLevel)]).toEqual([400, ['body.level']]);
    expect((await world.supervisor.client.post(`${api()}/tasks/${taskId}/close`)).statusCode).toBe(200);
    const closed = await raise(assignmentId, { text: '任务已关闭' });
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'DISPATCH_ASSIGNMENT_CLOSED']);
    expect((await world.supervisor.client.get(`${api()}/assignments/${assignmentId}/escalations`)).json()).toEqual({
      items: [],
      level: null,
      next: 'urge',
      ladder: ['urge', 'notice', 'interview'],
    });
  });

  it('a tenant whose ladder leaves out the urge starts at the notice', async () => {
    const saved = await tenant.admin.put(`${tenant.base}/modules/dispatch/config`, {
      config: { escalationLadder: ['notice', 'interview'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { assignmentId } = await dispatchTo('两级督办', world.units.water.id);
    const refused = await raise(assignmentId, { level: 'urge', text: '催办' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'DISPATCH_ESCALATION_NOT_NEXT']);
    const first = await raise(assignmentId, { text: '督办通知' });
    expect([first.statusCode, first.json().level]).toEqual([201, 'notice']);
  });
});
