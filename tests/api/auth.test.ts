import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('accounts: sign-in, sessions, lockout, password change and reset', () => {
  let platform: TestPlatform;
  let jiazhou: TestTenant;
  let suichang: TestTenant;
  let staffId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    jiazhou = await platform.createTenant('jiazhou', '市中区');
    suichang = await platform.createTenant('suichang', '遂昌县');
    const created = await jiazhou.admin.post(`${jiazhou.base}/users`, {
      username: 'liwei',
      displayName: '李伟',
      phone: '13800000001',
      password: 'first-pass-1',
      mustChangePassword: false,
    });
    expect(created.statusCode).toBe(201);
    staffId = created.json().id;
  });
  afterAll(() => platform?.stop());

  it('signs in by username or by phone, with an httpOnly SameSite cookie scoped to the tenant', async () => {
    const byPhone = await platform.client().post(`${jiazhou.base}/auth/login`, { login: '13800000001', password: 'first-pass-1' });
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json().user.username).toBe('liwei');
    const cookie = String(byPhone.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/t\/jiazhou/);
    const byName = await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'liwei', password: 'first-pass-1' });
    expect(byName.statusCode).toBe(200);
  });

  it('stores passwords only as scrypt hashes', async () => {
    const row = await platform.ownerQuery('core_user').where({ id: staffId }).first('password_hash');
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('first-pass-1');
  });

  it('a wrong password is a 401 that does not say whether the user exists', async () => {
    const wrong = await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'liwei', password: 'nope-nope' });
    const unknown = await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'nobody', password: 'nope-nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks the account after repeated failures, even for the right password, until an admin resets it', async () => {
    await jiazhou.admin.post(`${jiazhou.base}/users`, {
      username: 'wangfang',
      displayName: '王芳',
      password: 'right-pass-1',
      mustChangePassword: false,
    });
    for (let i = 0; i < 5; i++) {
      expect(
        (await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'wangfang', password: `wrong-${i}-xx` })).statusCode,
      ).toBe(401);
    }
    const locked = await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'wangfang', password: 'right-pass-1' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH_LOCKED');

    const list = await jiazhou.admin.get(`${jiazhou.base}/users?q=wangfang`);
    const user = list.json().items[0];
    expect(user.locked).toBe(true);
    const reset = await jiazhou.admin.post(`${jiazhou.base}/users/${user.id}/reset-password`, { newPassword: 'reset-pass-1' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ locked: false, mustChangePassword: true });
    const again = await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'wangfang', password: 'reset-pass-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(true);
  });

  it('logout ends the server-side session', async () => {
    const client = await platform.client().loginTenant('jiazhou', 'liwei', 'first-pass-1');
    const stolenCookie = client.cookieHeader();
    expect((await client.post(`${jiazhou.base}/auth/logout`)).statusCode).toBe(200);
    expect((await client.get(`${jiazhou.base}/auth/me`)).statusCode).toBe(401);
    const replay = await platform.client().get(`${jiazhou.base}/auth/me`, { cookie: stolenCookie });
    expect(replay.statusCode).toBe(401);
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const phone = await platform.client().loginTenant('jiazhou', 'liwei', 'first-pass-1');
    const pc = await platform.client().loginTenant('jiazhou', 'liwei', 'first-pass-1');
    expect((await phone.get(`${jiazhou.base}/auth/me`)).statusCode).toBe(200);
    const wrong = await pc.post(`${jiazhou.base}/auth/change-password`, { currentPassword: 'not-it-at-all', newPassword: 'second-pass-2' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('body.currentPassword');
    const tooShort = await pc.post(`${jiazhou.base}/auth/change-password`, { currentPassword: 'first-pass-1', newPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details[0].path).toBe('body.newPassword');

    expect(
      (await pc.post(`${jiazhou.base}/auth/change-password`, { currentPassword: 'first-pass-1', newPassword: 'second-pass-2' })).statusCode,
    ).toBe(200);
    expect((await pc.get(`${jiazhou.base}/auth/me`)).statusCode).toBe(200);
    expect((await phone.get(`${jiazhou.base}/auth/me`)).statusCode).toBe(401);
    expect((await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'liwei', password: 'first-pass-1' })).statusCode).toBe(401);
    expect((await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'liwei', password: 'second-pass-2' })).statusCode).toBe(
      200,
    );
  });

  it('changes need the CSRF token of the session', async () => {
    const response = await jiazhou.admin.post(
      `${jiazhou.base}/users`,
      { username: 'zhaoqiang', displayName: '赵强', password: 'whatever-1' },
      { 'x-csrf-token': '' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const list = await jiazhou.admin.get(`${jiazhou.base}/users?q=zhaoqiang`);
    expect(list.json().items).toEqual([]);
  });

  it("a session of one tenant is rejected on another tenant's URL", async () => {
    const response = await platform.client().get(`${suichang.base}/auth/me`, { cookie: jiazhou.admin.cookieHeader() });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('SESSION_TENANT_MISMATCH');
    // The same person signed in to both tenants keeps two separate sessions.
    expect((await suichang.admin.get(`${suichang.base}/auth/me`)).json().tenant.slug).toBe('suichang');
  });

  it('a disabled account cannot sign in and loses its sessions', async () => {
    const created = await jiazhou.admin.post(`${jiazhou.base}/users`, {
      username: 'chenjing',
      displayName: '陈静',
      password: 'chen-pass-1',
      mustChangePassword: false,
    });
    const session = await platform.client().loginTenant('jiazhou', 'chenjing', 'chen-pass-1');
    expect((await session.get(`${jiazhou.base}/auth/me`)).statusCode).toBe(200);
    const disabled = await jiazhou.admin.patch(`${jiazhou.base}/users/${created.json().id}`, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await session.get(`${jiazhou.base}/auth/me`)).statusCode).toBe(401);
    expect((await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'chenjing', password: 'chen-pass-1' })).statusCode).toBe(
      401,
    );
  });

  it('an admin cannot lock themselves out', async () => {
    const me = (await jiazhou.admin.get(`${jiazhou.base}/auth/me`)).json().user;
    const response = await jiazhou.admin.patch(`${jiazhou.base}/users/${me.id}`, { status: 'disabled' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.status');
    expect((await platform.client().post(`${jiazhou.base}/auth/login`, { login: 'admin', password: ADMIN_PASSWORD })).statusCode).toBe(200);
  });

  it('a taken username or phone is a 409 naming the field', async () => {
    const sameName = await jiazhou.admin.post(`${jiazhou.base}/users`, {
      username: 'liwei',
      displayName: '另一个李伟',
      password: 'other-pass-1',
    });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.username']);
    const samePhone = await jiazhou.admin.post(`${jiazhou.base}/users`, {
      username: 'liwei2',
      displayName: '李伟二',
      phone: '13800000001',
      password: 'other-pass-1',
    });
    expect(samePhone.statusCode).toBe(409);
    expect(samePhone.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.phone']);
  });

  it('account management needs the permission', async () => {
    const staff = await platform.client().loginTenant('jiazhou', 'liwei', 'second-pass-2');
    const response = await staff.get(`${jiazhou.base}/users`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('PERMISSION_DENIED');
  });
});
