import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/time/calendar-date.ts';
import { todayIn } from '../../../core/time/time-zone.ts';
import { dailyJob } from '../server/forms.jobs.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import type { ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { detailPaths, enableForms, formsWorld, goodHousehold, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';

describe('forms: collections per period (一月一报), who is missing, reminders', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let hongqi: { id: string };
  let xinhua: { id: string };
  let hongqiStaff: ScopedUser;
  let xinhuaStaff: ScopedUser;
  let townHead: ScopedUser;
  let otherHead: ScopedUser;
  /** A clerk who fills in for a village the collections do not go to. */
  let outsider: ScopedUser;
  let monthly: string;
  const api = () => `${tenant.base}/forms`;
  const submitFor = (user: ScopedUser, collectionId: string, periodKey: string, extra: Record<string, unknown> = {}) =>
    user.client.post(`${api()}/forms/${formId}/submissions`, { version: 1, data: goodHousehold, collectionId, periodKey, ...extra });
  const notificationsOf = (userId: string, kind: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, user_id: userId, kind });
  const jobContext = () => ({ ...platform.jobContext('forms'), enabledTenantIds: async () => [tenant.id] });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-collect');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant);
    const world = await formsWorld(platform, tenant);
    ({ hongqi, xinhua } = world.units);
    hongqiStaff = world.hongqiClerk;
    xinhuaStaff = world.xinhuaClerk;
    townHead = world.jiufengHead;
    otherHead = world.baimaHead;
    outsider = world.baimaClerk;
  });
  afterAll(() => platform?.stop());

  it('the town head sends the household form monthly to two villages; the current month opens at once', async () => {
    const response = await townHead.client.post(`${api()}/collections`, {
      formId,
      name: '因户施策月报',
      frequency: 'monthly',
      startsOn: '2025-01-01',
      dueOffset: 5,
      unitIds: [hongqi.id, xinhua.id],
    });
    expect(response.statusCode, response.body).toBe(201);
    monthly = response.json().id;
    const current = todayIn('Asia/Shanghai').slice(0, 7);
    expect(response.json()).toMatchObject({ version: 1, frequency: 'monthly', status: 'active', periods: [{ periodKey: current }] });
    expect(
      response
        .json()
        .assignees.map((a: { unitName: string }) => a.unitName)
        .sort(),
    ).toEqual(['新华村', '红旗村']);
  });

  it('opening March twice opens it once, due five days after the month ends; future or ill-fitting periods are refused', async () => {
    const first = await townHead.client.post(`${api()}/collections/${monthly}/periods`, { periodKey: '2025-03' });
    expect(first.json()).toEqual({ periodKey: '2025-03', startsOn: '2025-03-01', endsOn: '2025-03-31', dueOn: '2025-04-05' });
    expect((await townHead.client.post(`${api()}/collections/${monthly}/periods`, { periodKey: '2025-03' })).json()).toEqual(first.json());
    expect(
      await platform.ownerQuery('forms_period').where({ tenant_id: tenant.id, collection_id: monthly, period_key: '2025-03' }),
    ).toHaveLength(1);
    const nextYear = `${Number(todayIn('Asia/Shanghai').slice(0, 4)) + 1}-01`;
    expect(detailPaths(await townHead.client.post(`${api()}/collections/${monthly}/periods`, { periodKey: nextYear }))).toEqual([
      'body.periodKey',
    ]);
    expect(detailPaths(await townHead.client.post(`${api()}/collections/${monthly}/periods`, { periodKey: '2025-Q1' }))).toEqual([
      'body.periodKey',
    ]);
    expect(detailPaths(await townHead.client.post(`${api()}/collections/${monthly}/periods`, { periodKey: '2024-12' }))).toEqual([
      'body.periodKey',
    ]);
  });

  it('each village sees March as due; after one submits, the missing list of March names the village that did not', async () => {
    const due = (await hongqiStaff.client.get(`${api()}/my-due`)).json().items;
    expect(due.find((d: { periodKey: string }) => d.periodKey === '2025-03')).toMatchObject({
      collectionId: monthly,
      unitName: '红旗村',
      dueOn: '2025-04-05',
      state: 'missing',
      overdue: true,
    });

    const submitted = await submitFor(hongqiStaff, monthly, '2025-03');
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({ collectionId: monthly, periodKey: '2025-03', unitName: '红旗村' });
    expect(
      (await hongqiStaff.client.get(`${api()}/my-due`)).json().items.some((d: { periodKey: string }) => d.periodKey === '2025-03'),
    ).toBe(false);
    expect(
      (await hongqiStaff.client.get(`${api()}/my-due?all=true`)).json().items.find((d: { periodKey: string }) => d.periodKey === '2025-03')
        .state,
    ).toBe('submitted');

    const status = (await townHead.client.get(`${api()}/collections/${monthly}/periods/2025-03/status`)).json();
    expect(status.submitted.map((a: { unitName: string }) => a.unitName)).toEqual(['红旗村']);
    expect(status.missing).toMatchObject([{ unitName: '新华村', state: 'missing', submittedCount: 0 }]);
  });

  it('one click reminds the missing village in-app and by SMS; a second click within a minute sends nothing', async () => {
    const first = await townHead.client.post(`${api()}/collections/${monthly}/periods/2025-03/remind`, {});
    expect(first.json()).toEqual({ remindedAssignees: 1, notifiedUsers: 1, skippedRecentlyReminded: 0, unreachableAssignees: 0 });
    const second = await townHead.client.post(`${api()}/collections/${monthly}/periods/2025-03/remind`, {});
    expect(second.json()).toEqual({ remindedAssignees: 0, notifiedUsers: 0, skippedRecentlyReminded: 1, unreachableAssignees: 0 });
    expect(await notificationsOf(xinhuaStaff.userId, 'forms.collection.reminder')).toHaveLength(1);
    expect(await notificationsOf(hongqiStaff.userId, 'forms.collection.reminder')).toHaveLength(0);
    expect(await platform.ownerQuery('core_sms_outbox').where({ tenant_id: tenant.id })).toHaveLength(1);
    const status = (await townHead.client.get(`${api()}/collections/${monthly}/periods/2025-03/status`)).json();
    expect(status.missing[0].lastRemindedAt).not.toBeNull();
  });

  it('submitting needs an assignee: someone else gets 403, an admin must name the assignee, a closed collection takes nothing', async () => {
    expect((await submitFor(outsider, monthly, '2025-03')).json().error.code).toBe('FORMS_NOT_ASSIGNED');
    expect(detailPaths(await submitFor(hongqiStaff, monthly, '2025-02'))).toEqual(['body.periodKey']);
    const admin = await tenant.admin.post(`${api()}/forms/${formId}/submissions`, {
      version: 1,
      data: goodHousehold,
      collectionId: monthly,
      periodKey: '2025-03',
    });
    expect(detailPaths(admin)).toEqual(['body.assigneeId']);
    const once = (
      await townHead.client.post(`${api()}/collections`, {
        formId,
        name: '一次性',
        frequency: 'once',
        dueOn: addDays(todayIn('Asia/Shanghai'), 3),
        unitIds: [hongqi.id],
      })
    ).json();
    expect(once.periods).toMatchObject([{ periodKey: 'once', dueOn: addDays(todayIn('Asia/Shanghai'), 3) }]);
    expect((await townHead.client.patch(`${api()}/collections/${once.id}`, { status: 'closed' })).json().status).toBe('closed');
    expect((await submitFor(hongqiStaff, once.id, 'once')).json().error.code).toBe('FORMS_COLLECTION_CLOSED');
  });

  it("another town's head neither sees the collection nor sends to villages outside the town", async () => {
    expect((await otherHead.client.get(`${api()}/collections/${monthly}`)).statusCode).toBe(404);
    expect((await otherHead.client.get(`${api()}/collections/${monthly}/periods/2025-03/status`)).statusCode).toBe(404);
    expect((await otherHead.client.get(`${api()}/collections`)).json().items).toEqual([]);
    const outside = await otherHead.client.post(`${api()}/collections`, {
      formId,
      name: '越权',
      frequency: 'monthly',
      unitIds: [hongqi.id],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([{ path: 'body.unitIds[0]', message: 'is outside your units' }]);
  });

  it('a weekly collection due one working day after the week skips the National Day holiday', async () => {
    const weekly = (
      await townHead.client.post(`${api()}/collections`, {
        formId,
        name: '周报',
        frequency: 'weekly',
        startsOn: '2025-09-01',
        dueOffset: 1,
        dueOffsetKind: 'working_days',
        unitIds: [xinhua.id],
      })
    ).json();
    // Week 40 of 2025 ends on Sunday 5 October, inside the 1–8 October holiday.
    const period = await townHead.client.post(`${api()}/collections/${weekly.id}/periods`, { periodKey: '2025-W40' });
    expect(period.json()).toEqual({ periodKey: '2025-W40', startsOn: '2025-09-29', endsOn: '2025-10-05', dueOn: '2025-10-09' });
  });

  it('the automatic reminder is sent once even when the job runs twice, and the job opens the current periods', async () => {
    const dueOn = addDays(todayIn('Asia/Shanghai'), 1);
    const once = (
      await townHead.client.post(`${api()}/collections`, {
        formId,
        name: '自动提醒',
        frequency: 'once',
        dueOn,
        unitIds: [hongqi.id, xinhua.id],
      })
    ).json();
    await submitFor(xinhuaStaff, once.id, 'once');
    await dailyJob.handler({}, jobContext());
    await dailyJob.handler({}, jobContext());
    const autos = await platform
      .ownerQuery('core_reminder')
      .where({ tenant_id: tenant.id, module: 'forms', kind: 'auto' })
      .whereRaw(`data->>'collectionId' = ?`, [once.id]);
    expect(autos).toHaveLength(1);
    expect(await notificationsOf(hongqiStaff.userId, 'forms.collection.reminder')).toHaveLength(1);
    // New month, new period: the job opens it, once.
    const nextMonth = addDays(`${todayIn('Asia/Shanghai').slice(0, 7)}-01`, 40).slice(0, 7);
    await dailyJob.handler({ today: `${nextMonth}-02` }, jobContext());
    await dailyJob.handler({ today: `${nextMonth}-02` }, jobContext());
    expect(
      await platform.ownerQuery('forms_period').where({ tenant_id: tenant.id, collection_id: monthly, period_key: nextMonth }),
    ).toHaveLength(1);
  });
});
