import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, auditOf } from '../helpers/org-fixtures.ts';

describe('org units: a county tree that admins build, rename, move and prune', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;
  let root: { id: string; path: string };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('shifan', '示范县');
    other = await platform.createTenant('linxian', '邻县');
    root = await apiUnit(county.admin, county, { name: '示范县', kind: 'county', code: '371399' });
  });
  afterAll(() => platform?.stop());

  const units = (tenant: TestTenant) => `${tenant.base}/org/units`;

  it('creates a unit under a parent with its path and depth, and audits it', async () => {
    const response = await county.admin.post(units(county), { name: '城关镇', kind: 'town', parentId: root.id, code: 'CGZ' });
    expect(response.statusCode).toBe(201);
    const town = response.json();
    expect(town).toMatchObject({
      name: '城关镇',
      kind: 'town',
      parentId: root.id,
      code: 'CGZ',
      depth: 1,
      path: `${root.path}${town.id}/`,
      childCount: 0,
    });
    expect(await auditOf(platform, county.id, town.id)).toEqual([
      expect.objectContaining({ action: 'org.unit.create', data: expect.objectContaining({ name: '城关镇', parentId: root.id }) }),
    ]);
  });

  it('lists the whole tree parents first, or the children of one unit', async () => {
    const town = await apiUnit(county.admin, county, { name: '河西镇', kind: 'town', parentId: root.id });
    await apiUnit(county.admin, county, { name: '河西村', kind: 'village', parentId: town.id });
    const tree = (await county.admin.get(units(county))).json().items as {
      id: string;
      name: string;
      depth: number;
      parentId: string | null;
    }[];
    const seen = new Set<string | null>([null]);
    for (const unit of tree) {
      expect(seen.has(unit.parentId)).toBe(true);
      seen.add(unit.id);
    }
    expect(tree.map((u) => u.name)).toEqual(expect.arrayContaining(['示范县', '城关镇', '河西镇', '河西村']));
    const children = await county.admin.get(`${units(county)}?parentId=${town.id}`);
    expect(children.json().items.map((u: { name: string }) => u.name)).toEqual(['河西村']);
    const one = await county.admin.get(`${units(county)}/${town.id}`);
    expect(one.json()).toMatchObject({ name: '河西镇', childCount: 1 });
  });

  it('renames a unit and changes its kind, code and sort; the audit keeps before and after', async () => {
    const unit = await apiUnit(county.admin, county, { name: '县委办公室', kind: 'town', parentId: root.id });
    const response = await county.admin.patch(`${units(county)}/${unit.id}`, { name: '县委办', kind: 'department', code: 'XWB', sort: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: '县委办', kind: 'department', code: 'XWB', sort: 1 });
    const entries = await auditOf(platform, county.id, unit.id);
    expect(entries.at(-1)).toMatchObject({
      action: 'org.unit.update',
      data: { before: { name: '县委办公室', kind: 'town' }, after: { name: '县委办', kind: 'department' } },
    });
  });

  it('moves a unit with its whole subtree: every descendant gets the new path and depth', async () => {
    const a = await apiUnit(county.admin, county, { name: '甲镇', kind: 'town', parentId: root.id });
    const village = await apiUnit(county.admin, county, { name: '甲村', kind: 'village', parentId: a.id });
    const grid = await apiUnit(county.admin, county, { name: '甲村一网格', kind: 'grid', parentId: village.id });
    const b = await apiUnit(county.admin, county, { name: '乙镇', kind: 'town', parentId: root.id });

    const response = await county.admin.post(`${units(county)}/${village.id}/move`, { parentId: b.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ parentId: b.id, depth: 2, path: `${b.path}${village.id}/` });
    const movedGrid = (await county.admin.get(`${units(county)}/${grid.id}`)).json();
    expect(movedGrid).toMatchObject({ parentId: village.id, depth: 3, path: `${b.path}${village.id}/${grid.id}/` });
    expect((await county.admin.get(`${units(county)}/${a.id}`)).json().childCount).toBe(0);
    expect((await auditOf(platform, county.id, village.id)).at(-1)).toMatchObject({
      action: 'org.unit.move',
      data: { fromParentId: a.id, toParentId: b.id, unitsMoved: 2 },
    });

    const toRoot = await county.admin.post(`${units(county)}/${village.id}/move`, { parentId: null });
    expect(toRoot.json()).toMatchObject({ parentId: null, depth: 0, path: `/${village.id}/` });
    expect((await county.admin.get(`${units(county)}/${grid.id}`)).json()).toMatchObject({ depth: 1, path: `/${village.id}/${grid.id}/` });
  });

  it('refuses to move a unit under itself or one of its descendants, naming body.parentId, and changes nothing', async () => {
    const town = await apiUnit(county.admin, county, { name: '丙镇', kind: 'town', parentId: root.id });
    const village = await apiUnit(county.admin, county, { name: '丙村', kind: 'village', parentId: town.id });
    for (const parentId of [town.id, village.id]) {
      const response = await county.admin.post(`${units(county)}/${town.id}/move`, { parentId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'ORG_UNIT_MOVE_INVALID', details: [{ path: 'body.parentId' }] });
    }
    expect((await county.admin.get(`${units(county)}/${town.id}`)).json()).toMatchObject({ parentId: root.id, path: town.path });
  });

  it('refuses to delete a unit with child units or people (409), and deletes an empty one', async () => {
    const town = await apiUnit(county.admin, county, { name: '丁镇', kind: 'town', parentId: root.id });
    const village = await apiUnit(county.admin, county, { name: '丁村', kind: 'village', parentId: town.id });
    const person = await apiPerson(county.admin, county, { name: '丁一', unitId: village.id });

    const withChildren = await county.admin.delete(`${units(county)}/${town.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().error.code).toBe('ORG_UNIT_HAS_CHILDREN');
    const withPeople = await county.admin.delete(`${units(county)}/${village.id}`);
    expect(withPeople.statusCode).toBe(409);
    expect(withPeople.json().error.code).toBe('ORG_UNIT_HAS_PEOPLE');

    expect((await county.admin.delete(`${county.base}/org/people/${person.id}`)).statusCode).toBe(204);
    expect((await county.admin.delete(`${units(county)}/${village.id}`)).statusCode).toBe(204);
    expect((await county.admin.get(`${units(county)}/${village.id}`)).statusCode).toBe(404);
    expect((await auditOf(platform, county.id, village.id)).at(-1)?.action).toBe('org.unit.delete');
  });

  it('refuses a second sibling with the same name and a taken code, naming the field', async () => {
    const sameName = await county.admin.post(units(county), { name: '城关镇', kind: 'town', parentId: root.id });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error).toMatchObject({ code: 'ORG_UNIT_NAME_TAKEN', details: [{ path: 'body.name' }] });
    const sameCode = await county.admin.post(units(county), { name: '新镇', kind: 'town', parentId: root.id, code: 'CGZ' });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().error).toMatchObject({ code: 'ORG_UNIT_CODE_TAKEN', details: [{ path: 'body.code' }] });
  });

  it('rejects invalid bodies with every bad field named, and writes nothing', async () => {
    const before = await platform.ownerQuery('core_unit').where({ tenant_id: county.id }).count<{ count: number }[]>('* as count');
    const response = await county.admin.post(units(county), {
      name: '<b>x</b>',
      kind: 'city',
      parentId: 'not-a-uuid',
      code: 'bad code!',
      extra: 1,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.kind', 'body.parentId', 'body.code', 'body.extra']));
    const missingParent = await county.admin.post(units(county), {
      name: '孤镇',
      kind: 'town',
      parentId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(missingParent.statusCode).toBe(400);
    expect(missingParent.json().error.details[0].path).toBe('body.parentId');
    const empty = await county.admin.patch(`${units(county)}/${root.id}`, {});
    expect(empty.statusCode).toBe(400);
    const after = await platform.ownerQuery('core_unit').where({ tenant_id: county.id }).count<{ count: number }[]>('* as count');
    expect(Number(after[0].count)).toBe(Number(before[0].count));
  });

  it('a unit of another tenant is not found: get, update, move and delete are 404 and change nothing', async () => {
    const theirs = await apiUnit(other.admin, other, { name: '邻县', kind: 'county' });
    const url = `${units(county)}/${theirs.id}`;
    expect((await county.admin.get(url)).statusCode).toBe(404);
    expect((await county.admin.patch(url, { name: '改名' })).statusCode).toBe(404);
    expect((await county.admin.post(`${url}/move`, { parentId: root.id })).statusCode).toBe(404);
    expect((await county.admin.delete(url)).statusCode).toBe(404);
    const asParent = await county.admin.post(units(county), { name: '越界镇', kind: 'town', parentId: theirs.id });
    expect(asParent.statusCode).toBe(400);
    expect(asParent.json().error.details[0].path).toBe('body.parentId');
    expect((await county.admin.get(units(county))).body).not.toContain(theirs.id);
    expect((await other.admin.get(`${units(other)}/${theirs.id}`)).json()).toMatchObject({ name: '邻县', path: theirs.path });
  });
});
