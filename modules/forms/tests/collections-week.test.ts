import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/time/calendar-date.ts';
import { todayIn } from '../../../core/time/time-zone.ts';
import { dailyJob } from '../server/forms.jobs.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import type { ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { enableForms, formsWorld, goodHousehold, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';

/** `hour`:30 on `day` by the Beijing clock, as an instant. */
const beijing = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:30:00+08:00`).toISOString();

describe('forms: sending to units that can fill in, starting from last period, quiet hours', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let hongqi: { id: string };
  let xinhua: { id: string };
  /** Nobody may fill in forms for 石桥村. */
  let shiqiao: { id: string };
  let hongqiStaff: ScopedUser;
  let xinhuaStaff: ScopedUser;
  let townHead: ScopedUser;
  const api = () => `${tenant.base}/forms`;
  const notificationsOf = (userId: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, user_id: userId, kind: 'forms.collection.reminder' });
  const jobContext = () => ({ ...platform.jobContext('forms'), enabledTenantIds: async () => [tenant.id] });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-week');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant);
    const world = await formsWorld(platform, tenant, { signIn: ['hongqi-clerk', 'xinhua-clerk', 'jiufeng-head'] });
    ({ hongqi, xinhua, shiqiao } = world.units);
    hongqiStaff = world.hongqiClerk;
    xinhuaStaff = world.xinhuaClerk;
    townHead = world.jiufengHead;
  });
  afterAll(() => platform?.stop());

  it('warns of a unit nobody may fill in for, and does not mark it reminded (no 已催报 for nobody)', async () => {
    const sent = await townHead.client.post(`${api()}/collections`, {
      formId,
      name: '一次性核查',
      frequency: 'once',
      dueOn: addDays(todayIn('Asia/Shanghai'), 10),
      unitIds: [hongqi.id, shiqiao.id],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const collection = sent.json();
    expect(Object.fromEntries(collection.assignees.map((a: { unitName: string; fillers: number }) => [a.unitName, a.fillers]))).toEqual({
      红旗村: 1,
      石桥村: 0,
    });

    const reminded = await townHead.client.post(`${api()}/collections/${collection.id}/periods/once/remind`, { sms: false });
    expect(reminded.json()).toMatchObject({ remindedAssignees: 1, unreachableAssignees: 1, notifiedUsers: 1 });
    const status = (await townHead.client.get(`${api()}/collections/${collection.id}/periods/once/status`)).json();
    const byName = Object.fromEntries(status.missing.map((a: { unitName: string }) => [a.unitName, a]));
    expect(byName['石桥村']).toMatchObject({ fillers: 0, lastRemindedAt: null });
    expect(byName['红旗村'].fillers).toBe(1);
    expect(byName['红旗村'].lastRemindedAt).not.toBeNull();
  });

  it('a village starts this month from its own households of last month, and only its own', async () => {
    const sent = await townHead.client.post(`${api()}/collections`, {
      formId,
      name: '因户施策月报',
      frequency: 'monthly',
      startsOn: '2025-01-01',
      dueOffset: 5,
      unitIds: [hongqi.id, xinhua.id],
    });
    const collection = sent.json();
    for (const key of ['2025-01', '2025-02'])
      expect((await townHead.client.post(`${api()}/collections/${collection.id}/periods`, { periodKey: key })).statusCode).toBe(200);
    const submit = (user: ScopedUser, periodKey: string, householder: string) =>
      user.client.post(`${api()}/forms/${formId}/submissions`, {
        version: 1,
        collectionId: collection.id,
        periodKey,
        data: { ...goodHousehold, householder },
      });
    expect((await submit(hongqiStaff, '2025-01', '王大山')).statusCode).toBe(201);
    expect((await submit(hongqiStaff, '2025-01', '李小河')).statusCode).toBe(201);
    expect((await submit(xinhuaStaff, '2025-01', '赵东风')).statusCode).toBe(201);

    const previous = await hongqiStaff.client.get(`${api()}/collections/${collection.id}/periods/2025-02/previous`);
    expect(previous.statusCode, previous.body).toBe(200);
    expect(previous.json().periodKey).toBe('2025-01');
    expect(previous.json().items.map((s: { data: { householder: string } }) => s.data.householder)).toEqual(['王大山', '李小河']);
    expect(previous.json().items[0].data).toMatchObject({ ...goodHousehold, householder: '王大山' });
    // The first period has nothing before it.
    expect((await hongqiStaff.client.get(`${api()}/collections/${collection.id}/periods/2025-01/previous`)).json()).toEqual({
      periodKey: null,
      items: [],
    });
    // 新华村 sees its own household, never 红旗村's, even naming 红旗村's assignment.
    expect(
      (await xinhuaStaff.client.get(`${api()}/collections/${collection.id}/periods/2025-02/previous`))
        .json()
        .items.map((s: { data: { householder: string } }) => s.data.householder),
    ).toEqual(['赵东风']);
    const hongqiAssignee = collection.assignees.find((a: { unitName: string }) => a.unitName === '红旗村').id;
    const foreign = await xinhuaStaff.client.get(
      `${api()}/collections/${collection.id}/periods/2025-02/previous?assigneeId=${hongqiAssignee}`,
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('FORMS_ASSIGNEE_INVALID');
  });

  it('automatic reminders wait out the county’s quiet hours and go with the first run after them', async () => {
    const saved = await tenant.admin.put(`${tenant.base}/modules/forms/config`, {
      config: { quietHoursFrom: 21, quietHoursTo: 9, reminderDaysBefore: 1 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const today = todayIn('Asia/Shanghai');
    const collection = (
      await townHead.client.post(`${api()}/collections`, {
        formId,
        name: '明日截止',
        frequency: 'once',
        dueOn: addDays(today, 1),
        unitIds: [xinhua.id],
      })
    ).json();
    const autoReminders = () =>
      platform
        .ownerQuery('core_reminder')
        .where({ tenant_id: tenant.id, module: 'forms', kind: 'auto' })
        .whereRaw(`data->>'collectionId' = ?`, [collection.id]);
    const before = (await notificationsOf(xinhuaStaff.userId)).length;

    // 07:30 and 08:30 Beijing lie within 21:00–09:00: nothing is sent or recorded.
    await dailyJob.handler({ today, now: beijing(today, 7) }, jobContext());
    await dailyJob.handler({ today, now: beijing(today, 8) }, jobContext());
    expect(await autoReminders()).toHaveLength(0);
    expect(await notificationsOf(xinhuaStaff.userId)).toHaveLength(before);

    // 09:30: the first run after the quiet hours sends it, once.
    await dailyJob.handler({ today, now: beijing(today, 9) }, jobContext());
    await dailyJob.handler({ today, now: beijing(today, 10) }, jobContext());
    expect(await autoReminders()).toHaveLength(1);
    expect(await notificationsOf(xinhuaStaff.userId)).toHaveLength(before + 1);
  });
});
