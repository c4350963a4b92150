import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../core/app.ts';
import type { PlatformModule } from '../../core/modules/contract.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { fixtureAddon, fixtureBase } from '../helpers/fixture-modules.ts';

describe('module catalogue: enable, disable and configure per tenant', () => {
  let platform: TestPlatform;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [fixtureBase, fixtureAddon] });
    a = await platform.createTenant('county-a');
    b = await platform.createTenant('county-b');
  });
  afterAll(() => platform?.stop());

  it('lists installed modules with manifests, enablement and default config', async () => {
    const response = await a.admin.get(`${a.base}/modules`);
    expect(response.statusCode).toBe(200);
    const base = response.json().items.find((m: { id: string }) => m.id === 'fixture-base');
    expect(base).toMatchObject({ enabled: false, config: { reminderHours: 24, greeting: '您好' } });
    expect(base.manifest.name['zh-CN']).toBe('测试基础模块');
  });

  it("a disabled module's routes answer 404 for that tenant only", async () => {
    const before = await a.admin.get(`${a.base}/fixture-base/ping`);
    expect(before.statusCode).toBe(404);
    expect(before.json().error.code).toBe('MODULE_NOT_ENABLED');
    expect((await a.admin.post(`${a.base}/modules/fixture-base/enable`)).statusCode).toBe(200);
    expect((await a.admin.get(`${a.base}/fixture-base/ping`)).json()).toEqual({ tenant: 'county-a' });
    expect((await b.admin.get(`${b.base}/fixture-base/ping`)).statusCode).toBe(404);
  });

  it('dependencies are enforced both ways', async () => {
    const early = await b.admin.post(`${b.base}/modules/fixture-addon/enable`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('MODULE_DEPENDENCY_DISABLED');
    expect(early.json().error.message).toContain('fixture-base');

    expect((await b.admin.post(`${b.base}/modules/fixture-base/enable`)).statusCode).toBe(200);
    expect((await b.admin.post(`${b.base}/modules/fixture-addon/enable`)).statusCode).toBe(200);
    const blocked = await b.admin.post(`${b.base}/modules/fixture-base/disable`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('MODULE_REQUIRED_BY_OTHERS');

    expect((await b.admin.post(`${b.base}/modules/fixture-addon/disable`)).statusCode).toBe(200);
    expect((await b.admin.post(`${b.base}/modules/fixture-base/disable`)).json().enabled).toBe(false);
    expect((await b.admin.get(`${b.base}/fixture-base/ping`)).statusCode).toBe(404);
  });

  it("config is validated by the module's configSchema, with the field named, and kept", async () => {
    const bad = await a.admin.put(`${a.base}/modules/fixture-base/config`, { config: { reminderHours: 0, greeting: 5, unknown: true } });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.config.reminderHours', 'body.config.greeting', 'body.config.unknown']));

    const good = await a.admin.put(`${a.base}/modules/fixture-base/config`, { config: { reminderHours: 48 } });
    expect(good.statusCode).toBe(200);
    expect(good.json().config).toEqual({ reminderHours: 48, greeting: '您好' });
    const listed = (await a.admin.get(`${a.base}/modules`)).json().items.find((m: { id: string }) => m.id === 'fixture-base');
    expect(listed.config.reminderHours).toBe(48);
    const other = (await b.admin.get(`${b.base}/modules`)).json().items.find((m: { id: string }) => m.id === 'fixture-base');
    expect(other.config.reminderHours).toBe(24);
  });

  it('an unknown module is a 404', async () => {
    expect((await a.admin.post(`${a.base}/modules/no-such-module/enable`)).statusCode).toBe(404);
  });

  it("module permissions join the tenant's permission catalogue", async () => {
    const groups = (await a.admin.get(`${a.base}/permissions`)).json().groups;
    expect(groups[0].moduleId).toBeNull();
    expect(groups.find((g: { moduleId: string }) => g.moduleId === 'fixture-base').permissions[0].id).toBe('fixture-base.use');
  });
});

describe('manifests are checked at start', () => {
  const start = (modules: PlatformModule[]) => buildApp({ config: {} as never, db: {} as never, modules });
  const withManifest = (patch: Record<string, unknown>): PlatformModule => ({
    manifest: { ...fixtureBase.manifest, ...patch } as PlatformModule['manifest'],
  });

  it('refuses an invalid manifest, naming the field', async () => {
    await expect(start([withManifest({ version: 'one' })])).rejects.toThrow(/manifest.version/);
  });
  it('refuses a dependency that is not installed', async () => {
    await expect(start([fixtureAddon])).rejects.toThrow(/depends on "fixture-base", which is not installed/);
  });
  it('refuses a dependency cycle', async () => {
    const x = withManifest({ id: 'cycle-x', dependsOn: ['cycle-y'], permissions: [] });
    const y = withManifest({ id: 'cycle-y', dependsOn: ['cycle-x'], permissions: [] });
    await expect(start([x, y])).rejects.toThrow(/cycle/);
  });
  it("refuses a permission outside the module's namespace", async () => {
    await expect(
      start([withManifest({ permissions: [{ id: 'core.org.manage', name: { 'zh-CN': '越权', en: 'Overreach' } }] })]),
    ).rejects.toThrow(/must start with "fixture-base."/);
  });
  it('refuses an unsafe config schema', async () => {
    await expect(
      start([withManifest({ configSchema: { type: 'object', properties: { code: { type: 'string', pattern: '(a)\\1' } } } })]),
    ).rejects.toThrow(/backreference/);
  });
  it('refuses the same module twice', async () => {
    await expect(start([fixtureBase, fixtureBase])).rejects.toThrow(/installed twice/);
  });
});
