import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('platform operator: open a county, edit its profile, reset its admin’s password', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('huantai', '桓台县');
    other = await platform.createTenant('gaoqing', '高青县');
    await county.admin.post(`${county.base}/users`, { username: 'staff', displayName: '普通干部', password: 'staff-pass-1' });
  });
  afterAll(() => platform?.stop());

  it('opens a county with its profile and its admins only', async () => {
    const response = await platform.operator.get(`/api/platform/tenants/${county.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const { tenant, admins } = response.json();
    expect(tenant).toMatchObject({ id: county.id, slug: 'huantai', name: '桓台县', locale: 'zh-CN', logoUrl: null });
    expect(admins).toEqual([expect.objectContaining({ username: 'admin', displayName: '桓台县管理员', status: 'active', locked: false })]);
    expect((await platform.operator.get('/api/platform/tenants/0190a0a0-0000-7000-8000-000000000009')).statusCode).toBe(404);
  });

  it('edits name, language and logo; the county sees the new profile and its audit trail names the operator', async () => {
    const response = await platform.operator.patch(`/api/platform/tenants/${county.id}`, {
      name: '桓台县人民政府',
      locale: 'en',
      logoUrl: 'https://example.gov.cn/logo.png',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: '桓台县人民政府', locale: 'en', logoUrl: 'https://example.gov.cn/logo.png' });
    const publicInfo = await platform.client().get(`${county.base}/auth/me`);
    expect(publicInfo.statusCode).toBe(401);
    const trail = (await county.admin.get(`${county.base}/audit?action=tenant.profile.update`)).json().items;
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      actor: null,
      data: {
        before: { name: '桓台县', locale: 'zh-CN', logo_url: null },
        after: { name: '桓台县人民政府' },
        operator: { username: 'test-operator' },
      },
    });
    expect((await other.admin.get(`${other.base}/audit?action=tenant.profile.update`)).json().items).toEqual([]);
  });

  it('refuses a bad profile naming the field and changes nothing', async () => {
    for (const body of [{ logoUrl: 'javascript:alert(1)' }, { locale: 'fr' }, { name: '' }, {}]) {
      const response = await platform.operator.patch(`/api/platform/tenants/${county.id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await platform.operator.get(`/api/platform/tenants/${county.id}`)).json().tenant.name).toBe('桓台县人民政府');
  });

  it('sets a county’s clock: its session, its configuration file and its trail carry the zone; an unknown zone is refused by name', async () => {
    const response = await platform.operator.patch(`/api/platform/tenants/${other.id}`, { timeZone: 'Asia/Urumqi' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ timeZone: 'Asia/Urumqi' });
    expect((await other.admin.get(`${other.base}/auth/me`)).json().tenant.timeZone).toBe('Asia/Urumqi');
    expect((await other.admin.get(`${other.base}/config/export`)).json().profile.timeZone).toBe('Asia/Urumqi');
    const trail = (await other.admin.get(`${other.base}/audit?action=tenant.profile.update`)).json().items;
    expect(trail[0]).toMatchObject({ data: { before: { time_zone: 'Asia/Shanghai' }, after: { time_zone: 'Asia/Urumqi' } } });

    for (const timeZone of ['Mars/Olympus', 'Asia/Shanghai; drop table core_tenant', 'x'.repeat(65)]) {
      const refused = await platform.operator.patch(`/api/platform/tenants/${other.id}`, { timeZone });
      expect(refused.statusCode, timeZone).toBe(400);
      expect(refused.json().error.details[0].path).toBe('body.timeZone');
    }
    // The county's own configuration file sets it back the same way.
    const exported = (await other.admin.get(`${other.base}/config/export`)).json();
    const applied = await other.admin.post(`${other.base}/config/apply`, {
      ...exported,
      profile: { ...exported.profile, timeZone: 'Asia/Shanghai' },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((await other.admin.get(`${other.base}/auth/me`)).json().tenant.timeZone).toBe('Asia/Shanghai');
    const badFile = await other.admin.post(`${other.base}/config/apply`, {
      ...exported,
      profile: { ...exported.profile, timeZone: 'Mars/Olympus' },
    });
    expect(badFile.statusCode).toBe(400);
    expect(badFile.json().error.details[0].path).toBe('profile.timeZone');
  });

  it('resets the admin’s password: the old one stops working, the new one must be changed, and the county’s trail records it', async () => {
    const { admins } = (await platform.operator.get(`/api/platform/tenants/${county.id}`)).json();
    const response = await platform.operator.post(`/api/platform/tenants/${county.id}/admins/${admins[0].id}/reset-password`, {
      newPassword: 'reset-by-ops-1',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await county.admin.get(`${county.base}/auth/me`)).statusCode).toBe(401);
    const failed = await platform.client().post(`${county.base}/auth/login`, { login: 'admin', password: ADMIN_PASSWORD });
    expect(failed.statusCode).toBe(401);
    const admin = await platform.client().loginTenant('huantai', 'admin', 'reset-by-ops-1');
    expect((await admin.get(`${county.base}/auth/me`)).json().user.mustChangePassword).toBe(true);
    // The server answers nothing else until the admin has chosen a password of their own.
    expect((await admin.get(`${county.base}/audit`)).statusCode).toBe(403);
    expect(
      (await admin.post(`${county.base}/auth/change-password`, { currentPassword: 'reset-by-ops-1', newPassword: 'Chosen-by-admin-2' }))
        .statusCode,
    ).toBe(200);
    const trail = (await admin.get(`${county.base}/audit?action=users.password.reset`)).json().items;
    expect(trail[0]).toMatchObject({ recordId: admins[0].id, actor: null, data: { operator: { username: 'test-operator' } } });
  });

  it('resets only county admins, and only within the county named', async () => {
    const staff = await platform.ownerQuery('core_user').where({ tenant_id: county.id, username: 'staff' }).first('id');
    const notAdmin = await platform.operator.post(`/api/platform/tenants/${county.id}/admins/${staff.id}/reset-password`, {
      newPassword: 'reset-by-ops-2',
    });
    expect(notAdmin.statusCode).toBe(400);
    expect(notAdmin.json().error.details[0].path).toBe('params.userId');
    const otherAdmin = await platform.ownerQuery('core_user').where({ tenant_id: other.id, username: 'admin' }).first('id');
    const crossed = await platform.operator.post(`/api/platform/tenants/${county.id}/admins/${otherAdmin.id}/reset-password`, {
      newPassword: 'reset-by-ops-3',
    });
    expect(crossed.statusCode).toBe(404);
    expect((await other.admin.get(`${other.base}/auth/me`)).statusCode).toBe(200);
  });

  it('is for operators only', async () => {
    expect((await platform.client().get(`/api/platform/tenants/${county.id}`)).statusCode).toBe(401);
    expect((await platform.client().patch(`/api/platform/tenants/${county.id}`, { name: 'x' })).statusCode).toBe(401);
  });
});
