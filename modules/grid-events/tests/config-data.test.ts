import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { gridWorld, square, type GridWorld } from './grid-world.ts';

/**
 * A county keeps its grid-events setup as code: categories, grid polygons and buildings (with the
 * tags of their households) in the tenant-config
 * file (`modules[].data`), applied by code, exported back the same, applied twice without change;
 * a code that names nothing is a 400 naming its place in the file, and nothing is written.
 */
describe('grid events: categories and grids in the tenant-config file', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('config-county');
    world = await gridWorld(platform, tenant);
  });
  afterAll(() => platform?.stop());

  const exported = async () => (await tenant.admin.get(`${tenant.base}/config/export`)).json();
  const withData = (config: { modules: { id: string; data?: unknown }[] }, data: unknown) => ({
    ...config,
    modules: config.modules.map((m) => (m.id === 'grid-events' ? { ...m, data } : m)),
  });

  it('the export holds the categories and polygons; applying it back changes nothing', async () => {
    const config = await exported();
    const module = config.modules.find((m: { id: string }) => m.id === 'grid-events');
    expect(module.data.categories.map((c: { code: string }) => c.code)).toEqual(['noise', 'street-vendor']);
    expect(module.data.grids.map((g: { unit: string }) => g.unit)).toEqual(['qianjin-1', 'qianjin-2', 'xincun-1']);
    const applied = await tenant.admin.post(`${tenant.base}/config/apply`, config);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().changes.filter((c: { kind: string }) => c.kind === 'moduleData')).toEqual([]);
  });

  it('a new category under a parent and a changed polygon are applied by code', async () => {
    const config = await exported();
    const module = config.modules.find((m: { id: string }) => m.id === 'grid-events');
    const data = {
      categories: [
        ...module.data.categories,
        { code: 'night-vendor', name: '夜市摊点', parent: 'street-vendor', department: 'cityManagement', acceptHours: 1, resolveHours: 12 },
      ],
      grids: module.data.grids.map((g: { unit: string }) =>
        g.unit === 'xincun-1' ? { unit: 'xincun-1', geometry: { type: 'Polygon', coordinates: [square(117.6, 24.51, 117.63, 24.52)] } } : g,
      ),
    };
    const applied = await tenant.admin.post(`${tenant.base}/config/apply`, withData(config, data));
    expect(applied.statusCode, applied.body).toBe(200);
    const categories = (await world.users.gridworker.client.get(`${world.base}/categories`)).json().items;
    expect(categories.find((c: { code: string }) => c.code === 'night-vendor')).toMatchObject({
      parentId: world.categories.streetVendor,
      department: { id: world.units.cityManagement },
    });
    const areas = (await tenant.admin.get(`${world.base}/areas`)).json().items;
    expect(areas.find((a: { unit: { id: string } }) => a.unit.id === world.units.xincun1).bbox).toEqual([117.6, 24.51, 117.63, 24.52]);
  });

  it('buildings with their tagged households are applied by grid and name, exported back the same, applied again without change; QR codes keep working', async () => {
    const config = await exported();
    const module = config.modules.find((m: { id: string }) => m.id === 'grid-events');
    const building = {
      grid: 'qianjin-2',
      name: '前进小区1号楼',
      address: '前进路 1 号',
      lon: 117.615,
      lat: 24.505,
      unitCount: 2,
      floorCount: 3,
      householdsPerFloor: 2,
      households: [
        { unit: 1, floor: 2, room: '201', tags: ['独居老人'], notes: '王奶奶，子女在外地' },
        { unit: 2, floor: 3, room: '302', tags: ['出租'] },
      ],
    };
    const applied = await tenant.admin.post(`${tenant.base}/config/apply`, withData(config, { ...module.data, buildings: [building] }));
    expect(applied.statusCode, applied.body).toBe(200);

    const center = world.users.center.client;
    const [found] = (await center.get(`${world.base}/buildings?q=${encodeURIComponent('前进小区1号楼')}`)).json().items;
    expect(found).toMatchObject({ gridUnit: { id: world.units.qianjin2 }, households: 12, unitCount: 2, floorCount: 3 });
    const households = (await center.get(`${world.base}/buildings/${found.id}/households`)).json().items;
    const lonely = households.find((h: { unitNo: number; room: string }) => h.unitNo === 1 && h.room === '201');
    // Tagged by the file: due a visit one cadence (独居老人: 7 days) after the tagging.
    expect(lonely).toMatchObject({ tags: ['独居老人'], notes: '王奶奶，子女在外地', cadenceDays: 7 });
    expect(lonely.visitDueAt).not.toBeNull();

    const again = await exported();
    const data = again.modules.find((m: { id: string }) => m.id === 'grid-events').data;
    expect(data.buildings).toEqual([building]);
    const reapplied = await tenant.admin.post(`${tenant.base}/config/apply`, again);
    expect(reapplied.statusCode, reapplied.body).toBe(200);
    expect(reapplied.json().changes.filter((c: { kind: string }) => c.kind === 'moduleData')).toEqual([]);
    expect((await center.get(`${world.base}/buildings/${found.id}`)).json().qrToken).toBe(found.qrToken);

    // A larger floor model lays out only the rooms it adds; tagged rooms keep their tags.
    const taller = { ...building, floorCount: 4 };
    await tenant.admin.post(`${tenant.base}/config/apply`, withData(again, { ...data, buildings: [taller] }));
    const after = (await center.get(`${world.base}/buildings/${found.id}/households`)).json().items;
    expect(after).toHaveLength(16);
    expect(after.find((h: { id: string }) => h.id === lonely.id).tags).toEqual(['独居老人']);
  });

  it('a building naming no grid, a room its floor model lacks, or too many households: 400 naming the place, nothing written', async () => {
    const config = await exported();
    const index = config.modules.findIndex((m: { id: string }) => m.id === 'grid-events');
    const before = await platform.ownerQuery('grid_building').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count');
    const model = { lon: 117.615, lat: 24.505, unitCount: 1, floorCount: 2, householdsPerFloor: 2 };
    const refused = await tenant.admin.post(
      `${tenant.base}/config/apply`,
      withData(config, {
        buildings: [
          { grid: 'qianjin-2', name: '新楼', ...model },
          { grid: 'no-such-grid', name: '甲楼', ...model },
          { grid: 'qianjin', name: '乙楼', ...model },
          { grid: 'qianjin-2', name: '丙楼', ...model, households: [{ unit: 1, floor: 3, room: '301', tags: ['出租'] }] },
          { grid: 'qianjin-2', name: '丁楼', ...model, unitCount: 50, floorCount: 100 },
        ],
      }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      `modules[${index}].data.buildings[1].grid`,
      `modules[${index}].data.buildings[2].grid`,
      `modules[${index}].data.buildings[3].households[0]`,
      `modules[${index}].data.buildings[4].householdsPerFloor`,
    ]);
    const after = await platform.ownerQuery('grid_building').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count');
    expect(after).toEqual(before);
  });

  it('a unit code naming no unit, a unit that is not a grid, or a bad polygon: 400 naming the place, nothing written', async () => {
    const config = await exported();
    const before = await platform.ownerQuery('grid_category').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count');
    const bad = withData(config, {
      categories: [{ code: 'x', name: '新分类', department: 'no-such-unit', acceptHours: 1, resolveHours: 2 }],
      grids: [
        { unit: 'qianjin', geometry: { type: 'Polygon', coordinates: [square(117.6, 24.5, 117.61, 24.51)] } },
        {
          unit: 'qianjin-1',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [117.6, 24.5],
                [117.61, 24.51],
                [117.61, 24.5],
                [117.6, 24.51],
                [117.6, 24.5],
              ],
            ],
          },
        },
      ],
    });
    const refused = await tenant.admin.post(`${tenant.base}/config/apply`, bad);
    expect(refused.statusCode).toBe(400);
    const index = config.modules.findIndex((m: { id: string }) => m.id === 'grid-events');
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual([`modules[${index}].data.categories[0].department`]);
    const badGrids = withData(config, { grids: (bad.modules[index] as { data: { grids: unknown[] } }).data.grids });
    const refusedGrids = await tenant.admin.post(`${tenant.base}/config/apply`, badGrids);
    expect(refusedGrids.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      `modules[${index}].data.grids[0].unit`,
      `modules[${index}].data.grids[1].geometry.coordinates`,
    ]);
    const schemaRefused = await tenant.admin.post(`${tenant.base}/config/apply`, withData(config, { categories: [{ code: 'no name' }] }));
    expect(schemaRefused.statusCode).toBe(400);
    expect(schemaRefused.json().error.details[0].path).toMatch(new RegExp(`^modules\\[${index}\\]\\.data\\.categories\\[0\\]`));
    const after = await platform.ownerQuery('grid_category').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count');
    expect(after).toEqual(before);
  });
});
