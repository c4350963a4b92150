import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../core/app.ts';
import { loadConfig } from '../../core/config.ts';
import { DEMO } from '../../core/server/demo-seed.ts';
import { prepareFirstStart, type FirstStartOptions } from '../../core/server/first-start.ts';
import { installedModules } from '../../modules/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { TestClient } from '../helpers/test-client.ts';

/**
 * What `npm start` sets up on a fresh database, decided by where it runs (`embedded`: no
 * DATABASE_URL), DEMO=1 and OPERATOR_PASSWORD; checked by signing in over HTTP.
 */
describe('first start: demo counties for a try-out, the operator alone for a real install', () => {
  let testDb: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await testDb?.drop();
    app = undefined;
    testDb = undefined;
  });

  async function firstStart(options: FirstStartOptions) {
    testDb = await createTestDatabase(installedModules);
    const lines = await prepareFirstStart(testDb.db, installedModules, options);
    // Seeding six counties on the embedded database blocks the loop for seconds: not overload here.
    const config = { ...testDb.config, overload: { ...testDb.config.overload, maxEventLoopDelayMs: 0 } };
    app = await buildApp({ config, db: testDb.db, modules: installedModules });
    await app.ready();
    return { lines, printed: lines.join('\n') };
  }
  const tenants = async () => (await (testDb as TestDatabase).db.owner('core_tenant').select('slug')).map((t: { slug: string }) => t.slug);
  const operatorSignIn = (password: string) =>
    new TestClient(app as FastifyInstance).post('/api/platform/auth/login', { login: DEMO.operator.username, password });
  const demoAdminSignIn = () =>
    new TestClient(app as FastifyInstance).post('/api/t/demo/auth/login', { login: DEMO.admin.username, password: DEMO.admin.password });

  it('on PostgreSQL (DATABASE_URL) a fresh install has no demo county and an operator with a random password printed once', async () => {
    const { lines, printed } = await firstStart({ embedded: false, demo: false });
    expect(await tenants()).toEqual([]);
    expect(printed).not.toContain(DEMO.operator.password);
    expect(printed).not.toContain(DEMO.admin.password);
    const password = /Platform operator: {2}operator \/ (\S+)/.exec(lines[0])?.[1] as string;
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await operatorSignIn(password)).statusCode).toBe(200);
    expect((await operatorSignIn(DEMO.operator.password)).statusCode).toBe(401);
    expect((await demoAdminSignIn()).statusCode).toBe(404);

    // The next start prints no login and changes no password.
    expect(await prepareFirstStart((testDb as TestDatabase).db, installedModules, { embedded: false, demo: false })).toEqual([]);
    expect((await operatorSignIn(password)).statusCode).toBe(200);
  });

  it('the operator of a generated password chooses their own at first sign-in; until then the platform answers nothing else', async () => {
    const { lines } = await firstStart({ embedded: false, demo: false });
    const password = /Platform operator: {2}operator \/ (\S+)/.exec(lines[0])?.[1] as string;
    const operator = await new TestClient(app as FastifyInstance).loginOperator(DEMO.operator.username, password);
    expect((await operator.get('/api/platform/auth/me')).json().operator.mustChangePassword).toBe(true);
    const refused = await operator.get('/api/platform/tenants');
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'AUTH_PASSWORD_CHANGE_REQUIRED']);
    const created = await operator.post('/api/platform/tenants', {
      slug: 'too-early',
      name: '过早县',
      admin: { username: 'admin', displayName: '管理员', password: 'Admin-pass-2026' },
    });
    expect(created.statusCode).toBe(403);
    expect(await tenants()).toEqual([]);

    const wrong = await operator.post('/api/platform/auth/change-password', {
      currentPassword: 'not-it',
      newPassword: 'Chosen-by-ops-2026',
    });
    expect([wrong.statusCode, wrong.json().error.details[0].path]).toEqual([400, 'body.currentPassword']);
    const weak = await operator.post('/api/platform/auth/change-password', { currentPassword: password, newPassword: 'short' });
    expect([weak.statusCode, weak.json().error.details[0].path]).toEqual([400, 'body.newPassword']);
    const changed = await operator.post('/api/platform/auth/change-password', {
      currentPassword: password,
      newPassword: 'Chosen-by-ops-2026',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await operator.get('/api/platform/auth/me')).json().operator.mustChangePassword).toBe(false);
    expect((await operator.get('/api/platform/tenants')).statusCode).toBe(200);
    expect((await operatorSignIn(password)).statusCode).toBe(401);
    expect((await operatorSignIn('Chosen-by-ops-2026')).statusCode).toBe(200);
  });

  it('OPERATOR_PASSWORD sets the operator password, which is never printed', async () => {
    const operatorPassword = 'Chosen-by-the-county-IT-1';
    const { printed } = await firstStart({
      embedded: false,
      demo: false,
      operatorPassword: loadConfig({ OPERATOR_PASSWORD: operatorPassword }).operatorPassword,
    });
    expect(printed).toContain('OPERATOR_PASSWORD');
    expect(printed).not.toContain(operatorPassword);
    const signedIn = await operatorSignIn(operatorPassword);
    expect(signedIn.statusCode).toBe(200);
    // A password the county's IT chose is kept: no change is forced.
    expect(signedIn.json().operator.mustChangePassword).toBe(false);
    expect(() => loadConfig({ OPERATOR_PASSWORD: 'short' })).toThrow(/OPERATOR_PASSWORD must be 8–128 characters/);
  });

  it('DEMO=1 on PostgreSQL loads the demo counties and prints their logins once', async () => {
    expect(loadConfig({ DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({}).demo).toBe(false);
    const { printed } = await firstStart({ embedded: false, demo: true });
    expect(await tenants()).toContain('demo');
    expect(printed).toContain(`${DEMO.operator.username} / ${DEMO.operator.password}`);
    expect(printed).toContain(`Tenant "huantai"`);
    expect((await demoAdminSignIn()).statusCode).toBe(200);
    expect((await operatorSignIn(DEMO.operator.password)).statusCode).toBe(200);
    expect(await prepareFirstStart((testDb as TestDatabase).db, installedModules, { embedded: false, demo: true })).toEqual([]);
  }, 180_000);

  it('the embedded first run (npm start with no setup) gets the demo counties; a later start prints nothing and loads nothing', async () => {
    const { printed } = await firstStart({ embedded: true, demo: false });
    expect(printed).toContain(`${DEMO.admin.username} / ${DEMO.admin.password}`);
    expect((await demoAdminSignIn()).statusCode).toBe(200);
    const count = (await tenants()).length;
    expect(await prepareFirstStart((testDb as TestDatabase).db, installedModules, { embedded: true, demo: false })).toEqual([]);
    expect(await tenants()).toHaveLength(count);
  }, 180_000);
});
