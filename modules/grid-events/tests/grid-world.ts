import { expect } from 'vitest';
import type { ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';
import type { TestClient } from '../../../tests/helpers/test-client.ts';
import type { TestPlatform, TestTenant } from '../../../tests/helpers/test-platform.ts';
import { applyWorld } from '../../../tests/helpers/test-world.ts';

/**
 * A county for grid-events tests (tests/fixtures/worlds/grid-county.json): 石亭镇 with two
 * communities and three grids, two departments, a grid worker per grid, a community handler, the
 * town's 综治中心 (handles, manages its town), the county's 综治中心 (manages all) and a leader
 * (views). Grid polygons, in WGS-84 near Zhangzhou:
 *   前进第一网格 [117.60–117.61] × [24.50–24.51] with a hole [117.603–117.606] × [24.503–24.506]
 *   前进第二网格 [117.61–117.62] × [24.50–24.51] (sharing the edge lon 117.61 with the first)
 *   新村网格     [117.60–117.62] × [24.51–24.52]
 * Categories: 占道经营 (city management department, 2 h to accept, 24 h to resolve) and 噪音扰民
 * (no department).
 */
export interface GridWorld {
  units: Record<'county' | 'center' | 'cityManagement' | 'shiting' | 'qianjin' | 'xincun' | 'qianjin1' | 'qianjin2' | 'xincun1', string>;
  users: Record<'gridworker' | 'grid2' | 'xincun' | 'community' | 'town' | 'citymgmt' | 'center' | 'leader', ScopedUser>;
  categories: { streetVendor: string; noise: string };
  base: string;
}

export const square = (minLon: number, minLat: number, maxLon: number, maxLat: number) => [
  [minLon, minLat],
  [maxLon, minLat],
  [maxLon, maxLat],
  [minLon, maxLat],
  [minLon, minLat],
];

export async function enableGridEvents(tenant: TestTenant, config?: Record<string, unknown>): Promise<void> {
  const response = await tenant.admin.post(`${tenant.base}/modules/grid-events/enable`);
  expect(response.statusCode, response.body).toBe(200);
  if (config) {
    const saved = await tenant.admin.put(`${tenant.base}/modules/grid-events/config`, { config });
    expect(saved.statusCode, saved.body).toBe(200);
  }
}

export async function gridWorld(platform: TestPlatform, tenant: TestTenant, config?: Record<string, unknown>): Promise<GridWorld> {
  await enableGridEvents(tenant, config);
  const { units, users } = await applyWorld(platform, tenant, 'grid-county.json');
  const base = `${tenant.base}/grid-events`;
  const post = async (url: string, body: unknown) => {
    const response = await tenant.admin.post(`${base}${url}`, body);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as { id: string };
  };
  const streetVendor = await post('/categories', {
    name: '占道经营',
    code: 'street-vendor',
    departmentUnitId: units.cityManagement.id,
    acceptHours: 2,
    resolveHours: 24,
  });
  const noise = await post('/categories', { name: '噪音扰民', code: 'noise', acceptHours: 4, resolveHours: 48 });
  await post('/areas', {
    unitId: units['qianjin-1'].id,
    geometry: { type: 'Polygon', coordinates: [square(117.6, 24.5, 117.61, 24.51), square(117.603, 24.503, 117.606, 24.506).reverse()] },
  });
  await post('/areas', {
    unitId: units['qianjin-2'].id,
    geometry: { type: 'Polygon', coordinates: [square(117.61, 24.5, 117.62, 24.51)] },
  });
  await post('/areas', { unitId: units['xincun-1'].id, geometry: { type: 'Polygon', coordinates: [square(117.6, 24.51, 117.62, 24.52)] } });
  return {
    units: {
      county: units.county.id,
      center: units.center.id,
      cityManagement: units.cityManagement.id,
      shiting: units.shiting.id,
      qianjin: units.qianjin.id,
      xincun: units.xincun.id,
      qianjin1: units['qianjin-1'].id,
      qianjin2: units['qianjin-2'].id,
      xincun1: units['xincun-1'].id,
    },
    users: users as GridWorld['users'],
    categories: { streetVendor: streetVendor.id, noise: noise.id },
    base,
  };
}

/** Uploads a photo as a signed-in user; answers its id. */
export async function photoOf(client: TestClient, tenant: TestTenant, name = 'scene.png'): Promise<string> {
  const response = await uploadFile(client, tenant.base, name, tinyPng(2), 'image/png');
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** A grid worker's report at a place; answers the created event's view. */
export async function reportAt(world: GridWorld, tenant: TestTenant, lon: number, lat: number, extra: Record<string, unknown> = {}) {
  const photo = await photoOf(world.users.gridworker.client, tenant);
  const response = await world.users.gridworker.client.post(`${world.base}/events`, {
    categoryId: world.categories.streetVendor,
    description: '路口有流动摊贩占道经营',
    location: { lon, lat, address: '石亭镇前进路口' },
    photoIds: [photo],
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    id: string;
    code: string;
    status: string;
    handlingUnit: { id: string; name: string } | null;
    gridUnit: { id: string } | null;
  };
}
