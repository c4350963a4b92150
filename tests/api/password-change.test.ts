import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { CORE_ERRORS } from '../../core/schemas/error-codes.ts';

/** Issue 10.2: a password that must be changed is enforced by the server, not only by the web app. */
describe('a password that must be changed: nothing but the change until it is', () => {
  let platform: TestPlatform;
  let county: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('suichang', '遂昌县');
  });
  afterAll(() => platform?.stop());

  it('the first admin an operator creates must change the password at first sign-in; until then only /auth/me, the change and sign-out answer', async () => {
    const created = await platform.operator.post('/api/platform/tenants', {
      slug: 'donggang',
      name: '东港市',
      admin: { username: 'chief', displayName: '东港管理员', password: 'operator-chose-1' },
    });
    expect(created.statusCode).toBe(201);
    const admin = await platform.client().loginTenant('donggang', 'chief', 'operator-chose-1');
    const me = await admin.get('/api/t/donggang/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ isTenantAdmin: true, mustChangePassword: true });

    const users = await admin.get('/api/t/donggang/users');
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe(CORE_ERRORS.AUTH_PASSWORD_CHANGE_REQUIRED);
    const unit = await admin.post('/api/t/donggang/org/units', { name: '东港市', kind: 'county' });
    expect(unit.statusCode).toBe(403);
    expect(unit.json().error.code).toBe(CORE_ERRORS.AUTH_PASSWORD_CHANGE_REQUIRED);
    expect(await platform.ownerQuery('core_unit').where({ tenant_id: created.json().id }).first()).toBeUndefined();

    const changed = await admin.post('/api/t/donggang/auth/change-password', {
      currentPassword: 'operator-chose-1',
      newPassword: 'only-i-know-1',
    });
    expect(changed.statusCode).toBe(200);
    expect((await admin.get('/api/t/donggang/users')).statusCode).toBe(200);
    expect((await admin.get('/api/t/donggang/auth/me')).json().user.mustChangePassword).toBe(false);
  });

  it('sign-out works before the change', async () => {
    await county.admin.post(`${county.base}/users`, { username: 'newcomer', displayName: '新同事', password: 'first-pass-12' });
    const newcomer = await platform.client().loginTenant('suichang', 'newcomer', 'first-pass-12');
    expect((await newcomer.get(`${county.base}/directory/units`)).statusCode).toBe(403);
    expect((await newcomer.post(`${county.base}/auth/logout`)).statusCode).toBe(200);
    expect((await newcomer.get(`${county.base}/auth/me`)).statusCode).toBe(401);
  });

  it('an admin’s password reset forces the change again, on the server', async () => {
    const created = await county.admin.post(`${county.base}/users`, {
      username: 'veteran',
      displayName: '老同事',
      password: 'veteran-pass-1',
      mustChangePassword: false,
    });
    const veteran = await platform.client().loginTenant('suichang', 'veteran', 'veteran-pass-1');
    expect((await veteran.get(`${county.base}/directory/units`)).statusCode).toBe(200);
    await county.admin.post(`${county.base}/users/${created.json().id}/reset-password`, { newPassword: 'reset-pass-123' });
    const again = await platform.client().loginTenant('suichang', 'veteran', 'reset-pass-123');
    const refused = await again.get(`${county.base}/directory/units`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe(CORE_ERRORS.AUTH_PASSWORD_CHANGE_REQUIRED);
  });
});
