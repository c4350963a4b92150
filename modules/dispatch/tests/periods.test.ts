import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../../core/auth/password.ts';
import { addDays, weekdayOf, type IsoDate } from '../../../core/time/calendar-date.ts';
import { todayIn } from '../../../core/time/time-zone.ts';
import { periodsJob } from '../server/period.jobs.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths } from '../../../tests/helpers/forms-fixtures.ts';
import { apiUnit, randomPhone } from '../../../tests/helpers/org-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';
import { setTenantSql } from '../../../core/db/tenant-context-sql.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, '0');

/** Quarter arithmetic on Shanghai days: the key of a day's quarter, and the first day `n` quarters later. */
const quarterKey = (day: IsoDate) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
function quarterStart(day: IsoDate, n: number): IsoDate {
  const index = Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3) + n;
  return `${Math.floor(index / 4)}-${pad((index % 4) * 3 + 1)}-01`;
}
const at = (day: IsoDate, time = '09:00') => new Date(`${day}T${time}:00+08:00`);

describe('dispatch: recurring report periods', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  const today = todayIn('Asia/Shanghai');
  const api = () => `${tenant.base}/dispatch`;
  const jobs = (tenantId: string) => ({ ...platform.jobContext('dispatch'), enabledTenantIds: async () => [tenantId] });
  const runAt = (now: Date, tenantId = tenant.id) => periodsJob.handler({ now: now.toISOString() }, jobs(tenantId));
  /** Period notices about a task, for one user and one period (by its label in the title) when given. */
  const periodNotes = (
    taskId: string,
    userId?: string,
    label?: string,
  ): Promise<{ id: string; user_id: string; title: string; body: string }[]> =>
    platform
      .ownerQuery('core_notification')
      .where({ link: `/dispatch/tasks/${taskId}`, kind: 'dispatch.reminder.period_due' })
      .modify((q) => (userId ? q.where({ user_id: userId }) : q))
      .modify((q) => (label ? q.where('title', 'like', `%（${label}）`) : q))
      .orderBy('created_at')
      .select('id', 'user_id', 'title', 'body');
  const smsOf = async (notes: { id: string }[]) =>
    notes.length === 0
      ? 0
      : (
          await platform.ownerQuery('core_sms_outbox').whereIn(
            'dedupe_key',
            notes.map((n) => `notification:${n.id}`),
          )
        ).length;
  const periods = async (taskId: string, who = world.supervisor, query = '') => {
    const response = await who.client.get(`${api()}/tasks/${taskId}/periods${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const quarterly = (title: string, extra: Record<string, unknown> = {}) =>
    world.supervisor.client.post(`${api()}/tasks`, {
      title,
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(330),
      cadence: { kind: 'quarterly' },
      assignments: [
        { unitId: world.units.water.id, role: 'lead' },
        { unitId: world.units.baima.id, role: 'co' },
      ],
      ...extra,
    });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-periods');
    await enableDispatch(tenant);
    world = await dispatchWorld(platform, tenant, { signIn: ['supervisor', 'water', 'baima', 'hongqi'] });
  });
  afterAll(() => platform?.stop());

  it('a quarterly task opens the current quarter when created and tells each unit once, in-app', async () => {
    const created = await quarterly('重点项目季度推进');
    expect(created.statusCode, created.body).toBe(201);
    const taskId = created.json().task.id;
    const [current] = (await periods(taskId)).items;
    const end = addDays(quarterStart(today, 1), -1);
    expect(current).toMatchObject({
      periodKey: quarterKey(today),
      startsOn: quarterStart(today, 0),
      endsOn: end,
      expected: 2,
      reported: 0,
      missing: 2,
      overdue: false,
    });
    expect(new Date(current.dueAt).toISOString()).toBe(new Date(`${addDays(end, 5)}T23:59:59.999+08:00`).toISOString());
    const notes = await periodNotes(taskId);
    expect(new Set(notes.map((n) => n.user_id))).toEqual(new Set([world.water.userId, world.baima.userId]));
    expect(notes[0].title).toBe(`定期报送：重点项目季度推进（${current.label}）`);
    // The dispatch notice went by SMS a moment ago: the first period's notice stays in-app.
    expect(await smsOf(notes)).toBe(0);
    await runAt(new Date());
    expect(await periodNotes(taskId)).toHaveLength(2);
  });

  it('the schedule opens the next quarter once, tells each unit once by SMS too, and reminds only the missing before the due date', async () => {
    const taskId = (await quarterly('季度报送提醒')).json().task.id;
    const next = quarterStart(today, 1);
    await runAt(at(next));
    await runAt(at(next, '10:00'));
    const listed = (await periods(taskId)).items;
    expect(listed.map((p: { periodKey: string }) => p.periodKey)).toEqual([quarterKey(next), quarterKey(today)]);
    const label = listed[0].label;
    const waterNotes = await periodNotes(taskId, world.water.userId, label);
    expect(waterNotes.map((n) => n.title)).toEqual([`定期报送：季度报送提醒（${label}）`]);
    expect(await smsOf(waterNotes)).toBe(1);

    const waterAssignment = listed[0].units.find((u: { unit: { name: string } }) => u.unit.name === '区水务局').assignmentId;
    const report = await world.water.client.post(`${api()}/assignments/${waterAssignment}/reports`, {
      progress: 30,
      periodKey: quarterKey(next),
      text: '本季度完成三成',
    });
    expect(report.statusCode, report.body).toBe(201);
    const dueAt = new Date(listed[0].dueAt).getTime();
    await runAt(new Date(dueAt - 2 * DAY - HOUR));
    expect(await periodNotes(taskId, world.baima.userId, label)).toHaveLength(1);
    await runAt(new Date(dueAt - 2 * DAY + HOUR));
    await runAt(new Date(dueAt - 2 * DAY + 2 * HOUR));
    const baimaNotes = await periodNotes(taskId, world.baima.userId, label);
    expect(baimaNotes).toHaveLength(2);
    expect(baimaNotes[1].body).toContain('进展尚未报送');
    expect(await smsOf(baimaNotes)).toBe(2);
    expect(await periodNotes(taskId, world.water.userId, label)).toHaveLength(1);

    const nextPeriod = (await periods(taskId)).items.find((p: { periodKey: string }) => p.periodKey === quarterKey(next));
    expect(nextPeriod).toMatchObject({ expected: 2, reported: 1, missing: 1 });
    expect(nextPeriod.units.map((u: { unit: { name: string }; state: string }) => [u.unit.name, u.state])).toEqual([
      ['区水务局', 'reported'],
      ['白马镇', 'missing'],
    ]);
  });

  it('periods missed while the server was down all open on the next run; past-due ones show as missing and are not announced', async () => {
    const taskId = (await quarterly('停机补开')).json().task.id;
    const later = addDays(quarterStart(today, 3), 10);
    await runAt(at(later));
    const listed = (await periods(taskId)).items;
    expect(listed.map((p: { periodKey: string }) => p.periodKey)).toEqual([3, 2, 1, 0].map((n) => quarterKey(quarterStart(today, n))));
    expect(
      (
        await platform
          .ownerQuery('core_reminder')
          .where({ tenant_id: tenant.id, module: 'dispatch', kind: 'period_due' })
          .whereRaw(`data->>'taskId' = ?`, [taskId])
          .pluck('occasion')
      ).sort(),
    ).toEqual([quarterKey(today), quarterKey(today), quarterKey(later), quarterKey(later)].sort());
    expect(listed.map((p: { missing: number }) => p.missing)).toEqual([2, 2, 2, 2]);
  });

  it('a custom RRULE opens a period on each occurrence, keyed by its day; none start after the cadence ends', async () => {
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '每周五报送',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(60),
      cadence: { kind: 'rrule', rule: 'FREQ=WEEKLY;BYDAY=FR', dueDays: 1, until: addDays(today, 20) },
      assignments: [{ unitId: world.units.water.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const taskId = created.json().task.id;
    await runAt(at(addDays(today, 40)));
    const keys = (await periods(taskId)).items.map((p: { periodKey: string; startsOn: string; endsOn: string }) => [
      p.periodKey,
      p.startsOn,
      p.endsOn,
    ]);
    const fridays = [...Array(21).keys()]
      .map((i) => addDays(today, i))
      .filter((d) => weekdayOf(d) === 5)
      .reverse();
    expect(keys).toEqual(fridays.map((d) => [d, d, addDays(d, 6)]));
  });

  it('a co-organiser sees only its own unit; others get a 404; pages follow the cursor; a report names a period of the task', async () => {
    const taskId = (await quarterly('可见范围')).json().task.id;
    await runAt(at(quarterStart(today, 1)));
    const own = await periods(taskId, world.baima);
    expect(own.items[0].units.map((u: { unit: { name: string } }) => u.unit.name)).toEqual(['白马镇']);
    expect((await periods(taskId, world.water)).items[0].units).toHaveLength(2);
    expect((await world.hongqi.client.get(`${api()}/tasks/${taskId}/periods`)).statusCode).toBe(404);

    const first = await periods(taskId, world.supervisor, '?limit=1');
    expect(first.items.map((p: { periodKey: string }) => p.periodKey)).toEqual([quarterKey(quarterStart(today, 1))]);
    const second = await periods(taskId, world.supervisor, `?limit=1&cursor=${first.nextCursor}`);
    expect([second.items.map((p: { periodKey: string }) => p.periodKey), second.nextCursor]).toEqual([[quarterKey(today)], null]);
    expect((await world.supervisor.client.get(`${api()}/tasks/${taskId}/periods?cursor=bogus`)).statusCode).toBe(400);

    const assignmentId = own.items[0].units[0].assignmentId;
    const unknown = await world.baima.client.post(`${api()}/assignments/${assignmentId}/reports`, { progress: 10, periodKey: '1999-Q1' });
    expect([unknown.statusCode, detailPaths(unknown)]).toEqual([400, ['body.periodKey']]);
  });

  it('a closed task opens no more periods and sends no more notices', async () => {
    const taskId = (await quarterly('关闭后不再报送')).json().task.id;
    expect((await world.supervisor.client.post(`${api()}/tasks/${taskId}/close`)).statusCode).toBe(200);
    await runAt(at(addDays(quarterStart(today, 1), 1)));
    expect((await periods(taskId)).items).toHaveLength(1);
    expect(await periodNotes(taskId)).toHaveLength(2);
  });

  it(
    'Huantai: 60 items × 34 units, quarterly, set once for the year — each quarter opens 60 periods and tells 2,040 assignments once',
    { timeout: 180_000 },
    async () => {
      const huantai = await platform.createTenant('huantai-periods');
      await enableDispatch(huantai);
      const county = await apiUnit(huantai.admin, huantai, { name: '桓台县', kind: 'county' });
      const office = await apiUnit(huantai.admin, huantai, { name: '县委督查室', kind: 'department', parentId: county.id });
      const units = [];
      for (let i = 0; i < 34; i++)
        units.push(await apiUnit(huantai.admin, huantai, { name: `责任单位${i + 1}`, kind: 'department', parentId: county.id }));
      await unitHandlers(
        platform,
        huantai,
        units.map((u) => u.id),
      );

      for (let i = 0; i < 60; i++) {
        const created = await huantai.admin.post(`${huantai.base}/dispatch/tasks`, {
          title: `重点工作${i + 1}`,
          ownerUnitId: office.id,
          deadline: daysFromNow(364),
          cadence: { kind: 'quarterly' },
          assignments: units.map((u) => ({ unitId: u.id })),
        });
        expect(created.statusCode, created.body).toBe(201);
      }
      const tally = async () => {
        const count = (table: string, where: Record<string, unknown> = {}) =>
          platform
            .ownerQuery(table)
            .where({ tenant_id: huantai.id, ...where })
            .count({ n: '*' })
            .first()
            .then((r) => Number(r?.n));
        return {
          periods: await count('dispatch_report_period'),
          ledger: await count('core_reminder', { module: 'dispatch', kind: 'period_due' }),
          notes: await count('core_notification', { kind: 'dispatch.reminder.period_due' }),
          // A period notice's SMS starts with its title.
          sms: Number(
            (
              await platform
                .ownerQuery('core_sms_outbox')
                .where({ tenant_id: huantai.id })
                .where('body', 'like', '定期报送：%')
                .count({ n: '*' })
                .first()
            )?.n,
          ),
        };
      };
      expect(await tally()).toEqual({ periods: 60, ledger: 2040, notes: 2040, sms: 0 });

      await runAt(at(quarterStart(today, 1)), huantai.id);
      await runAt(at(quarterStart(today, 1), '11:00'), huantai.id);
      expect(await tally()).toEqual({ periods: 120, ledger: 4080, notes: 4080, sms: 2040 });

      // Down for a whole quarter: the missed one opens unannounced, the current one is told once.
      await runAt(at(addDays(quarterStart(today, 3), 10)), huantai.id);
      await runAt(at(addDays(quarterStart(today, 3), 11)), huantai.id);
      expect(await tally()).toEqual({ periods: 240, ledger: 6120, notes: 6120, sms: 4080 });
    },
  );
});

/** One account per unit holding dispatch.handle there, written in one transaction (34 logins would only slow the test). */
async function unitHandlers(platform: TestPlatform, tenant: TestTenant, unitIds: string[]): Promise<void> {
  const passwordHash = await hashPassword('handler-pass-123');
  const roleId = uuidv7();
  await platform.db.owner.transaction(async (trx) => {
    await trx.raw(setTenantSql(tenant.id));
    const t = { tenant_id: tenant.id };
    await trx('core_role').insert({ ...t, id: roleId, name: '责任单位经办人' });
    await trx('core_role_permission').insert({ ...t, role_id: roleId, permission: 'dispatch.handle', scope: 'own_unit' });
    const people = unitIds.map((unitId, i) => ({ ...t, id: uuidv7(), name: `经办人${i + 1}`, phone: randomPhone(), unit_id: unitId }));
    await trx('core_person').insert(people);
    await trx('core_person_role').insert(people.map((p) => ({ ...t, person_id: p.id, role_id: roleId })));
    await trx('core_user').insert(
      people.map((p, i) => ({
        ...t,
        id: uuidv7(),
        username: `handler${i + 1}`,
        display_name: p.name,
        password_hash: passwordHash,
        person_id: p.id,
      })),
    );
  });
}
