import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { OPERATOR, TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { MAX_LOCK_SECONDS } from '../../core/auth/lockout.ts';

/**
 * Issue 10.3: sign-in failures are counted atomically, known and unknown logins answer alike,
 * each client address is throttled, and nobody elsewhere can keep an account locked out.
 */
describe('sign-in: counted failures, the same answer for every login, no lockout from elsewhere', () => {
  let platform: TestPlatform;
  let county: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('leshan', '乐山市市中区');
    for (const username of ['zhangwei', 'liqiang', 'wangfang', 'zhaomin', 'sunli']) {
      const created = await county.admin.post(`${county.base}/users`, {
        username,
        displayName: username,
        password: `${username}-right-1`,
        mustChangePassword: false,
      });
      expect(created.statusCode).toBe(201);
    }
  });
  afterAll(() => platform?.stop());

  /** A sign-in from a given client address, without cookies. */
  const signIn = (login: string, password: string, address = '203.0.113.7'): Promise<LightMyRequestResponse> =>
    platform.app.inject({ method: 'POST', url: `${county.base}/auth/login`, payload: { login, password }, remoteAddress: address });
  const userId = async (username: string): Promise<string> =>
    (await platform.ownerQuery('core_user').where({ tenant_id: county.id, username }).first('id')).id;
  const failureRows = async (accountKey: string) =>
    platform
      .ownerQuery('core_sign_in_failure')
      .where({ tenant_id: county.id, account_key: accountKey })
      .select('address', 'failures', 'locked_until');

  it('counts every wrong password sent at the same moment, and then refuses even the right one', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn('zhangwei', `wrong-${i}-pass`)));
    const statuses = answers.map((a) => a.statusCode);
    const checked = statuses.filter((s) => s === 401).length;
    // Every answer is a wrong password (counted) or a lock (refused before any check).
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(5);
    const rows = await failureRows(`user:${await userId('zhangwei')}`);
    expect(rows.find((r) => r.address === '203.0.113.7')?.failures).toBe(checked);
    expect(rows.find((r) => r.address === '*')?.failures).toBe(checked);
    const right = await signIn('zhangwei', 'zhangwei-right-1');
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('AUTH_LOCKED');
  });

  it('the right password inside a burst of wrong ones does not sign in once the account is locked', async () => {
    let answered = 0;
    let locked!: () => void;
    const fiveAnswered = new Promise<void>((resolve) => (locked = resolve));
    const burst = Array.from({ length: 24 }, (_, i) =>
      signIn('liqiang', `wrong-${i}-pass`).then((answer) => {
        if (++answered === 5) locked();
        return answer;
      }),
    );
    await fiveAnswered;
    const right = signIn('liqiang', 'liqiang-right-1');
    const [answers, rightAnswer] = await Promise.all([Promise.all(burst), right]);
    expect(rightAnswer.statusCode).toBe(429);
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    expect(rightAnswer.headers['set-cookie']).toBeUndefined();
  });

  it('a known login and an unknown one answer alike, attempt after attempt', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 7; i++) {
      const a = await signIn('wangfang', `wrong-${i}-pass`, '198.51.100.1');
      const b = await signIn('nobody-here', `wrong-${i}-pass`, '198.51.100.1');
      known.push(`${a.statusCode} ${a.json().error.code}`);
      unknown.push(`${b.statusCode} ${b.json().error.code}`);
    }
    expect(unknown).toEqual(known);
    expect(known.slice(0, 5)).toEqual(Array(5).fill('401 AUTH_INVALID'));
    expect(known.slice(5)).toEqual(['429 AUTH_LOCKED', '429 AUTH_LOCKED']);
  });

  it('failures from another address do not lock the owner out, and no lock lasts more than 15 minutes', async () => {
    for (let i = 0; i < 12; i++) await signIn('zhaomin', `wrong-${i}-pass`, '192.0.2.66');
    expect((await signIn('zhaomin', 'zhaomin-right-1', '192.0.2.66')).statusCode).toBe(429);
    // The owner, at their own address, signs in.
    expect((await signIn('zhaomin', 'zhaomin-right-1', '10.8.0.21')).statusCode).toBe(200);
    const rows = await failureRows(`user:${await userId('zhaomin')}`);
    const longest = Math.max(...rows.map((r) => (r.locked_until ? new Date(r.locked_until).getTime() : 0)));
    expect(longest - Date.now()).toBeLessThanOrEqual(MAX_LOCK_SECONDS * 1000);
  });

  it('a spray from many addresses locks newcomers out, while the owner’s usual address still signs in', async () => {
    expect((await signIn('sunli', 'sunli-right-1', '10.8.0.30')).statusCode).toBe(200);
    for (let i = 0; i < 24; i++) await signIn('sunli', `wrong-${i}-pass`, `192.0.2.${100 + (i % 6)}`);
    const stranger = await signIn('sunli', 'sunli-right-1', '192.0.2.200');
    expect(stranger.statusCode).toBe(429);
    expect((await signIn('sunli', 'sunli-right-1', '10.8.0.30')).statusCode).toBe(200);
  });

  it('an admin unlocks an account for every address; the users list shows the lock until then', async () => {
    for (let i = 0; i < 5; i++) await signIn('wangfang', `wrong-${i}-pass`, '198.51.100.2');
    const id = await userId('wangfang');
    const listed = (await county.admin.get(`${county.base}/users?q=wangfang`)).json().items[0];
    expect(listed.locked).toBe(true);
    const unlocked = await county.admin.post(`${county.base}/users/${id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().locked).toBe(false);
    expect((await signIn('wangfang', 'wangfang-right-1', '198.51.100.1')).statusCode).toBe(200);
    expect((await signIn('wangfang', 'wangfang-right-1', '198.51.100.2')).statusCode).toBe(200);
  });

  it('operators are counted per address the same way', async () => {
    const operatorSignIn = (password: string, address: string) =>
      platform.app.inject({
        method: 'POST',
        url: '/api/platform/auth/login',
        payload: { login: OPERATOR.username, password },
        remoteAddress: address,
      });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await operatorSignIn(`wrong-${i}-pass`, '192.0.2.9')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await operatorSignIn(OPERATOR.password, '192.0.2.9')).statusCode).toBe(429);
    expect((await operatorSignIn(OPERATOR.password, '10.8.0.1')).statusCode).toBe(200);
  });
});

describe('sign-in throttle per client address', () => {
  let platform: TestPlatform;
  let county: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start({ configure: (config) => ({ ...config, signInPerMinute: 6 }) });
    county = await platform.createTenant('huantai', '桓台县');
  });
  afterAll(() => platform?.stop());

  const attempt = (url: string, login: string, address: string) =>
    platform.app.inject({ method: 'POST', url, payload: { login, password: 'wrong-pass-1' }, remoteAddress: address });

  it('refuses an address past its attempts a minute, for county users and operators together, whatever logins it tries', async () => {
    const statuses = [];
    // Different logins each time: a per-account lock never comes into play.
    for (let i = 0; i < 4; i++) statuses.push((await attempt(`${county.base}/auth/login`, `guess-${i}`, '192.0.2.50')).statusCode);
    for (let i = 0; i < 2; i++) statuses.push((await attempt('/api/platform/auth/login', `op-guess-${i}`, '192.0.2.50')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    const throttled = await attempt(`${county.base}/auth/login`, 'guess-9', '192.0.2.50');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('AUTH_RATE_LIMITED');
    expect((await attempt('/api/platform/auth/login', 'op-guess-9', '192.0.2.50')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await attempt(`${county.base}/auth/login`, 'guess-9', '192.0.2.51')).statusCode).toBe(401);
  });
});
