import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { gridWorld, photoOf, reportAt, square, type GridWorld } from './grid-world.ts';

/**
 * Where an event goes: the grid whose polygon holds its place (an edge or a corner counts as
 * inside, a hole does not; a point on an edge two grids share always goes to the same one), else
 * the category's department, else it waits for a manager. The place, not the reporter, decides.
 */
describe('grid events: routing by place', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('zhangzhou');
    world = await gridWorld(platform, tenant);
  });
  afterAll(() => platform?.stop());

  it('an event inside a grid goes to that grid, whoever reports it', async () => {
    // The reporter works in 前进第一网格; the place lies in 新村网格.
    const event = await reportAt(world, tenant, 117.615, 24.515);
    expect(event.status).toBe('reported');
    expect(event.handlingUnit?.id).toBe(world.units.xincun1);
    expect(event.gridUnit?.id).toBe(world.units.xincun1);
  });

  it('a point on a grid’s outer edge or corner belongs to it; on an edge two grids share, always the same one', async () => {
    expect((await reportAt(world, tenant, 117.6, 24.505)).handlingUnit?.id).toBe(world.units.qianjin1);
    expect((await reportAt(world, tenant, 117.62, 24.5)).handlingUnit?.id).toBe(world.units.qianjin2);
    const shared = [await reportAt(world, tenant, 117.61, 24.505), await reportAt(world, tenant, 117.61, 24.505)];
    expect(new Set(shared.map((e) => e.handlingUnit?.id)).size).toBe(1);
    expect([world.units.qianjin1, world.units.qianjin2]).toContain(shared[0].handlingUnit?.id);
  });

  it('a point in a grid’s hole is in no grid: it goes to the category’s department', async () => {
    const event = await reportAt(world, tenant, 117.6045, 24.5045);
    expect(event.gridUnit).toBeNull();
    expect(event.handlingUnit?.id).toBe(world.units.cityManagement);
  });

  it('in no grid and with no department, the event waits for a manager, who routes it', async () => {
    const event = await reportAt(world, tenant, 117.63, 24.53, { categoryId: world.categories.noise });
    expect(event.status).toBe('unassigned');
    expect(event.handlingUnit).toBeNull();
    const routed = await world.users.center.client.post(`${world.base}/events/${event.id}/reroute`, {
      unitId: world.units.qianjin,
      reason: '属前进社区',
    });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json()).toMatchObject({ status: 'reported', handlingUnit: { id: world.units.qianjin }, routedBy: 'admin' });
  });

  it('a place given in GCJ-02 (a phone map’s) is converted to WGS-84 before routing', async () => {
    // Here GCJ-02 lies about 450 m east and 330 m south of WGS-84: read as WGS-84 this point is in
    // 前进第二网格; converted, it is in 新村网格.
    const event = await reportAt(world, tenant, 117.615, 24.5085, { location: { lon: 117.615, lat: 24.5085, crs: 'gcj02' } });
    expect(event.handlingUnit?.id).toBe(world.units.xincun1);
    const stored = await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id, id: event.id }).first('lon', 'lat');
    expect(Number(stored.lon)).toBeCloseTo(117.6105, 3);
    expect(Number(stored.lat)).toBeCloseTo(24.5115, 3);
  });

  it('a place outside the county is a 400 naming the location, and nothing is written', async () => {
    const before = await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count');
    const response = await world.users.gridworker.client.post(`${world.base}/events`, {
      categoryId: world.categories.streetVendor,
      description: '远处',
      location: { lon: 116.4, lat: 39.9 },
      photoIds: [await photoOf(world.users.gridworker.client, tenant)],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'GRID_LOCATION_OUTSIDE', details: [{ path: 'body.location' }] });
    const after = await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count');
    expect(Number(after[0].count)).toBe(Number(before[0].count));
  });

  it('a self-intersecting polygon or an open ring is refused, naming it', async () => {
    const bowtie = await tenant.admin.post(`${world.base}/areas`, {
      unitId: world.units.qianjin1,
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
    });
    expect(bowtie.statusCode).toBe(400);
    expect(bowtie.json().error.details).toEqual([
      { path: 'body.geometry.coordinates', message: expect.stringContaining('crosses itself') },
    ]);
    const open = await tenant.admin.post(`${world.base}/areas`, {
      unitId: world.units.qianjin1,
      geometry: {
        type: 'Polygon',
        coordinates: [
          square(117.6, 24.5, 117.61, 24.51)
            .slice(0, 4)
            .concat([[117.6, 24.505]]),
        ],
      },
    });
    expect(open.statusCode).toBe(400);
    expect(open.json().error.details[0]).toMatchObject({
      path: 'body.geometry.coordinates[0]',
      message: expect.stringContaining('not closed'),
    });
  });
});
