import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, auditOf } from '../helpers/org-fixtures.ts';

interface PersonView {
  id: string;
  name: string;
  phone: string;
  unitId: string;
  unitName: string;
  positionId: string | null;
  positionName: string | null;
}

describe('org people and positions: the directory staff look people up in', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;
  let root: { id: string };
  let town: { id: string };
  let village: { id: string };
  let office: { id: string };
  let headPosition: { id: string };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('shifan', '示范县');
    other = await platform.createTenant('linxian', '邻县');
    root = await apiUnit(county.admin, county, { name: '示范县', kind: 'county' });
    town = await apiUnit(county.admin, county, { name: '城关镇', kind: 'town', parentId: root.id });
    village = await apiUnit(county.admin, county, { name: '东关村', kind: 'village', parentId: town.id });
    office = await apiUnit(county.admin, county, { name: '县委办', kind: 'department', parentId: root.id });
    headPosition = (await county.admin.post(`${county.base}/org/positions`, { name: '镇长' })).json();
  });
  afterAll(() => platform?.stop());

  const people = (tenant: TestTenant) => `${tenant.base}/org/people`;
  const list = async (query: string): Promise<{ items: PersonView[]; nextCursor: string | null }> => {
    const response = await county.admin.get(`${people(county)}?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('adds a person with unit and position, and reads them back with the names', async () => {
    const response = await county.admin.post(people(county), {
      name: '张三',
      phone: '13800001006',
      unitId: town.id,
      positionId: headPosition.id,
    });
    expect(response.statusCode).toBe(201);
    const person = response.json();
    expect(person).toMatchObject({
      name: '张三',
      phone: '13800001006',
      unitId: town.id,
      unitName: '城关镇',
      positionId: headPosition.id,
      positionName: '镇长',
    });
    expect((await county.admin.get(`${people(county)}/${person.id}`)).json()).toMatchObject({ name: '张三', unitName: '城关镇' });
    expect((await auditOf(platform, county.id, person.id))[0]).toMatchObject({
      action: 'org.person.create',
      data: { phone: '13800001006' },
    });
  });

  it('refuses a phone number that another person has, naming body.phone (create and update)', async () => {
    const taken = await county.admin.post(people(county), { name: '张三丰', phone: '13800001006', unitId: village.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'ORG_PHONE_TAKEN', details: [{ path: 'body.phone' }] });
    const someone = await apiPerson(county.admin, county, { name: '李四', unitId: village.id });
    const update = await county.admin.patch(`${people(county)}/${someone.id}`, { phone: '13800001006' });
    expect(update.statusCode).toBe(409);
    expect(update.json().error.details[0].path).toBe('body.phone');
  });

  it('finds people by part of a Chinese name or of a phone number', async () => {
    await apiPerson(county.admin, county, { name: '王三宝', unitId: office.id, phone: '13912345678' });
    const byName = await list(`q=${encodeURIComponent('三')}`);
    expect(byName.items.map((p) => p.name).sort()).toEqual(['张三', '王三宝']);
    const byPhone = await list('q=2345');
    expect(byPhone.items.map((p) => p.name)).toEqual(['王三宝']);
    expect((await list(`q=${encodeURIComponent('赵')}`)).items).toEqual([]);
  });

  it('treats % and _ in the search text literally', async () => {
    await apiPerson(county.admin, county, { name: '百分之百%', unitId: office.id });
    expect((await list(`q=${encodeURIComponent('%')}`)).items.map((p) => p.name)).toEqual(['百分之百%']);
    expect((await list('q=_')).items).toEqual([]);
  });

  it('filters by unit, by unit with its subunits, and by position', async () => {
    const inVillage = await apiPerson(county.admin, county, { name: '赵村民', unitId: village.id });
    const onlyTown = await list(`unitId=${town.id}`);
    expect(onlyTown.items.every((p) => p.unitId === town.id)).toBe(true);
    expect(onlyTown.items.map((p) => p.id)).not.toContain(inVillage.id);
    const subtree = await list(`unitId=${town.id}&includeSubunits=true`);
    expect(subtree.items.map((p) => p.id)).toContain(inVillage.id);
    expect(subtree.items.every((p) => [town.id, village.id].includes(p.unitId))).toBe(true);
    const heads = await list(`positionId=${headPosition.id}`);
    expect(heads.items.map((p) => p.name)).toEqual(['张三']);
  });

  it('pages through everyone with limit and cursor in a stable order, without repeats or gaps', async () => {
    for (let i = 0; i < 12; i++) await apiPerson(county.admin, county, { name: `网格员${String(i).padStart(2, '0')}`, unitId: village.id });
    const all = (await list('limit=200')).items.map((p) => p.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: PersonView[]; nextCursor: string | null } = await list(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 5));
    const bad = await county.admin.get(`${people(county)}?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.cursor');
  });

  it('updates a person (moving them to another unit) and audits before and after; deletes them', async () => {
    const person = await apiPerson(county.admin, county, { name: '钱七', unitId: village.id });
    const response = await county.admin.patch(`${people(county)}/${person.id}`, {
      name: '钱七七',
      unitId: office.id,
      positionId: headPosition.id,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: '钱七七', unitId: office.id, unitName: '县委办', positionName: '镇长' });
    expect((await auditOf(platform, county.id, person.id)).at(-1)).toMatchObject({
      action: 'org.person.update',
      data: { before: { name: '钱七', unitId: village.id, positionId: null }, after: { name: '钱七七', unitId: office.id } },
    });
    expect((await county.admin.delete(`${people(county)}/${person.id}`)).statusCode).toBe(204);
    expect((await county.admin.get(`${people(county)}/${person.id}`)).statusCode).toBe(404);
    expect((await auditOf(platform, county.id, person.id)).at(-1)?.action).toBe('org.person.delete');
  });

  it('deleting a person keeps their account, no longer linked to anyone', async () => {
    const person = await apiPerson(county.admin, county, { name: '孙八', unitId: village.id });
    const created = await county.admin.post(`${county.base}/users`, {
      username: 'sunba',
      displayName: '孙八',
      password: 'Sunba@2026x',
      personId: person.id,
    });
    expect(created.statusCode).toBe(201);
    expect((await county.admin.delete(`${people(county)}/${person.id}`)).statusCode).toBe(204);
    const accounts = await county.admin.get(`${county.base}/users?q=sunba`);
    expect(accounts.statusCode).toBe(200);
    expect(accounts.json().items).toEqual([expect.objectContaining({ id: created.json().id, personId: null })]);
  });

  it('rejects bad input naming each field and writes nothing', async () => {
    const before = await platform.ownerQuery('core_person').where({ tenant_id: county.id }).count<{ count: number }[]>('* as count');
    const response = await county.admin.post(people(county), { name: '', phone: '12345', unitId: 'x', positionId: 5 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.phone', 'body.unitId', 'body.positionId']),
    );
    const noUnit = await county.admin.post(people(county), {
      name: '无单位',
      phone: '13700000001',
      unitId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.details[0].path).toBe('body.unitId');
    const noPosition = await county.admin.post(people(county), {
      name: '无职务',
      phone: '13700000002',
      unitId: town.id,
      positionId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(noPosition.statusCode).toBe(400);
    expect(noPosition.json().error.details[0].path).toBe('body.positionId');
    const after = await platform.ownerQuery('core_person').where({ tenant_id: county.id }).count<{ count: number }[]>('* as count');
    expect(Number(after[0].count)).toBe(Number(before[0].count));
  });

  it('a person of another tenant is not found, and their units cannot be used', async () => {
    const theirRoot = await apiUnit(other.admin, other, { name: '邻县', kind: 'county' });
    const theirs = await apiPerson(other.admin, other, { name: '外县人', unitId: theirRoot.id });
    const url = `${people(county)}/${theirs.id}`;
    expect((await county.admin.get(url)).statusCode).toBe(404);
    expect((await county.admin.patch(url, { name: '改' })).statusCode).toBe(404);
    expect((await county.admin.delete(url)).statusCode).toBe(404);
    const intoTheirUnit = await county.admin.post(people(county), { name: '越界', phone: '13700000003', unitId: theirRoot.id });
    expect(intoTheirUnit.statusCode).toBe(400);
    expect((await list('limit=200')).items.map((p) => p.id)).not.toContain(theirs.id);
    // Phone numbers are unique per tenant only.
    expect((await county.admin.post(people(county), { name: '同号', phone: theirs.phone, unitId: town.id })).statusCode).toBe(201);
    expect((await other.admin.get(`${people(other)}/${theirs.id}`)).json().name).toBe('外县人');
  });

  it('positions: lists with counts, renames, refuses duplicates and deleting one that people hold', async () => {
    const positions = `${county.base}/org/positions`;
    const clerk = (await county.admin.post(positions, { name: '科员', sort: 5 })).json();
    const duplicate = await county.admin.post(positions, { name: '科员' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0].path).toBe('body.name');
    const listed = (await county.admin.get(positions)).json().items;
    expect(listed.find((p: { id: string }) => p.id === headPosition.id)).toMatchObject({ name: '镇长', personCount: 1 });

    const renamed = await county.admin.patch(`${positions}/${clerk.id}`, { name: '一级科员' });
    expect(renamed.json()).toMatchObject({ name: '一级科员', sort: 5 });
    const held = await county.admin.delete(`${positions}/${headPosition.id}`);
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('ORG_POSITION_IN_USE');
    expect((await county.admin.delete(`${positions}/${clerk.id}`)).statusCode).toBe(204);
    expect((await auditOf(platform, county.id, clerk.id)).map((e) => e.action)).toEqual([
      'org.position.create',
      'org.position.update',
      'org.position.delete',
    ]);
    const theirs = (await other.admin.post(`${other.base}/org/positions`, { name: '外县职务' })).json();
    expect((await county.admin.patch(`${positions}/${theirs.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await county.admin.delete(`${positions}/${theirs.id}`)).statusCode).toBe(404);
  });
});
