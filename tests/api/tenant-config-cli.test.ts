import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '../helpers/test-platform.ts';
import { DEMO, DEMO_TENANT_FILES, demoTenantFile, seedDemoIfEmpty } from '../../core/server/demo-seed.ts';
import { applyTenantConfigToDatabase } from '../../core/tenant-config/apply-to-database.ts';
import { ModuleRegistry } from '../../core/modules/module-registry.ts';
import { installedModules } from '../../modules/index.ts';

const demoFile = (name: (typeof DEMO_TENANT_FILES)[number]) => JSON.parse(fs.readFileSync(demoTenantFile(name), 'utf8'));

describe('npm start on an empty database: every demo county, once', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(() => platform?.stop());

  it('loads the six demo tenants, each admin signs in; a second start loads nothing', async () => {
    const lines = await seedDemoIfEmpty(platform.db, installedModules);
    const slugs = DEMO_TENANT_FILES.map((name) => demoFile(name).profile.slug as string);
    for (const slug of slugs) {
      expect(lines.some((line) => line.includes(`"${slug}"`))).toBe(true);
      const admin = await platform.client().loginTenant(slug, DEMO.admin.username, DEMO.admin.password);
      expect((await admin.get(`/api/t/${slug}/auth/me`)).json().user).toMatchObject({ isTenantAdmin: true, mustChangePassword: false });
    }
    // Staff accounts sign in with the same password and can work with the enabled modules at once.
    expect(lines.find((line) => line.includes('"huantai"'))).toContain('staff, same password: leader, ducha');
    const supervisor = await platform.client().loginTenant('huantai', 'ducha', DEMO.admin.password);
    expect((await supervisor.get('/api/t/huantai/dispatch/tasks')).statusCode).toBe(200);
    const town = await platform.client().loginTenant('huantai', 'town1', DEMO.admin.password);
    expect((await town.get('/api/t/huantai/auth/me')).json().user).toMatchObject({ isTenantAdmin: false, mustChangePassword: false });
    expect((await town.get('/api/t/huantai/dispatch/my-pending')).statusCode).toBe(200);
    expect((await town.get('/api/t/huantai/forms/my-due')).statusCode).toBe(200);
    const counts = async () => ({
      tenants: (await platform.ownerQuery('core_tenant').select('slug')).length,
      units: (await platform.ownerQuery('core_unit').select('id')).length,
      audit: (await platform.ownerQuery('core_audit_log').select('id')).length,
    });
    const before = await counts();
    expect(before.tenants).toBe(slugs.length);
    await seedDemoIfEmpty(platform.db, installedModules);
    expect(await counts()).toEqual(before);
    // Six counties of accounts with scrypt passwords: over 30 s on two busy shared cores.
  }, 180_000);
});

describe('applying outside a request (what the CLI calls)', () => {
  let platform: TestPlatform;
  const registry = new ModuleRegistry(installedModules);
  const file = {
    version: 1,
    profile: { slug: 'cli-county', name: '命令行县' },
    units: [{ name: '命令行县', kind: 'county', code: 'C-0' }],
    admins: [{ username: 'county-admin', displayName: '县管理员' }],
  };

  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(() => platform?.stop());

  it('a dry run on a new slug creates nothing', async () => {
    const report = await applyTenantConfigToDatabase(platform.db, registry, file, { dryRun: true });
    expect(report).toMatchObject({ tenantCreated: true, dryRun: true, generatedPasswords: [] });
    expect(await platform.ownerQuery('core_tenant').where({ slug: 'cli-county' }).first()).toBeUndefined();
  });

  it('creates the tenant with its first admin (generated password, printed once), then finds nothing to change', async () => {
    const report = await applyTenantConfigToDatabase(platform.db, registry, file);
    expect(report.tenantCreated).toBe(true);
    expect(report.changes.slice(0, 3)).toEqual([
      { op: 'create', kind: 'tenant', key: 'cli-county' },
      { op: 'create', kind: 'admin', key: 'county-admin' },
      { op: 'create', kind: 'unit', key: 'C-0' },
    ]);
    const [{ username, password }] = report.generatedPasswords;
    const admin = await platform.client().loginTenant('cli-county', username, password);
    expect((await admin.get('/api/t/cli-county/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await applyTenantConfigToDatabase(platform.db, registry, file)).total).toBe(0);
  });

  it('an invalid file changes nothing, not even the tenant it would create', async () => {
    const bad = {
      ...file,
      profile: { slug: 'bad-cli-county', name: '坏县' },
      people: [{ name: '某', phone: '13800000001', unit: 'NOPE' }],
    };
    await expect(applyTenantConfigToDatabase(platform.db, registry, bad)).rejects.toMatchObject({
      code: 'TENANT_CONFIG_INVALID',
      details: [{ path: 'people[0].unit' }],
    });
    expect(await platform.ownerQuery('core_tenant').where({ slug: 'bad-cli-county' }).first()).toBeUndefined();
  });

  // The CLI opens the database itself: a second process can reach PostgreSQL, not the test's in-memory PGlite.
  it.skipIf(!process.env.DATABASE_URL)(
    'npm run tenants:apply / tenants:export in a child process',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-config-cli-'));
      const env = { ...process.env, DATABASE_URL: platform.config.databaseUrl, LOG_LEVEL: 'warn' };
      const run = (script: string, args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', `core/tenant-config/${script}`, ...args], {
          env,
          encoding: 'utf8',
          timeout: 60_000,
        });
      try {
        const huantai = demoFile('huantai');
        const input = path.join(dir, 'huantai.json');
        fs.writeFileSync(input, JSON.stringify(huantai));
        const applied = run('tenants-apply.cli.ts', [input, '--admin-password', 'Huantai-2026']);
        expect(applied.status, applied.stderr).toBe(0);
        expect(applied.stdout).toContain('tenant "huantai" (created)');

        const again = run('tenants-apply.cli.ts', [input, '--admin-password', 'Huantai-2026']);
        expect(again.stdout).toContain('tenant "huantai": no changes');

        const output = path.join(dir, 'export.json');
        const exported = run('tenants-export.cli.ts', ['huantai', output]);
        expect(exported.status, exported.stderr).toBe(0);
        const { $schema: _hint, ...expected } = huantai;
        expect(JSON.parse(fs.readFileSync(output, 'utf8'))).toEqual(expected);

        fs.writeFileSync(
          input,
          JSON.stringify({ ...huantai, roles: [{ name: '坏角色', grants: [{ permission: 'core.nothing', scope: 'tenant' }] }] }),
        );
        const refused = run('tenants-apply.cli.ts', [input]);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain('roles[0].grants[0].permission');

        expect(run('tenants-apply.cli.ts', []).status).toBe(2);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      // Five child processes, each loading the whole app through tsx.
    },
    300_000,
  );
});
