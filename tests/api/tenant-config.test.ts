import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { fixtureAddon, fixtureBase } from '../helpers/fixture-modules.ts';
import { snapshotTenant } from '../helpers/cross-tenant.ts';
import { installedModules } from '../../modules/index.ts';
import { DEMO_TENANT_FILES, demoTenantFile } from '../../core/server/demo-seed.ts';

type Json = Record<string, unknown>;

function demoFile(name: (typeof DEMO_TENANT_FILES)[number]): Json {
  return JSON.parse(fs.readFileSync(demoTenantFile(name), 'utf8'));
}

/** What an export of the file gives: the file without the editor hint `$schema` (documented normalisation). */
function withoutSchemaHint(file: Json): Json {
  const { $schema: _hint, ...rest } = file;
  return rest;
}

/** A configuration using modules and custom fields (the fixture modules), roles with a module permission. */
function richConfig(slug: string): Json {
  return {
    version: 1,
    profile: { slug, name: '配置测试县', locale: 'zh-CN', logoUrl: 'https://example.org/logo.png' },
    units: [
      {
        name: '配置测试县',
        kind: 'county',
        code: 'T-0',
        children: [
          { name: '县督查室', kind: 'department', code: 'T-1' },
          {
            name: '城关镇',
            kind: 'town',
            code: 'T-2',
            children: [{ name: '无编码社区', kind: 'community', children: [{ name: '第一网格', kind: 'grid' }] }],
          },
        ],
      },
    ],
    positions: ['督查专员', '镇长', '网格员'],
    people: [
      { name: '甲', phone: '13800009001', unit: 'T-1', position: '督查专员' },
      { name: '乙', phone: '13800009002', unit: 'T-2', position: '镇长' },
      { name: '丙', phone: '13800009003', unit: '/配置测试县/城关镇/无编码社区/第一网格', position: '网格员' },
    ],
    roles: [
      {
        name: '督查员',
        description: '全县督查',
        grants: [
          { permission: 'core.audit.read', scope: 'tenant' },
          { permission: 'fixture-base.use', scope: 'tenant' },
        ],
        members: ['13800009001'],
      },
      { name: '网格员', grants: [{ permission: 'core.org.read', scope: 'own_unit' }], members: ['13800009003'] },
    ],
    admins: [{ username: 'admin', displayName: '配置管理员', phone: '13800009099' }],
    modules: [
      { id: 'fixture-addon', config: {} },
      { id: 'fixture-base', config: { reminderHours: 48, greeting: '您好' } },
    ],
    customFields: [
      {
        module: 'fixture-base',
        recordType: 'item',
        schema: {
          type: 'object',
          properties: { householdSize: { type: 'integer', minimum: 1 }, note: { type: 'string' } },
          required: ['householdSize'],
          additionalProperties: false,
        },
        uiSchema: { 'ui:order': ['householdSize', 'note'] },
      },
    ],
    forms: [],
  };
}

