import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, createScopedUser } from '../helpers/org-fixtures.ts';

interface Entry {
  action: string;
  recordType: string;
  recordId: string;
  recordName: string | null;
  actor: { id: string; displayName: string | null } | null;
}

describe('audit trail reads with names: record names and the action catalogue for the filter', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;
  let roleId: string;
  let unitId: string;

  const trail = async (query = '') => (await county.admin.get(`${county.base}/audit${query}`)).json().items as Entry[];

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('suichang', '遂昌县');
    other = await platform.createTenant('longquan', '龙泉市');
    unitId = (await apiUnit(county.admin, county, { name: '妙高街道', kind: 'town' })).id;
    await apiPerson(county.admin, county, { name: '周书记', unitId });
    roleId = (await county.admin.post(`${county.base}/roles`, { name: '临时角色', grants: [] })).json().id;
    await county.admin.put(`${county.base}/roles/${roleId}`, { name: '网格员', grants: [] });
    const gone = (await county.admin.post(`${county.base}/roles`, { name: '将删除的角色', grants: [] })).json().id;
    await county.admin.delete(`${county.base}/roles/${gone}`);
    await other.admin.post(`${other.base}/roles`, { name: '龙泉角色', grants: [] });
    await other.admin.post(`${other.base}/modules/forms/enable`);
  });
  afterAll(() => platform?.stop());

  it('names each record by its current name, a deleted one by the name its earlier entries recorded', async () => {
    const items = await trail();
    expect(items.find((e) => e.action === 'roles.update')).toMatchObject({ recordId: roleId, recordName: '网格员' });
    expect(items.find((e) => e.action === 'roles.create' && e.recordId === roleId)?.recordName).toBe('网格员');
    expect(items.find((e) => e.action === 'roles.delete')?.recordName).toBe('将删除的角色');
    expect(items.filter((e) => e.action === 'roles.create').map((e) => e.recordName)).toContain('将删除的角色');
    expect(items.find((e) => e.action === 'org.unit.create')).toMatchObject({ recordId: unitId, recordName: '妙高街道' });
    expect(items.find((e) => e.action === 'org.person.create')?.recordName).toBe('周书记');
    expect(items.find((e) => e.action === 'auth.login')).toMatchObject({
      recordType: 'user',
      recordName: '遂昌县管理员',
      actor: { displayName: '遂昌县管理员' },
    });
  });

  it('offers every core action and each action found in this county’s trail, with the module it belongs to, and none of another county’s', async () => {
    const response = await county.admin.get(`${county.base}/audit/actions`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { action: string; moduleId: string | null }[];
    const actions = items.map((i) => i.action);
    expect(actions).toEqual([...actions].sort());
    expect(actions).toEqual(
      expect.arrayContaining([
        'roles.create',
        'roles.delete',
        'users.bulk_create',
        'org.unit.create',
        'modules.enable',
        'tenant.profile.update',
      ]),
    );
    expect(items.find((i) => i.action === 'roles.create')?.moduleId).toBeNull();

    await county.admin.post(`${county.base}/modules/forms/enable`);
    const form = await county.admin.post(`${county.base}/forms/forms`, {
      name: '因户施策',
      schema: { type: 'object', properties: { a: { type: 'string' } } },
    });
    expect(form.statusCode, form.body).toBe(201);
    const after = (await county.admin.get(`${county.base}/audit/actions`)).json().items as { action: string; moduleId: string | null }[];
    expect(after).toContainEqual({ action: 'forms.form.create', moduleId: 'forms' });
    // The publish entry records no name: the form's creation entry names it.
    await county.admin.post(`${county.base}/forms/forms/${form.json().id}/publish`, {});
    const published = (await trail('?action=forms.form.publish'))[0];
    expect(published).toMatchObject({ recordId: form.json().id, recordName: '因户施策' });
    const otherActions = (await other.admin.get(`${other.base}/audit/actions`)).json().items.map((i: { action: string }) => i.action);
    expect(otherActions).not.toContain('forms.form.create');
  });

  it('filters the trail by an action picked from the catalogue', async () => {
    const items = await trail('?action=roles.update');
    expect(items.map((e) => e.action)).toEqual(['roles.update']);
  });

  it('needs core.audit.read for the catalogue', async () => {
    const clerk = await createScopedUser(platform, county, {
      username: 'no-audit',
      unitId,
      grants: [{ permission: 'core.org.read', scope: 'tenant' }],
    });
    expect((await clerk.client.get(`${county.base}/audit/actions`)).statusCode).toBe(403);
  });
});
