import { TenantApi } from '../e2e-api.ts';
import { startDemoCounty, type DemoCounty } from './demo-county.ts';

/** Zhangzhou's demo county (tenant-config/demo/zhangzhou.json), whose directory has grids in communities. */
export const ZHANGZHOU = { slug: 'zhangzhou', login: 'admin', password: 'Admin@2026' };
/** 大同社区第一网格's grid worker: her demo account `grid` shares the admin's password. */
export const DATONG = { grid: '大同社区第一网格', community: '大同社区', person: '许美灵', username: 'grid', password: 'Admin@2026' };
/** 通北社区第一网格's grid worker, who gets an account here. */
export const TONGBEI = {
  grid: '通北社区第一网格',
  community: '通北社区',
  person: '方淑贞',
  username: 'fangshuzhen',
  password: 'Fang@2026',
};
/** Two squares side by side near the district's centre (WGS-84 [minLon, minLat, maxLon, maxLat]). */
export const GRID_SQUARES: Record<string, [number, number, number, number]> = {
  [DATONG.grid]: [117.64, 24.5, 117.65, 24.51],
  [TONGBEI.grid]: [117.65, 24.5, 117.66, 24.51],
};
export const STREETLIGHT = '路灯不亮';

const square = ([minLon, minLat, maxLon, maxLat]: [number, number, number, number]) => ({
  type: 'Polygon',
  coordinates: [
    [
      [minLon, minLat],
      [maxLon, minLat],
      [maxLon, maxLat],
      [minLon, maxLat],
      [minLon, minLat],
    ],
  ],
});

/**
 * The grid-events area of the browser tests: Zhangzhou with the module enabled, one category more
 * (路灯不亮, to 区城市管理局 where no grid holds the place), two neighbouring grids drawn, and each
 * grid's worker reporting and handling its own grid's events (网格事件办理).
 */
export async function startGridEventsArea(): Promise<DemoCounty & { admin: TenantApi }> {
  const county = await startDemoCounty();
  try {
    const admin = await TenantApi.signIn(county.server.baseUrl, ZHANGZHOU.slug, ZHANGZHOU.login, ZHANGZHOU.password);
    // The demo county comes with grid events enabled, its categories and a polygon for every grid;
    // this area draws two neighbouring grids of its own, so the others' polygons go first.
    await admin.call('POST', '/modules/grid-events/enable');
    const demoAreas = await admin.call<{ items: { id: string }[] }>('GET', '/grid-events/areas');
    for (const area of demoAreas.items) await admin.call('DELETE', `/grid-events/areas/${area.id}`);
    const units = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/directory/units');
    const unitId = (name: string) => {
      const unit = units.items.find((u) => u.name === name);
      if (!unit) throw new Error(`${name} is not in the demo county`);
      return unit.id;
    };
    await admin.call('POST', '/grid-events/categories', {
      name: STREETLIGHT,
      code: 'streetlight',
      departmentUnitId: unitId('区城市管理局'),
      acceptHours: 2,
      resolveHours: 48,
    });
    for (const [grid, box] of Object.entries(GRID_SQUARES)) {
      await admin.call('POST', '/grid-events/areas', { unitId: unitId(grid), geometry: square(box) });
    }
    const personId = async (name: string) => {
      const people = await admin.call<{ items: { id: string; name: string }[] }>('GET', `/org/people?q=${encodeURIComponent(name)}`);
      const person = people.items.find((p) => p.name === name);
      if (!person) throw new Error(`${name} is not in the demo county`);
      return person.id;
    };
    const tongbei = await personId(TONGBEI.person);
    await admin.call('POST', '/users', {
      username: TONGBEI.username,
      displayName: TONGBEI.person,
      personId: tongbei,
      password: TONGBEI.password,
      mustChangePassword: false,
    });
    const role = await admin.call<{ id: string }>('POST', '/roles', {
      name: '网格事件办理',
      grants: [
        { permission: 'grid-events.report', scope: 'own_unit' },
        { permission: 'grid-events.handle', scope: 'own_unit' },
      ],
    });
    await admin.call('PUT', `/roles/${role.id}/members`, { personIds: [tongbei, await personId(DATONG.person)] });
    return { ...county, admin };
  } catch (error) {
    await county.browser.close();
    await county.server.stop();
    throw error;
  }
}
