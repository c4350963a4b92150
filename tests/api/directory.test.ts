import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, createScopedUser, type ScopedUser } from '../helpers/org-fixtures.ts';
import { detailPaths } from '../helpers/forms-fixtures.ts';

interface Found {
  items: { id: string; name: string; unitId: string; unitName: string }[];
  nextCursor: string | null;
}

describe('directory lookup: names and units for any signed-in user', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;
  let clerk: ScopedUser;
  const units: Record<string, string> = {};
  const people: Record<string, string> = {};

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('dir-county', '示范县');
    other = await platform.createTenant('dir-other', '邻县');
    units.root = (await apiUnit(county.admin, county, { name: '示范县', kind: 'county' })).id;
    units.town = (await apiUnit(county.admin, county, { name: '城关镇', kind: 'town', parentId: units.root })).id;
    units.hongqi = (await apiUnit(county.admin, county, { name: '红旗村', kind: 'village', parentId: units.town })).id;
    units.office = (await apiUnit(county.admin, county, { name: '县委办', kind: 'department', parentId: units.root })).id;
    people.zhangsan = (await apiPerson(county.admin, county, { name: '张三', unitId: units.hongqi })).id;
    people.zhangsanfeng = (await apiPerson(county.admin, county, { name: '张三丰', unitId: units.office })).id;
    people.lisi = (await apiPerson(county.admin, county, { name: '李四', unitId: units.town })).id;
    people.wangwu = (await apiPerson(county.admin, county, { name: '王五', unitId: units.hongqi })).id;
    // A village clerk who holds no permission at all, not even core.org.read.
    clerk = await createScopedUser(platform, county, { username: 'hq-clerk', unitId: units.hongqi, grants: [] });
    const otherRoot = await apiUnit(other.admin, other, { name: '邻县', kind: 'county' });
    await apiPerson(other.admin, other, { name: '张三', unitId: otherRoot.id });
  });
  afterAll(() => platform?.stop());

  const find = async (query: string, client = clerk.client): Promise<Found> => {
    const response = await client.get(`${county.base}/directory/people${query ? `?${query}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('finds people by part of a Chinese name without core.org.read, showing only name and unit', async () => {
    expect((await clerk.client.get(`${county.base}/org/people`)).statusCode).toBe(403);
    const found = await find(`q=${encodeURIComponent('三')}`);
    expect(found.items).toEqual([
      { id: people.zhangsan, name: '张三', unitId: units.hongqi, unitName: '红旗村' },
      { id: people.zhangsanfeng, name: '张三丰', unitId: units.office, unitName: '县委办' },
    ]);
    // The other county's 张三 is not this county's.
    expect(found.nextCursor).toBeNull();
    expect(JSON.stringify(await find(''))).not.toMatch(/phone|139\d{8}/);
  });

  it('narrows to a unit with its subunits (or without them), and pages with a cursor', async () => {
    // The clerk is a person of 红旗村 too.
    expect((await find(`unitId=${units.town}`)).items.map((p) => p.name)).toEqual(['hq-clerk本人', '张三', '李四', '王五']);
    expect((await find(`unitId=${units.town}&includeSubunits=false`)).items.map((p) => p.name)).toEqual(['李四']);
    const first = await find('limit=3');
    const second = await find(`limit=3&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((p) => p.name)).toEqual(['hq-clerk本人', '张三', '张三丰', '李四', '王五']);
    expect(second.nextCursor).toBeNull();
  });

  it('shows one person by id; an unknown id, or another county’s, is a 404', async () => {
    expect((await clerk.client.get(`${county.base}/directory/people/${people.lisi}`)).json()).toEqual({
      id: people.lisi,
      name: '李四',
      unitId: units.town,
      unitName: '城关镇',
    });
    const foreign = (await other.admin.get(`${other.base}/directory/people`)).json().items[0].id;
    expect((await clerk.client.get(`${county.base}/directory/people/${foreign}`)).statusCode).toBe(404);
    expect((await find(`unitId=${(await other.admin.get(`${other.base}/directory/units`)).json().items[0].id}`)).items).toEqual([]);
  });

  it('gives the unit tree parents first, or the units matching a name with their ancestors', async () => {
    const tree = (await clerk.client.get(`${county.base}/directory/units`)).json().items;
    expect(tree.map((u: { name: string }) => u.name)).toEqual(['示范县', '县委办', '城关镇', '红旗村']);
    expect(tree[3]).toEqual({ id: units.hongqi, name: '红旗村', parentId: units.town, kind: 'village' });
    const hongqi = (await clerk.client.get(`${county.base}/directory/units?q=${encodeURIComponent('红旗')}`)).json().items;
    expect(hongqi.map((u: { name: string }) => u.name)).toEqual(['示范县', '城关镇', '红旗村']);
    expect((await clerk.client.get(`${county.base}/directory/units?q=${encodeURIComponent('乡')}`)).json().items).toEqual([]);
  });

  it('bad input is a 400 naming the parameter; no session is a 401', async () => {
    expect(detailPaths(await clerk.client.get(`${county.base}/directory/people?limit=0`))).toEqual(['querystring.limit']);
    expect(detailPaths(await clerk.client.get(`${county.base}/directory/people?unitId=nope`))).toEqual(['querystring.unitId']);
    expect(detailPaths(await clerk.client.get(`${county.base}/directory/people?cursor=bm9wZQ`))).toEqual(['querystring.cursor']);
    expect(detailPaths(await clerk.client.get(`${county.base}/directory/units?q=${'长'.repeat(51)}`))).toEqual(['querystring.q']);
    expect(detailPaths(await clerk.client.get(`${county.base}/directory/people/nope`))).toEqual(['params.id']);
    expect((await platform.client().get(`${county.base}/directory/people`)).statusCode).toBe(401);
  });

  it('the name searches are served by indexes: trigrams from three characters, else the tenant’s name order', async () => {
    // Tiny tables are read whole; with sequential scans off, the plan shows which index can serve the search.
    const plan = async (sql: string, off = ['enable_seqscan']) =>
      platform.db.owner.transaction(async (trx) => {
        for (const setting of off) await trx.raw(`set local ${setting} = off`);
        const { rows } = await trx.raw(`explain ${sql}`);
        return (rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
      });
    expect(await plan("select id from core_person where name ilike '%张三丰%'")).toContain('core_person_name_trgm_idx');
    expect(await plan("select id from core_unit where name ilike '%红旗村%'")).toContain('core_unit_name_trgm_idx');
    // One or two characters hold no trigram: the page walks the tenant's (tenant_id, name, id) index in order and stops at the limit.
    const short = await plan(
      `select id from core_person where tenant_id = '${county.id}' and name ilike '%张三%' order by name, id limit 21`,
      ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'],
    );
    expect(short).toMatch(/Index (Only )?Scan using core_person_tenant_id_name_id_index/);
    expect(short).not.toContain('Sort');
  });
});