describe('tenant configuration as code', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [...installedModules, fixtureBase, fixtureAddon] });
  });
  afterAll(() => platform?.stop());

  const apply = (tenant: TestTenant, body: unknown, query = '') => tenant.admin.post(`${tenant.base}/config/apply${query}`, body);
  const exportOf = async (tenant: TestTenant): Promise<Json> => {
    const response = await tenant.admin.get(`${tenant.base}/config/export`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const auditCount = async (tenant: TestTenant) =>
    Number((await platform.ownerQuery('core_audit_log').where({ tenant_id: tenant.id }).count<{ count: number }[]>('* as count'))[0].count);

  describe.each(DEMO_TENANT_FILES)('demo file %s.json', (name) => {
    it('applies cleanly to an empty tenant, and the export gives the file back', async () => {
      const file = demoFile(name);
      const slug = (file.profile as { slug: string }).slug;
      const tenant = await platform.createTenant(slug);
      const response = await apply(tenant, file);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().total).toBeGreaterThan(0);
      expect(await exportOf(tenant)).toEqual(withoutSchemaHint(file));
    });
  });

  it('export answers as a downloadable file', async () => {
    const tenant = await platform.createTenant('download-county');
    const response = await tenant.admin.get(`${tenant.base}/config/export`);
    expect(response.headers['content-disposition']).toBe('attachment; filename="download-county.tenant-config.json"');
    expect(response.json()).toMatchObject({ version: 1, profile: { slug: 'download-county' }, units: [], forms: [] });
  });

  it('applying twice: the second run changes nothing, writes no row and no audit entry', async () => {
    const tenant = await platform.createTenant('twice-county');
    const file = richConfig(tenant.slug);
    const first = await apply(tenant, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().summary).toMatchObject({
      unit: { create: 5 },
      person: { create: 3 },
      role: { create: 2 },
      module: { create: 2, update: 1 },
      customFields: { create: 1 },
    });
    const before = await snapshotTenant(platform, tenant.id);
    const audits = await auditCount(tenant);
    const second = await apply(tenant, file);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ total: 0, changes: [], summary: {} });
    expect(await auditCount(tenant)).toBe(audits);
    expect(await snapshotTenant(platform, tenant.id)).toEqual(before);
  });

  it('export → apply on a new empty tenant → export gives the same document', async () => {
    const source = await platform.createTenant('source-county');
    expect((await apply(source, richConfig(source.slug))).statusCode).toBe(200);
    const exported = await exportOf(source);
    // Normalised on export: module configs complete with defaults, custom fields as stored.
    expect(exported.modules).toEqual([
      { id: 'fixture-addon', config: {} },
      { id: 'fixture-base', config: { reminderHours: 48, greeting: '您好' } },
    ]);
    const target = await platform.createTenant('target-county');
    const copy = { ...exported, profile: { ...(exported.profile as Json), slug: target.slug } };
    const response = await apply(target, copy);
    expect(response.statusCode, response.body).toBe(200);
    expect(await exportOf(target)).toEqual(copy);
    // And the source is unchanged by its own export.
    expect((await apply(source, exported)).json().total).toBe(0);
  });

  it('updates what changed, matched by code, phone, name and username', async () => {
    const tenant = await platform.createTenant('update-county');
    const file = richConfig(tenant.slug) as Json & { units: Json[]; people: Json[]; roles: Json[] };
    await apply(tenant, file);
    const changed = structuredClone(file);
    const county = changed.units[0] as { children: Json[] };
    county.children.reverse();
    (county.children[0] as Json).name = '城关镇（新）';
    changed.people[1] = { ...changed.people[1], name: '乙改', unit: 'T-1' };
    // The code-less grid's path follows the renamed town: the same unit, so no change for 丙.
    changed.people[2] = { ...changed.people[2], unit: '/配置测试县/城关镇（新）/无编码社区/第一网格' };
    changed.roles[1] = { ...changed.roles[1], grants: [{ permission: 'core.org.read', scope: 'unit_subtree' }] };
    const response = await apply(tenant, changed);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().changes).toEqual([
      { op: 'update', kind: 'unit', key: 'T-2', fields: ['name', 'sort'] },
      { op: 'update', kind: 'unit', key: 'T-1', fields: ['sort'] },
      { op: 'update', kind: 'person', key: '13800009002', fields: ['name', 'unit'] },
      { op: 'update', kind: 'role', key: '网格员', fields: ['grants'] },
    ]);
    const exported = await exportOf(tenant);
    expect(exported.units).toEqual(changed.units);
    expect((await apply(tenant, changed)).json().total).toBe(0);
  });

  it('leaves what the file does not list, unless prune', async () => {
    const tenant = await platform.createTenant('prune-county');
    const file = richConfig(tenant.slug) as Json & { units: Json[]; people: Json[]; roles: Json[]; positions: string[] };
    await apply(tenant, file);
    const smaller = structuredClone(file);
    (smaller.units[0] as { children: Json[] }).children.splice(0, 1);
    smaller.people.splice(0, 1);
    smaller.roles.splice(0, 1);
    smaller.positions.splice(0, 1);
    expect((await apply(tenant, smaller)).json().total).toBe(0);
    const pruned = await apply(tenant, smaller, '?prune=true');
    expect(pruned.statusCode, pruned.body).toBe(200);
    expect(pruned.json().changes).toEqual([
      { op: 'remove', kind: 'role', key: '督查员' },
      { op: 'remove', kind: 'person', key: '13800009001' },
      { op: 'remove', kind: 'unit', key: 'T-1' },
      { op: 'remove', kind: 'position', key: '督查专员' },
    ]);
    const exported = await exportOf(tenant);
    expect(withoutSchemaHint(exported)).toMatchObject({
      units: smaller.units,
      people: smaller.people,
      roles: smaller.roles,
      positions: smaller.positions,
    });
  });

  it('a dry run reports the changes and writes nothing', async () => {
    const tenant = await platform.createTenant('dry-county');
    const before = await snapshotTenant(platform, tenant.id);
    const response = await apply(tenant, richConfig(tenant.slug), '?dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: true, generatedPasswords: [] });
    expect(response.json().total).toBeGreaterThan(10);
    expect(await snapshotTenant(platform, tenant.id)).toEqual(before);
  });

  it('creates a missing admin with a generated password, shown once, that works', async () => {
    const tenant = await platform.createTenant('admins-county');
    const file = {
      version: 1,
      profile: { slug: tenant.slug, name: '账号县' },
      admins: [
        { username: 'admin', displayName: '管理员' },
        { username: 'second-admin', displayName: '第二管理员' },
      ],
    };
    const response = await apply(tenant, file);
    expect(response.statusCode, response.body).toBe(200);
    const [generated] = response.json().generatedPasswords;
    expect(generated.username).toBe('second-admin');
    const second = await platform.client().loginTenant(tenant.slug, 'second-admin', generated.password);
    expect((await second.get(`${tenant.base}/auth/me`)).json().user).toMatchObject({ isTenantAdmin: true, mustChangePassword: true });
  });

  it('gives people their own staff accounts: created linked to the person, reported once, refused when the name is an admin’s', async () => {
    const tenant = await platform.createTenant('accounts-county');
    const units = [{ name: '账号县', kind: 'county', code: 'A-0' }];
    const person = { name: '李四', phone: '13800009101', unit: 'A-0', account: 'lisi' };
    const file = { version: 1, profile: { slug: tenant.slug, name: '账号县' }, units, people: [person] };
    const response = await apply(tenant, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().changes).toContainEqual({ op: 'create', kind: 'account', key: 'lisi' });
    const [generated] = response.json().generatedPasswords;
    const staff = await platform.client().loginTenant(tenant.slug, 'lisi', generated.password);
    expect((await staff.get(`${tenant.base}/auth/me`)).json().user).toMatchObject({
      isTenantAdmin: false,
      displayName: '李四',
      mustChangePassword: true,
    });
    expect((await exportOf(tenant)).people).toEqual([person]);
    expect((await apply(tenant, file)).json().total).toBe(0);
    const clash = await apply(tenant, { ...file, people: [{ ...person, account: 'admin' }] });
    expect([clash.statusCode, clash.json().error.details]).toEqual([
      400,
      [{ path: 'people[0].account', message: 'is the username of an admin account' }],
    ]);
  });

  describe('refuses a bad file, naming the JSON path, and writes nothing', () => {
    let tenant: TestTenant;
    beforeAll(async () => {
      tenant = await platform.createTenant('bad-county');
      await apply(tenant, richConfig(tenant.slug));
      // A unit the file does not list: no check of the file can see its name.
      const root = (await tenant.admin.get(`${tenant.base}/org/units`)).json().items.find((u: { code: string }) => u.code === 'T-0');
      const created = await tenant.admin.post(`${tenant.base}/org/units`, {
        name: '档案馆',
        kind: 'department',
        code: 'T-5',
        parentId: root.id,
      });
      expect(created.statusCode, created.body).toBe(201);
    });

    const cases: [
      string,
      (file: Json & { units: Json[]; people: Json[]; roles: Json[]; modules: Json[] }) => void,
      { path: string; status?: number },
    ][] = [
      [
        'a bad unit kind',
        (f) => {
          (f.units[0] as { children: Json[] }).children[1].kind = 'province';
        },
        { path: 'units[0].children[1].kind' },
      ],
      [
        'an unknown unit code',
        (f) => {
          f.people[2] = { ...f.people[2], unit: 'NO-SUCH-CODE' };
        },
        { path: 'people[2].unit' },
      ],
      [
        'a duplicate phone',
        (f) => {
          f.people[1] = { ...f.people[1], phone: '13800009001' };
        },
        { path: 'people[1].phone' },
      ],
      [
        'an unknown permission',
        (f) => {
          f.roles[0] = { ...f.roles[0], grants: [{ permission: 'core.everything', scope: 'tenant' }] };
        },
        { path: 'roles[0].grants[0].permission' },
      ],
      [
        'an invalid module config',
        (f) => {
          f.modules[1] = { id: 'fixture-base', config: { reminderHours: 0 } };
        },
        { path: 'modules[1].config.reminderHours' },
      ],
      [
        'an unknown module',
        (f) => {
          f.modules.push({ id: 'no-such-module' });
        },
        { path: 'modules[2].id' },
      ],
      [
        'a custom-field pattern RE2 cannot run',
        (f) => {
          (f as Json).customFields = [
            {
              module: 'fixture-base',
              recordType: 'item',
              schema: { type: 'object', properties: { x: { type: 'string', pattern: '(a)\\1' } } },
            },
          ];
        },
        { path: 'customFields[0].schema.properties.x.pattern' },
      ],
      [
        'another tenant’s slug',
        (f) => {
          (f.profile as Json).slug = 'someone-else';
        },
        { path: 'profile.slug' },
      ],
      [
        'an unknown field',
        (f) => {
          (f.people[0] as Json).email = 'x@example.org';
        },
        { path: 'people[0].email' },
      ],
      [
        'a non-empty forms section',
        (f) => {
          (f as Json).forms = [{ name: '表单' }];
        },
        { path: 'forms[0]' },
      ],
      // Passes every check but a service refuses it mid-way: the units written before roll back too.
      [
        'a name taken by a sibling with another code',
        (f) => {
          (f as Json).positions = ['督查专员', '镇长', '网格员', '新职务'];
          (f.units[0] as { children: Json[] }).children.push({ name: '档案馆', kind: 'department', code: 'T-9' });
        },
        { path: 'units[0].children[2].name', status: 409 },
      ],
      [
        'a unit path through a unit the file renames',
        (f) => {
          (f.units[0] as { children: Json[] }).children[1].name = '城关街道';
        },
        { path: 'people[2].unit' },
      ],
    ];

    it.each(cases)('%s', async (_label, spoil, expected) => {
      const file = richConfig(tenant.slug) as Json & { units: Json[]; people: Json[]; roles: Json[]; modules: Json[] };
      spoil(file);
      const before = await snapshotTenant(platform, tenant.id);
      const response = await apply(tenant, file);
      expect(response.statusCode, response.body).toBe(expected.status ?? 400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(expected.path);
      expect(await snapshotTenant(platform, tenant.id)).toEqual(before);
    });
  });

  it('is for tenant admins only', async () => {
    const tenant = await platform.createTenant('staff-county');
    await tenant.admin.post(`${tenant.base}/users`, {
      username: 'staff',
      displayName: '干部',
      password: 'staff-pass-1',
      mustChangePassword: false,
    });
    const staff = await platform.client().loginTenant(tenant.slug, 'staff', 'staff-pass-1');
    expect((await staff.get(`${tenant.base}/config/export`)).statusCode).toBe(403);
    expect((await staff.post(`${tenant.base}/config/apply`, { version: 1, profile: { slug: tenant.slug, name: 'x' } })).statusCode).toBe(
      403,
    );
  });
});
