import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, createScopedUser } from '../helpers/org-fixtures.ts';

interface Created {
  userId: string;
  personId: string;
  name: string;
  unitName: string;
  username: string;
  initialPassword: string | null;
}

describe('admin console: accounts and roles for many people at once, role templates', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let townId: string;
  let villageId: string;
  const people: { id: string; phone: string; name: string }[] = [];

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('jiazhou', '嘉州县');
    townId = (await apiUnit(county.admin, county, { name: '苏稽镇', kind: 'town' })).id;
    villageId = (await apiUnit(county.admin, county, { name: '新桥村', kind: 'village', parentId: townId })).id;
    for (const [name, unitId] of [
      ['王村长', villageId],
      ['李会计', villageId],
      ['张镇长', townId],
      ['赵网格', villageId],
    ] as const) {
      const person = await apiPerson(county.admin, county, { name, unitId });
      people.push({ id: person.id, phone: person.phone, name });
    }
  });
  afterAll(() => platform?.stop());

  it('lists the people of a town and its villages with whether each already has an account', async () => {
    const response = await county.admin.get(`${county.base}/users/candidates?unitId=${townId}&includeSubunits=true`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(items.map((i: { name: string }) => i.name).sort()).toEqual(['张镇长', '李会计', '王村长', '赵网格'].sort());
    expect(items.every((i: { account: unknown }) => i.account === null)).toBe(true);
    const own = (await county.admin.get(`${county.base}/users/candidates?unitId=${townId}&includeSubunits=false`)).json();
    expect(own.items.map((i: { name: string }) => i.name)).toEqual(['张镇长']);
  });

  it('creates accounts for selected people with a printable sheet of logins and initial passwords that must be changed at first sign-in', async () => {
    const response = await county.admin.post(`${county.base}/users/bulk`, { personIds: [people[0].id, people[1].id], delivery: 'sheet' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { created, skipped, smsQueued } = response.json() as { created: Created[]; skipped: unknown[]; smsQueued: number };
    expect(skipped).toEqual([]);
    expect(smsQueued).toBe(0);
    expect(created.map((c) => [c.name, c.unitName, c.username])).toEqual([
      ['王村长', '新桥村', people[0].phone],
      ['李会计', '新桥村', people[1].phone],
    ]);
    for (const account of created) expect(account.initialPassword).toMatch(/^[A-Za-z2-9]{10}$/);
    const signedIn = await platform.client().loginTenant('jiazhou', created[0].username, created[0].initialPassword as string);
    const me = (await signedIn.get(`${county.base}/auth/me`)).json();
    expect(me.user).toMatchObject({ personId: people[0].id, mustChangePassword: true, isTenantAdmin: false });
    const stored = await platform.ownerQuery('core_user').where({ tenant_id: county.id, id: created[0].userId }).first('password_hash');
    expect(stored.password_hash).not.toContain(created[0].initialPassword);
  });

  it('sends initial passwords by SMS to each person’s phone, with no inbox copy and none in the response, and skips people who have an account', async () => {
    const response = await county.admin.post(
      `${county.base}/users/bulk`,
      { personIds: [people[0].id, people[2].id], delivery: 'sms' },
      { origin: 'https://work.jiazhou.gov.cn' },
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json() as { created: Created[]; skipped: { name: string; username: string }[]; smsQueued: number };
    expect(body.skipped).toEqual([{ personId: people[0].id, name: '王村长', username: people[0].phone }]);
    expect(body.created).toHaveLength(1);
    expect(body.created[0]).toMatchObject({ name: '张镇长', initialPassword: null });
    expect(body.smsQueued).toBe(1);
    const outbox = await platform.ownerQuery('core_sms_outbox').where({ tenant_id: county.id, phone: people[2].phone });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].body).toContain('嘉州县');
    expect(outbox[0].body).toContain('https://work.jiazhou.gov.cn/t/jiazhou/login');
    const password = /初始密码 ([A-Za-z2-9]{10})/.exec(outbox[0].body)?.[1];
    expect(password).toBeDefined();
    const signedIn = await platform.client().loginTenant('jiazhou', people[2].phone, password as string);
    expect((await signedIn.get(`${county.base}/auth/me`)).json().user.mustChangePassword).toBe(true);
    expect(await platform.ownerQuery('core_notification').where({ tenant_id: county.id, user_id: body.created[0].userId })).toEqual([]);
  });

  it('creates nothing when one person cannot get an account, naming that person', async () => {
    await county.admin.post(`${county.base}/users`, {
      username: 'clash',
      displayName: '已有账号',
      phone: people[3].phone,
      password: 'clash-pass-1',
    });
    const before = await platform.ownerQuery('core_user').where({ tenant_id: county.id }).count('* as n');
    const unknown = '0190a0a0-0000-7000-8000-000000000001';
    const missing = await county.admin.post(`${county.base}/users/bulk`, { personIds: [people[1].id, unknown], delivery: 'sheet' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'body.personIds[1]', message: 'no such person' }]);
    const taken = await county.admin.post(`${county.base}/users/bulk`, { personIds: [people[3].id], delivery: 'sheet' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0]).toMatchObject({ path: 'body.personIds[0]' });
    expect(taken.json().error.details[0].message).toContain('clash');
    const bad = await county.admin.post(`${county.base}/users/bulk`, { personIds: [people[1].id], delivery: 'letter' });
    expect(bad.statusCode).toBe(400);
    expect(await platform.ownerQuery('core_user').where({ tenant_id: county.id }).count('* as n')).toEqual(before);
  });

  it('needs core.users.manage to create accounts in bulk', async () => {
    const clerk = await createScopedUser(platform, county, {
      username: 'org-clerk',
      unitId: townId,
      grants: [{ permission: 'core.org.manage', scope: 'tenant' }],
    });
    expect((await clerk.client.post(`${county.base}/users/bulk`, { personIds: [people[3].id], delivery: 'sheet' })).statusCode).toBe(403);
    expect((await clerk.client.get(`${county.base}/users/candidates`)).statusCode).toBe(403);
  });

  it('gives a role to many people at once and takes it from many, keeping the others', async () => {
    const role = (
      await county.admin.post(`${county.base}/roles`, { name: '村干部', grants: [{ permission: 'core.org.read', scope: 'own_unit' }] })
    ).json();
    await county.admin.put(`${county.base}/roles/${role.id}/members`, { personIds: [people[3].id] });
    const added = await county.admin.post(`${county.base}/roles/${role.id}/members/add`, {
      personIds: [people[0].id, people[1].id, people[3].id],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(
      added
        .json()
        .items.map((m: { personId: string }) => m.personId)
        .sort(),
    ).toEqual([people[0].id, people[1].id, people[3].id].sort());
    const removed = await county.admin.post(`${county.base}/roles/${role.id}/members/remove`, { personIds: [people[0].id, people[1].id] });
    expect(removed.json().items.map((m: { personId: string }) => m.personId)).toEqual([people[3].id]);
    const unknown = await county.admin.post(`${county.base}/roles/${role.id}/members/add`, {
      personIds: [people[0].id, '0190a0a0-0000-7000-8000-000000000002'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.personIds[1]', message: 'no such person' }]);
    expect((await county.admin.get(`${county.base}/roles/${role.id}/members`)).json().items).toHaveLength(1);
  });

  it('offers the seven county role templates with only permissions that exist, module ones once the module is enabled', async () => {
    const names = (items: { name: { 'zh-CN': string } }[]) => items.map((t) => t.name['zh-CN']);
    const before = (await county.admin.get(`${county.base}/role-templates`)).json().items;
    expect(names(before)).toEqual(['县领导', '督查员', '部门负责人', '镇长', '村干部', '网格员', '帮扶干部']);
    const inspector = before.find((t: { key: string }) => t.key === 'inspector');
    expect(inspector.grants.every((g: { permission: string }) => g.permission.startsWith('core.'))).toBe(true);
    expect(inspector.missingModules.sort()).toEqual(['dispatch', 'forms']);

    expect((await county.admin.post(`${county.base}/modules/forms/enable`)).statusCode).toBe(200);
    const after = (await county.admin.get(`${county.base}/role-templates`)).json().items;
    const known = new Set(
      (await county.admin.get(`${county.base}/permissions`))
        .json()
        .groups.flatMap((g: { permissions: { id: string }[] }) => g.permissions.map((p) => p.id)),
    );
    for (const template of after) for (const grant of template.grants) expect(known.has(grant.permission)).toBe(true);
    const cadre = after.find((t: { key: string }) => t.key === 'village_cadre');
    expect(cadre.grants).toContainEqual({ permission: 'forms.submit', scope: 'own_unit' });
    expect(cadre.grants.some((g: { permission: string }) => g.permission.startsWith('dispatch.'))).toBe(false);
    expect(cadre.missingModules).toEqual(['dispatch']);

    const created = await county.admin.post(`${county.base}/roles`, {
      name: cadre.name['zh-CN'] + '（模板）',
      description: cadre.description['zh-CN'],
      grants: cadre.grants,
    });
    expect(created.statusCode, created.body).toBe(201);
  });
});
