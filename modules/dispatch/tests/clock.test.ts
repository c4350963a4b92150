import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMS_DELIVERY_QUEUE } from '../../../core/notify/sms-delivery.jobs.ts';
import { waitFor } from '../../../tests/helpers/fake-sms-gateway.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';

/** The Beijing hour `plus` hours from now. */
const beijingHour = (plus = 0) => (new Date(Date.now() + 8 * 3_600_000).getUTCHours() + plus) % 24;

describe('dispatch and the clock: lights turn at the deadline, SMS wait for the end of quiet hours', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  const api = () => `${tenant.base}/dispatch`;
  const setConfig = async (config: Record<string, unknown>) => {
    const saved = await tenant.admin.put(`${tenant.base}/modules/dispatch/config`, { config });
    expect(saved.statusCode, saved.body).toBe(200);
  };
  const dispatchTo = async (title: string, unitId: string, deadline: string) => {
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title,
      ownerUnitId: world.units.office.id,
      deadline,
      assignments: [{ unitId, role: 'lead' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    return { taskId: created.json().task.id as string, assignmentId: created.json().assignments[0].id as string };
  };
  /** The delivery jobs of the SMS written since `since` for notifications of `kind`, with when each may start. */
  const smsJobsOf = async (kind: string, since: Date) => {
    const notes = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, kind })
      .where('created_at', '>=', since)
      .pluck('id');
    const outbox: { id: string; status: string }[] = await platform
      .ownerQuery('core_sms_outbox')
      .where({ tenant_id: tenant.id })
      .whereIn(
        'dedupe_key',
        notes.map((id: string) => `notification:${id}`),
      )
      .select('id', 'status');
    const jobs = (
      await platform.db.owner.raw(`select data->>'outboxId' as "outboxId", start_after as "startAfter" from pgboss.job where name = ?`, [
        SMS_DELIVERY_QUEUE,
      ])
    ).rows as { outboxId: string; startAfter: Date }[];
    return outbox.map((o) => ({ status: o.status, startAfter: new Date(jobs.find((j) => j.outboxId === o.id)!.startAfter) }));
  };

  beforeAll(async () => {
    platform = await TestPlatform.start({
      startJobs: true,
      configure: (config) => ({ ...config, jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 } }),
    });
    tenant = await platform.createTenant('dispatch-clock');
    await enableDispatch(tenant, { smsReminders: true });
    world = await dispatchWorld(platform, tenant, { signIn: ['supervisor', 'leader', 'agriculture'] });
  });
  afterAll(() => platform?.stop());

  it('a light turns red within seconds of its deadline passing, not at the next ten-minute sweep', async () => {
    const deadline = new Date(Date.now() + 4000);
    const { taskId } = await dispatchTo('四秒后截止', world.units.water.id, deadline.toISOString());
    const read = async () => (await world.supervisor.client.get(`${api()}/tasks/${taskId}`)).json();
    expect((await read()).task.light).toBe('yellow');
    const red = await waitFor(
      'the light to turn red',
      async () => {
        const body = await read();
        return body.task.light === 'red' ? body : undefined;
      },
      15_000,
    );
    expect(red.assignments[0]).toMatchObject({ light: 'red', lightCause: 'overdue' });
    const change = await platform
      .ownerQuery('dispatch_light_change')
      .where({ tenant_id: tenant.id, task_id: taskId, to_light: 'red' })
      .first('created_at');
    // Recomputed just after the deadline (the instant itself is not overdue), not minutes later.
    expect(new Date(change.created_at).getTime() - deadline.getTime()).toBeGreaterThan(0);
    expect(new Date(change.created_at).getTime() - deadline.getTime()).toBeLessThan(8000);
  });

  it('in quiet hours the SMS of an urge, an escalation, an instruction and a new task wait until they end; in-app notices go at once', async () => {
    await setConfig({ smsReminders: true, quietHoursFrom: beijingHour(), quietHoursTo: beijingHour(2) });
    const since = new Date();
    const { taskId, assignmentId } = await dispatchTo('夜间督办', world.units.agriculture.id, daysFromNow(10));
    expect((await world.supervisor.client.post(`${api()}/assignments/${assignmentId}/urge`, { text: '请尽快办理' })).statusCode).toBe(201);
    expect(
      (await world.supervisor.client.post(`${api()}/assignments/${assignmentId}/escalations`, { text: '请于三日内整改' })).statusCode,
    ).toBe(201);
    expect((await world.leader.client.post(`${api()}/tasks/${taskId}/instructions`, { text: '务必按期完成' })).statusCode).toBe(201);

    const end = new Date(Date.now() + 8 * 3_600_000);
    end.setUTCHours(beijingHour(2), 0, 0, 0);
    const endOfQuiet = new Date(end.getTime() - 8 * 3_600_000 + (end.getTime() - 8 * 3_600_000 <= Date.now() ? 86_400_000 : 0));
    for (const kind of ['dispatch.assignment.new', 'dispatch.reminder.urge', 'dispatch.escalation.urge', 'dispatch.instruction.given']) {
      const jobs = await smsJobsOf(kind, since);
      expect(jobs.length, kind).toBeGreaterThan(0);
      for (const job of jobs) expect([kind, job.status, job.startAfter.toISOString()]).toEqual([kind, 'pending', endOfQuiet.toISOString()]);
      expect(
        await platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, kind, user_id: world.agriculture.userId }).first('id'),
        kind,
      ).toBeDefined();
    }
  });

  it('outside quiet hours an urge’s SMS goes at once', async () => {
    await setConfig({ smsReminders: true, quietHoursFrom: beijingHour(3), quietHoursTo: beijingHour(5) });
    const { assignmentId } = await dispatchTo('白天催办', world.units.baima.id, daysFromNow(10));
    const since = new Date();
    expect((await world.supervisor.client.post(`${api()}/assignments/${assignmentId}/urge`, {})).statusCode).toBe(201);
    const urges = await smsJobsOf('dispatch.reminder.urge', since);
    expect(urges).toHaveLength(1);
    expect(urges[0].startAfter.getTime()).toBeLessThan(Date.now() + 1000);
  });

  it('a county on Xinjiang time reads every deadline, “N working days” and quiet hours off its own clock', async () => {
    const zoned = await platform.operator.patch(`/api/platform/tenants/${tenant.id}`, { timeZone: 'Asia/Urumqi' });
    expect(zoned.statusCode, zoned.body).toBe(200);
    try {
      // Urumqi runs two hours behind Beijing: its night ends two Beijing hours later.
      const urumqiHour = (plus = 0) => (beijingHour(plus) + 22) % 24;
      await setConfig({ smsReminders: true, quietHoursFrom: urumqiHour(), quietHoursTo: urumqiHour(2) });
      const since = new Date();
      const created = await world.supervisor.client.post(`${api()}/tasks`, {
        title: '按新疆时间截止',
        ownerUnitId: world.units.office.id,
        deadlineWorkingDays: 3,
        assignments: [{ unitId: world.units.water.id, role: 'lead' }],
      });
      expect(created.statusCode, created.body).toBe(201);
      const deadline = new Date(created.json().task.deadline);
      // The end of a day in Urumqi (UTC+6) is 17:59:59.999 UTC, not Beijing's 15:59:59.999.
      expect(deadline.toISOString()).toMatch(/T17:59:59\.999Z$/);
      const notice = await platform
        .ownerQuery('core_notification')
        .where({ tenant_id: tenant.id, kind: 'dispatch.assignment.new' })
        .where('created_at', '>=', since)
        .first('body');
      const local = new Date(deadline.getTime() + 6 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
      expect(notice.body).toContain(`截止时间 ${local}`);
      const [sms] = await smsJobsOf('dispatch.assignment.new', since);
      const end = new Date(Date.now() + 6 * 3_600_000);
      end.setUTCHours(urumqiHour(2), 0, 0, 0);
      const endOfQuiet = new Date(end.getTime() - 6 * 3_600_000 + (end.getTime() - 6 * 3_600_000 <= Date.now() ? 86_400_000 : 0));
      expect(sms.startAfter.toISOString()).toBe(endOfQuiet.toISOString());
    } finally {
      await platform.operator.patch(`/api/platform/tenants/${tenant.id}`, { timeZone: 'Asia/Shanghai' });
    }
  });
});
