import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, createScopedUser, orgGrants, type ScopedUser } from '../helpers/org-fixtures.ts';

/** Who may read and change which part of the directory: permissions and data scope. */
describe('org data scope: people see and change only their part of the county', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let root: { id: string };
  let chengguan: { id: string; path: string };
  let dongguan: { id: string };
  let hexi: { id: string };
  let townHead: ScopedUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('shifan', '示范县');
    root = await apiUnit(county.admin, county, { name: '示范县', kind: 'county' });
    chengguan = await apiUnit(county.admin, county, { name: '城关镇', kind: 'town', parentId: root.id });
    dongguan = await apiUnit(county.admin, county, { name: '东关村', kind: 'village', parentId: chengguan.id });
    hexi = await apiUnit(county.admin, county, { name: '河西镇', kind: 'town', parentId: root.id });
    ids.townPerson = (await apiPerson(county.admin, county, { name: '城关甲', unitId: chengguan.id })).id;
    ids.villagePerson = (await apiPerson(county.admin, county, { name: '东关乙', unitId: dongguan.id })).id;
    ids.hexiPerson = (await apiPerson(county.admin, county, { name: '河西丙', unitId: hexi.id })).id;
    townHead = await createScopedUser(platform, county, { username: 'town-head', unitId: chengguan.id, grants: orgGrants('unit_subtree') });
  });
  afterAll(() => platform?.stop());

  const base = () => `${county.base}/org`;
  const peopleIds = async (user: ScopedUser, query = '') => {
    const response = await user.client.get(`${base()}/people?limit=200${query}`);
    expect(response.statusCode).toBe(200);
    return response.json().items.map((p: { id: string }) => p.id) as string[];
  };

  it('a town head sees only the people and units of the town and below', async () => {
    const seen = await peopleIds(townHead);
    expect(seen).toEqual(expect.arrayContaining([ids.townPerson, ids.villagePerson, townHead.personId]));
    expect(seen).not.toContain(ids.hexiPerson);
    const units = (await townHead.client.get(`${base()}/units`)).json().items.map((u: { name: string }) => u.name);
    expect(units.sort()).toEqual(['东关村', '城关镇']);
    expect((await townHead.client.get(`${base()}/people/${ids.hexiPerson}`)).statusCode).toBe(404);
    expect((await townHead.client.get(`${base()}/units/${hexi.id}`)).statusCode).toBe(404);
    // Asking for another town's subtree does not widen the scope.
    expect(await peopleIds(townHead, `&unitId=${hexi.id}&includeSubunits=true`)).toEqual([]);
  });

  it('a town head manages people and units inside the town', async () => {
    const person = await townHead.client.post(`${base()}/people`, { name: '新网格员', phone: '13600000001', unitId: dongguan.id });
    expect(person.statusCode).toBe(201);
    const grid = await townHead.client.post(`${base()}/units`, { name: '东关村一网格', kind: 'grid', parentId: dongguan.id });
    expect(grid.statusCode).toBe(201);
    expect((await townHead.client.patch(`${base()}/people/${person.json().id}`, { unitId: grid.json().id })).statusCode).toBe(200);
  });

  it('a town head cannot create, change, move or delete anything outside the town (403, field named)', async () => {
    const intoHexi = await townHead.client.post(`${base()}/people`, { name: '越界', phone: '13600000002', unitId: hexi.id });
    expect(intoHexi.statusCode).toBe(403);
    expect(intoHexi.json().error).toMatchObject({ code: 'ORG_OUT_OF_SCOPE', details: [{ path: 'body.unitId' }] });
    expect((await townHead.client.patch(`${base()}/people/${ids.hexiPerson}`, { name: '改' })).statusCode).toBe(403);
    expect((await townHead.client.delete(`${base()}/people/${ids.hexiPerson}`)).statusCode).toBe(403);
    const moveOut = await townHead.client.patch(`${base()}/people/${ids.villagePerson}`, { unitId: hexi.id });
    expect(moveOut.statusCode).toBe(403);
    expect(moveOut.json().error.details[0].path).toBe('body.unitId');

    const unitInHexi = await townHead.client.post(`${base()}/units`, { name: '越界村', kind: 'village', parentId: hexi.id });
    expect(unitInHexi.statusCode).toBe(403);
    expect(unitInHexi.json().error.details[0].path).toBe('body.parentId');
    expect((await townHead.client.post(`${base()}/units`, { name: '新县', kind: 'county' })).statusCode).toBe(403);
    expect((await townHead.client.patch(`${base()}/units/${hexi.id}`, { name: '改名' })).statusCode).toBe(403);
    const villageOut = await townHead.client.post(`${base()}/units/${dongguan.id}/move`, { parentId: hexi.id });
    expect(villageOut.statusCode).toBe(403);
    expect(villageOut.json().error.details[0].path).toBe('body.parentId');
    expect((await townHead.client.post(`${base()}/units/${chengguan.id}/move`, { parentId: hexi.id })).statusCode).toBe(403);
    expect((await county.admin.get(`${base()}/people/${ids.villagePerson}`)).json().unitId).toBe(dongguan.id);
    expect((await county.admin.get(`${base()}/units/${dongguan.id}`)).json().parentId).toBe(chengguan.id);
  });

  it('own_unit scope reaches the unit alone, not the units below it', async () => {
    const clerk = await createScopedUser(platform, county, { username: 'town-clerk', unitId: chengguan.id, grants: orgGrants('own_unit') });
    const seen = await peopleIds(clerk);
    expect(seen).toContain(ids.townPerson);
    expect(seen).not.toContain(ids.villagePerson);
    expect((await clerk.client.post(`${base()}/people`, { name: '村里人', phone: '13600000003', unitId: dongguan.id })).statusCode).toBe(
      403,
    );
    expect((await clerk.client.post(`${base()}/people`, { name: '镇里人', phone: '13600000004', unitId: chengguan.id })).statusCode).toBe(
      201,
    );
  });

  it('reading needs core.org.read and changing needs core.org.manage', async () => {
    const nobody = await createScopedUser(platform, county, { username: 'no-grants', unitId: hexi.id, grants: [] });
    const denied = await nobody.client.get(`${base()}/people`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('PERMISSION_DENIED');
    expect((await nobody.client.get(`${base()}/units`)).statusCode).toBe(403);

    const reader = await createScopedUser(platform, county, { username: 'reader', unitId: hexi.id, grants: orgGrants('tenant', false) });
    expect(await peopleIds(reader)).toEqual(expect.arrayContaining([ids.townPerson, ids.hexiPerson]));
    const write = await reader.client.post(`${base()}/people`, { name: '只读', phone: '13600000005', unitId: hexi.id });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('PERMISSION_DENIED');
    expect((await reader.client.post(`${base()}/positions`, { name: '只读职务' })).statusCode).toBe(403);
  });

  it('positions are shared: a town head may add one but not rename or delete one', async () => {
    const position = await townHead.client.post(`${base()}/positions`, { name: '村级网格员' });
    expect(position.statusCode).toBe(201);
    const rename = await townHead.client.patch(`${base()}/positions/${position.json().id}`, { name: '网格长' });
    expect(rename.statusCode).toBe(403);
    expect((await townHead.client.delete(`${base()}/positions/${position.json().id}`)).statusCode).toBe(403);
    expect((await county.admin.patch(`${base()}/positions/${position.json().id}`, { name: '网格长' })).statusCode).toBe(200);
  });

  it('the scope follows the tree: after the village moves to another town, the town head no longer sees it', async () => {
    expect(await peopleIds(townHead)).toContain(ids.villagePerson);
    expect((await county.admin.post(`${base()}/units/${dongguan.id}/move`, { parentId: hexi.id })).statusCode).toBe(200);
    expect(await peopleIds(townHead)).not.toContain(ids.villagePerson);
  });
});
