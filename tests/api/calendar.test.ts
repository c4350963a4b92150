import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../core/time/time-zone.ts';
import type { TestClient } from '../helpers/test-client.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

interface ListEntry {
  date: string;
  kind: string;
  name: string;
  source: string;
  inLieu: boolean;
  replaces: { kind: string; name: string } | null;
}

describe('working-day calendar API: statutory days, tenant overrides, deadlines', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;
  let staff: TestClient;

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [] });
    county = await platform.createTenant('yishui', '沂水县');
    other = await platform.createTenant('mengyin', '蒙阴县');
    const created = await county.admin.post(`${county.base}/users`, {
      username: 'staff1',
      displayName: '张敏',
      password: 'staff-pass-1',
      mustChangePassword: false,
    });
    expect(created.statusCode).toBe(201);
    staff = await platform.client().loginTenant('yishui', 'staff1', 'staff-pass-1');
  });
  afterAll(() => platform?.stop());

  const deadline = (tenant: TestTenant, from: string, days: number) =>
    tenant.admin.get(`${tenant.base}/calendar/add-working-days?from=${from}&days=${days}`);

  it('any signed-in user reads the statutory days of a year, each marked with its source', async () => {
    const response = await staff.get(`${county.base}/calendar/days?year=2025`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ year: 2025, statutoryKnown: true });
    const byDate = new Map<string, ListEntry>(body.days.map((d: ListEntry) => [d.date, d]));
    expect(byDate.get('2025-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', source: 'statutory', replaces: null });
    expect(byDate.get('2025-09-28')).toMatchObject({ kind: 'workday', source: 'statutory' });
    expect(byDate.get('2025-10-08')).toMatchObject({ kind: 'holiday', inLieu: true });
    expect(byDate.has('2025-10-13')).toBe(false);
    expect(body.days.map((d: ListEntry) => d.date)).toEqual([...byDate.keys()].sort());

    const future = await staff.get(`${county.base}/calendar/days?year=2150`);
    expect(future.json()).toEqual({ year: 2150, statutoryKnown: false, days: [] });
    expect((await platform.client().get(`${county.base}/calendar/days?year=2025`)).statusCode).toBe(401);
  });

  it('a deadline of 3 working days from Friday 26 September 2025 counts the make-up Sunday; a 4th jumps National Day', async () => {
    const three = await deadline(county, '2025-09-26', 3);
    expect(three.statusCode).toBe(200);
    expect(three.json()).toMatchObject({ from: '2025-09-26', days: 3, date: '2025-09-30', skipped: [] });

    const four = (await deadline(county, '2025-09-26', 4)).json();
    expect(four.date).toBe('2025-10-09');
    expect(four.day).toMatchObject({ date: '2025-10-09', working: true, source: 'weekly' });
    expect(four.skipped.map((d: { date: string }) => d.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);

    expect((await deadline(county, '2025-10-09', -4)).json().date).toBe('2025-09-26');
    expect((await deadline(county, '2025-10-01', 0)).json().date).toBe('2025-10-09');
    expect((await deadline(county, '2026-02-13', 2)).json().date).toBe('2026-02-24');
  });

  it('counts from today in China when no start is given', async () => {
    const response = await county.admin.get(`${county.base}/calendar/add-working-days?days=0`);
    expect(response.statusCode).toBe(200);
    expect(response.json().from).toBe(todayIn('Asia/Shanghai'));
  });

  it('a tenant admin turns a weekday into a local holiday: deadlines move, only for this tenant, and it is audited', async () => {
    const put = await county.admin.put(`${county.base}/calendar/days/2025-11-12`, { kind: 'holiday', name: '县庆' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ date: '2025-11-12', kind: 'holiday', name: '县庆', source: 'tenant', replaces: null });

    const moved = (await deadline(county, '2025-11-11', 1)).json();
    expect(moved.date).toBe('2025-11-13');
    expect(moved.skipped).toEqual([{ date: '2025-11-12', weekday: 3, working: false, source: 'tenant', name: '县庆' }]);
    expect((await deadline(other, '2025-11-11', 1)).json().date).toBe('2025-11-12');

    const list = (await staff.get(`${county.base}/calendar/days?year=2025`)).json();
    expect(list.days.find((d: ListEntry) => d.date === '2025-11-12')).toMatchObject({ source: 'tenant', name: '县庆' });
    const otherList = (await other.admin.get(`${other.base}/calendar/days?year=2025`)).json();
    expect(otherList.days.some((d: ListEntry) => d.date === '2025-11-12')).toBe(false);

    const between = await county.admin.get(`${county.base}/calendar/working-days-between?from=2025-11-10&to=2025-11-14`);
    expect(between.json()).toEqual({ from: '2025-11-10', to: '2025-11-14', workingDays: 3 });

    const audit = await platform
      .ownerQuery('core_audit_log')
      .where({ tenant_id: county.id, action: 'calendar.day.put', record_id: '2025-11-12' });
    expect(audit).toHaveLength(1);
  });

  it('an override of a statutory day says what it replaces; changing it again replaces the override', async () => {
    const first = await county.admin.put(`${county.base}/calendar/days/2025-10-08`, { kind: 'workday', name: '值班' });
    expect(first.json()).toMatchObject({ kind: 'workday', source: 'tenant', replaces: { kind: 'holiday', name: '国庆节' } });
    expect((await deadline(county, '2025-09-30', 1)).json().date).toBe('2025-10-08');
    const second = await county.admin.put(`${county.base}/calendar/days/2025-10-08`, { kind: 'workday' });
    expect(second.json()).toMatchObject({ kind: 'workday', name: '' });
    const rows = await platform.ownerQuery('core_calendar_day').where({ tenant_id: county.id, day: '2025-10-08' });
    expect(rows).toHaveLength(1);
  });

  it('removing an override restores the statutory or weekly rule; removing it twice is a 404', async () => {
    const removed = await county.admin.delete(`${county.base}/calendar/days/2025-10-08`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ date: '2025-10-08', weekday: 3, working: false, source: 'statutory', name: '国庆节' });
    expect((await deadline(county, '2025-09-30', 1)).json().date).toBe('2025-10-09');

    const again = await county.admin.delete(`${county.base}/calendar/days/2025-10-08`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('CALENDAR_OVERRIDE_NOT_FOUND');
    expect(await platform.ownerQuery('core_audit_log').where({ tenant_id: county.id, action: 'calendar.day.delete' })).toHaveLength(1);
  });

  it('changes need core.calendar.manage; nothing is written without it', async () => {
    const put = await staff.put(`${county.base}/calendar/days/2025-12-01`, { kind: 'holiday', name: '私假' });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('PERMISSION_DENIED');
    expect((await staff.delete(`${county.base}/calendar/days/2025-11-12`)).statusCode).toBe(403);
    expect(await platform.ownerQuery('core_calendar_day').where({ tenant_id: county.id, day: '2025-12-01' })).toHaveLength(0);
    expect(await platform.ownerQuery('core_calendar_day').where({ tenant_id: county.id, day: '2025-11-12' })).toHaveLength(1);
  });

  it('rejects bad input naming the field, never a 500, and writes nothing', async () => {
    const cases: [() => ReturnType<TestClient['get']>, string][] = [
      [() => deadline(county, '2025-02-30', 1), 'querystring.from'],
      [() => county.admin.get(`${county.base}/calendar/add-working-days?from=2025-09-26&days=1.5`), 'querystring.days'],
      [() => county.admin.get(`${county.base}/calendar/add-working-days?from=2025-09-26`), 'querystring.days'],
      [() => deadline(county, '2025-09-26', 100000), 'querystring.days'],
      [() => county.admin.get(`${county.base}/calendar/days?year=20x5`), 'querystring.year'],
      [() => county.admin.get(`${county.base}/calendar/working-days-between?from=1970-01-01&to=2199-12-31`), 'querystring.to'],
      [() => county.admin.put(`${county.base}/calendar/days/2025-13-01`, { kind: 'holiday' }), 'params.date'],
      [() => county.admin.put(`${county.base}/calendar/days/2025-12-02`, { kind: 'party' }), 'body.kind'],
      [() => county.admin.put(`${county.base}/calendar/days/2025-12-02`, { kind: 'holiday', name: '<b>x</b>' }), 'body.name'],
      [() => county.admin.put(`${county.base}/calendar/days/2025-12-02`, { kind: 'holiday', extra: 1 }), 'body.extra'],
    ];
    for (const [send, path] of cases) {
      const response = await send();
      expect(response.statusCode, path).toBe(400);
      expect(
        response.json().error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    expect(await platform.ownerQuery('core_calendar_day').where({ tenant_id: county.id, day: '2025-12-02' })).toHaveLength(0);
  });

  it('the calendar routes are in the OpenAPI document', async () => {
    const paths = Object.keys((await platform.client().get('/api/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/t/{tenant}/calendar/days',
        '/api/t/{tenant}/calendar/days/{date}',
        '/api/t/{tenant}/calendar/add-working-days',
        '/api/t/{tenant}/calendar/working-days-between',
      ]),
    );
  });

  it('a deadline past a long run of local holidays is still found (the loaded range widens)', async () => {
    for (let day = Date.UTC(2026, 2, 1); day <= Date.UTC(2026, 4, 15); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      expect((await other.admin.put(`${other.base}/calendar/days/${date}`, { kind: 'holiday', name: '封控' })).statusCode).toBe(200);
    }
    const response = await deadline(other, '2026-02-28', 1);
    expect(response.json().date).toBe('2026-05-18');
    expect(response.json().skipped).toHaveLength(76);
    expect((await deadline(other, '2026-05-18', -1)).json().date).toBe('2026-02-28');
  });
});
