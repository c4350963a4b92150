import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../core/db/tenant-transaction.ts';
import { REMINDERS_JOB, remindersJob } from '../server/reminder.jobs.ts';
import { sendDueReminders } from '../server/reminder.service.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths } from '../../../tests/helpers/forms-fixtures.ts';
import { waitFor } from '../../../tests/helpers/fake-sms-gateway.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('dispatch: reminders reach each unit once and only once', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  /** The 局长 of 区农业农村局 (agriculture-head.json): its head, holding no dispatch permission. */
  let agricultureHead: { userId: string };
  const api = () => `${tenant.base}/dispatch`;
  const jobs = () => ({ ...platform.jobContext('dispatch'), enabledTenantIds: async () => [tenant.id] });
  const runAt = (at: number) => remindersJob.handler({ now: new Date(at).toISOString() }, jobs());

  /** Notifications of one kind about one task: the link names the task. */
  const notes = (taskId: string, kind: string) =>
    platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, link: `/dispatch/tasks/${taskId}`, kind: `dispatch.reminder.${kind}` })
      .orderBy('created_at')
      .select('id', 'user_id', 'title', 'body');
  const texts = async (ids: string[]) =>
    ids.length === 0
      ? []
      : platform
          .ownerQuery('core_sms_outbox')
          .whereIn(
            'dedupe_key',
            ids.map((id) => `notification:${id}`),
          )
          .select('phone', 'body');
  const counts = async (taskId: string, kind: string) => {
    const found = await notes(taskId, kind);
    return { notes: found.length, sms: (await texts(found.map((n) => n.id))).length };
  };

  async function dispatchTo(title: string, unitId: string, deadline: string) {
    const response = await world.supervisor.client.post(`${api()}/tasks`, {
      title,
      ownerUnitId: world.units.office.id,
      deadline,
      assignments: [{ unitId }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const [assignment] = response.json().assignments;
    return {
      taskId: response.json().task.id as string,
      assignmentId: assignment.id as string,
      createdAt: Date.parse(assignment.createdAt),
      deadline: Date.parse(assignment.deadline),
    };
  }

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-reminders');
    await enableDispatch(tenant);
    world = await dispatchWorld(platform, tenant, {
      with: ['agriculture-head.json'],
      signIn: ['supervisor', 'water', 'jiufeng', 'baima', 'hongqi'],
    });
    agricultureHead = world.accounts['agri-head'];
  });
  afterAll(() => platform?.stop());

  it('a unit that has not opened its task is reminded once, in-app and by SMS, after the configured hours', async () => {
    const unopened = await dispatchTo('未查收提醒', world.units.water.id, daysFromNow(20));
    const opened = await dispatchTo('已查收不提醒', world.units.baima.id, daysFromNow(20));
    expect((await world.baima.client.post(`${api()}/assignments/${opened.assignmentId}/open`)).statusCode).toBe(200);

    await runAt(unopened.createdAt + 24 * HOUR - MINUTE);
    expect(await counts(unopened.taskId, 'unopened')).toEqual({ notes: 0, sms: 0 });

    // Two runs at once (a doubled job) and one more after them.
    await Promise.all([runAt(unopened.createdAt + 24 * HOUR + MINUTE), runAt(unopened.createdAt + 24 * HOUR + MINUTE)]);
    await runAt(unopened.createdAt + 24 * HOUR + 2 * MINUTE);
    expect(await counts(unopened.taskId, 'unopened')).toEqual({ notes: 1, sms: 1 });
    const [note] = await notes(unopened.taskId, 'unopened');
    expect(note).toMatchObject({
      user_id: world.water.userId,
      title: '任务未查收：未查收提醒',
      body: '任务“未查收提醒”已下达24小时仍未查收，请及时处理。',
    });
    expect(await counts(opened.taskId, 'unopened')).toEqual({ notes: 0, sms: 0 });

    // A fresh job context (what a restarted runner hands the handler) still sends nothing more.
    await remindersJob.handler(
      { now: new Date(unopened.createdAt + 30 * HOUR).toISOString() },
      { ...platform.jobContext('dispatch'), enabledTenantIds: async () => [tenant.id] },
    );
    expect(await counts(unopened.taskId, 'unopened')).toEqual({ notes: 1, sms: 1 });
    const timeline = (await world.supervisor.client.get(`${api()}/tasks/${unopened.taskId}/timeline`)).json().items;
    expect(
      timeline.filter((e: { kind: string }) => e.kind === 'reminder.sent').map((e: { data: { kind: string } }) => e.data.kind),
    ).toEqual(['unopened']);
  });

  it('before the deadline a unit is reminded 3 days and 1 day ahead, each once, never before its threshold', async () => {
    const { taskId, deadline } = await dispatchTo('到期前提醒', world.units.water.id, daysFromNow(10));
    const before = () => notes(taskId, 'before_deadline');

    await runAt(deadline - 3 * DAY - MINUTE);
    expect(await before()).toHaveLength(0);
    await runAt(deadline - 3 * DAY + MINUTE);
    await runAt(deadline - 3 * DAY + 2 * MINUTE);
    expect((await before()).map((n) => n.body)).toEqual([expect.stringContaining('还剩3天')]);
    await runAt(deadline - DAY - MINUTE);
    expect(await before()).toHaveLength(1);
    await runAt(deadline - DAY + MINUTE);
    await runAt(deadline - DAY + 2 * MINUTE);
    expect((await before()).map((n) => n.body)).toEqual([expect.stringContaining('还剩3天'), expect.stringContaining('还剩1天')]);
    expect(await counts(taskId, 'before_deadline')).toEqual({ notes: 2, sms: 2 });
    expect((await before()).every((n) => n.user_id === world.water.userId)).toBe(true);
  });

  it('when the schedule was down past both thresholds, only the nearest reminder goes out, once', async () => {
    const { taskId, assignmentId, deadline } = await dispatchTo('停机后补发', world.units.water.id, daysFromNow(10));
    await runAt(deadline - 12 * HOUR);
    await runAt(deadline - 11 * HOUR);
    expect((await notes(taskId, 'before_deadline')).map((n) => n.body)).toEqual([expect.stringContaining('还剩1天')]);
    const ledger = (await world.supervisor.client.get(`${api()}/assignments/${assignmentId}/reminders`)).json().items;
    expect(ledger.filter((r: { kind: string }) => r.kind === 'before_deadline').map((r: { occasion: string }) => r.occasion)).toEqual([
      `${new Date(deadline).toISOString()}/1d`,
    ]);
  });

  it('a unit dispatched to two days before its deadline hears the 1-day reminder, not the 3-day one', async () => {
    const { taskId, deadline } = await dispatchTo('临期下达', world.units.water.id, daysFromNow(2));
    await runAt(deadline - 36 * HOUR);
    expect(await notes(taskId, 'before_deadline')).toHaveLength(0);
    await runAt(deadline - 20 * HOUR);
    expect((await notes(taskId, 'before_deadline')).map((n) => n.body)).toEqual([expect.stringContaining('还剩1天')]);
  });

  it('an overdue assignment is escalated once to its unit’s head; a unit without a head account reaches its handlers', async () => {
    const headed = await dispatchTo('逾期通知局长', world.units.agriculture.id, daysFromNow(5));
    const headless = await dispatchTo('逾期通知经办人', world.units.water.id, daysFromNow(5));
    // The deadline instant itself is not overdue.
    await runAt(headed.deadline);
    expect(await notes(headed.taskId, 'overdue')).toHaveLength(0);
    await runAt(headed.deadline + MINUTE);
    await runAt(headed.deadline + HOUR);
    await runAt(headed.deadline + 3 * DAY);
    const toHead = await notes(headed.taskId, 'overdue');
    expect(toHead.map((n) => [n.user_id, n.title])).toEqual([[agricultureHead.userId, '任务逾期：逾期通知局长（区农业农村局）']]);
    expect(toHead[0].body).toContain('已于');
    expect(await counts(headed.taskId, 'overdue')).toEqual({ notes: 1, sms: 1 });
    expect((await notes(headless.taskId, 'overdue')).map((n) => n.user_id)).toEqual([world.water.userId]);
  });

  it('a crash before commit sends nothing, and the next run sends once', async () => {
    const { taskId, createdAt } = await dispatchTo('崩溃不丢提醒', world.units.water.id, daysFromNow(20));
    const context = jobs();
    const at = new Date(createdAt + 25 * HOUR);
    const crashed = context.withTenant(tenant.id, async ({ db }) => {
      const result = await sendDueReminders(
        {
          trx: db,
          tenantId: tenant.id,
          userId: null,
          now: at,
          timeZone: 'Asia/Shanghai',
          emitEvent: context.emitEvent,
          notifier: context.notifier,
        },
        500,
      );
      expect(result.sent).toBeGreaterThan(0);
      throw new Error('crashed before commit');
    });
    await expect(crashed).rejects.toThrow('crashed before commit');
    expect(await counts(taskId, 'unopened')).toEqual({ notes: 0, sms: 0 });
    expect(
      await platform
        .ownerQuery('core_reminder')
        .where({ tenant_id: tenant.id, module: 'dispatch' })
        .whereRaw(`data->>'taskId' = ?`, [taskId]),
    ).toHaveLength(0);

    await runAt(at.getTime());
    await runAt(at.getTime());
    expect(await counts(taskId, 'unopened')).toEqual({ notes: 1, sms: 1 });
  });

  it('reminders queued on the real job runner are sent once across a stop and restart of the runner', async () => {
    const { taskId, createdAt } = await dispatchTo('重启不重发', world.units.water.id, daysFromNow(20));
    const now = new Date(createdAt + 26 * HOUR).toISOString();
    const runQueued = async () => {
      const jobId = await withTenant(platform.db, tenant.id, (trx) => platform.app.jobs.enqueue(trx, REMINDERS_JOB, { now }));
      await waitFor('the reminder job completed', async () => {
        const { rows } = await platform.db.owner.raw('select state from pgboss.job where id = ?', [jobId]);
        return rows[0]?.state === 'completed' || (rows[0]?.state === 'failed' ? Promise.reject(new Error('reminder job failed')) : false);
      });
    };
    await platform.app.jobs.start();
    try {
      await runQueued();
      expect(await counts(taskId, 'unopened')).toEqual({ notes: 1, sms: 1 });
      await platform.app.jobs.stop();
      await platform.app.jobs.start();
      await runQueued();
      await runQueued();
    } finally {
      await platform.app.jobs.stop();
    }
    expect(await counts(taskId, 'unopened')).toEqual({ notes: 1, sms: 1 });
  });

  it('a supervisor urges a unit with one click: once within a minute, in the ledger and on the timeline', async () => {
    const { taskId, assignmentId } = await dispatchTo('一键催办', world.units.water.id, daysFromNow(12));
    const urge = (body: Record<string, unknown> = {}, who = world.supervisor) =>
      who.client.post(`${api()}/assignments/${assignmentId}/urge`, body);

    const first = await urge();
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ sent: true, reminder: { kind: 'urge', recipients: 1, sentByName: expect.any(String) } });
    expect(first.json().reminder.text).toContain('请加快办理任务“一键催办”');
    const again = await urge({ text: '马上办' });
    expect([again.statusCode, again.json().sent, again.json().reminder.id]).toEqual([200, false, first.json().reminder.id]);
    expect(await counts(taskId, 'urge')).toEqual({ notes: 1, sms: 1 });

    // A minute later the next click sends again, with the supervisor's own words.
    const aMinuteAgo = new Date(Date.now() - MINUTE - 1000);
    await platform
      .ownerQuery('core_reminder')
      .where({ tenant_id: tenant.id, id: first.json().reminder.id })
      .update({ sent_at: aMinuteAgo, occasion: aMinuteAgo.toISOString().slice(0, 16) });
    const later = await urge({ text: '请今天下班前报送进展' });
    expect([later.statusCode, later.json().reminder.text]).toEqual([201, '请今天下班前报送进展']);
    expect((await notes(taskId, 'urge')).map((n) => [n.user_id, n.title, n.body])).toEqual([
      [world.water.userId, '催办：一键催办', first.json().reminder.text],
      [world.water.userId, '催办：一键催办', '请今天下班前报送进展'],
    ]);
    const timeline = (await world.supervisor.client.get(`${api()}/tasks/${taskId}/timeline`)).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'urge.sent')).toHaveLength(2);
    const ledger = (await world.water.client.get(`${api()}/assignments/${assignmentId}/reminders`)).json().items;
    expect(ledger.map((r: { kind: string; text: string }) => [r.kind, r.text])).toEqual([
      ['urge', '请今天下班前报送进展'],
      ['urge', first.json().reminder.text],
    ]);
  });

  it('only reviewers urge, and only open assignments; bad text is named', async () => {
    const { taskId, assignmentId } = await dispatchTo('催办权限', world.units.water.id, daysFromNow(12));
    const byHandler = await world.water.client.post(`${api()}/assignments/${assignmentId}/urge`, {});
    expect([byHandler.statusCode, byHandler.json().error.code]).toEqual([403, 'DISPATCH_NOT_REVIEWER']);
    const byStranger = await world.baima.client.post(`${api()}/assignments/${assignmentId}/urge`, {});
    expect(byStranger.statusCode).toBe(404);
    const blank = await world.supervisor.client.post(`${api()}/assignments/${assignmentId}/urge`, { text: '   ' });
    expect([blank.statusCode, detailPaths(blank)]).toEqual([400, ['body.text']]);
    expect((await world.supervisor.client.post(`${api()}/tasks/${taskId}/close`)).statusCode).toBe(200);
    const closed = await world.supervisor.client.post(`${api()}/assignments/${assignmentId}/urge`, {});
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'DISPATCH_ASSIGNMENT_CLOSED']);
    expect(await notes(taskId, 'urge')).toHaveLength(0);
  });

  it('a town that re-dispatched to a village urges the village, and no other unit’s', async () => {
    const { assignmentId } = await dispatchTo('镇催村', world.units.jiufeng.id, daysFromNow(12));
    const sub = await world.jiufeng.client.post(`${api()}/assignments/${assignmentId}/subtasks`, {
      assignments: [{ unitId: world.units.hongqi.id }],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const villageAssignment = sub.json().items[0].id;
    const urged = await world.jiufeng.client.post(`${api()}/assignments/${villageAssignment}/urge`, {});
    expect(urged.statusCode, urged.body).toBe(201);
    const notified = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, kind: 'dispatch.reminder.urge', user_id: world.hongqi.userId });
    expect(notified).toHaveLength(1);
    expect((await world.hongqi.client.post(`${api()}/assignments/${assignmentId}/urge`, {})).statusCode).toBe(403);
  });

  it('in the county’s quiet hours nothing goes out; what fell due at night goes out once in the morning', async () => {
    const saved = await tenant.admin.put(`${tenant.base}/modules/dispatch/config`, { config: { quietHoursFrom: 21, quietHoursTo: 8 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const night = await dispatchTo('夜间不打扰', world.units.water.id, daysFromNow(20));
    // The first 23:30 and the next 08:05 in Beijing time after the "not opened" threshold passed.
    const shanghai = (after: number, hour: number, minute: number) => {
      const day = new Date(after + 8 * HOUR);
      let at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute) - 8 * HOUR;
      while (at <= after) at += DAY;
      return at;
    };
    const lateEvening = shanghai(night.createdAt + 24 * HOUR, 23, 30);
    await runAt(lateEvening);
    expect(await counts(night.taskId, 'unopened')).toEqual({ notes: 0, sms: 0 });
    const morning = shanghai(lateEvening, 8, 5);
    await runAt(morning);
    await runAt(morning + 5 * MINUTE);
    expect(await counts(night.taskId, 'unopened')).toEqual({ notes: 1, sms: 1 });
  });
});
