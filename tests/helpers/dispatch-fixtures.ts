import { expect } from 'vitest';
import { apiUnit, createScopedUser, type ScopedUser } from './org-fixtures.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';

/**
 * A county for dispatch tests: the county office supervises; two departments and two towns
 * handle; each town has two villages that handle what their town re-dispatches; a leader gives
 * instructions. Every unit has one signed-in user.
 */
export interface DispatchWorld {
  units: {
    county: { id: string };
    office: { id: string };
    agriculture: { id: string };
    water: { id: string };
    jiufeng: { id: string };
    baima: { id: string };
    hongqi: { id: string };
    xinhua: { id: string };
    baimaVillage: { id: string };
  };
  supervisor: ScopedUser;
  leader: ScopedUser;
  agriculture: ScopedUser;
  water: ScopedUser;
  jiufeng: ScopedUser;
  baima: ScopedUser;
  hongqi: ScopedUser;
  xinhua: ScopedUser;
  /** A town official who supervises only his own town's subtree. */
  townSupervisor: ScopedUser;
}

export async function enableDispatch(tenant: TestTenant, config?: Record<string, unknown>): Promise<void> {
  const response = await tenant.admin.post(`${tenant.base}/modules/dispatch/enable`);
  expect(response.statusCode, response.body).toBe(200);
  if (config) {
    const saved = await tenant.admin.put(`${tenant.base}/modules/dispatch/config`, { config });
    expect(saved.statusCode, saved.body).toBe(200);
  }
}

export async function dispatchWorld(platform: TestPlatform, tenant: TestTenant, prefix = ''): Promise<DispatchWorld> {
  const unit = (name: string, kind: string, parentId?: string) => apiUnit(tenant.admin, tenant, { name, kind, parentId });
  const county = await unit('市中区', 'county');
  const office = await unit('区委督查室', 'department', county.id);
  const agriculture = await unit('区农业农村局', 'department', county.id);
  const water = await unit('区水务局', 'department', county.id);
  const jiufeng = await unit('九峰镇', 'town', county.id);
  const baima = await unit('白马镇', 'town', county.id);
  const hongqi = await unit('红旗村', 'village', jiufeng.id);
  const xinhua = await unit('新华村', 'village', jiufeng.id);
  const baimaVillage = await unit('白马村', 'village', baima.id);
  const handler = (username: string, unitId: string) => createScopedUser(platform, tenant, { username: `${prefix}${username}`, unitId, grants: [{ permission: 'dispatch.handle', scope: 'own_unit' }] });
  return {
    units: { county, office, agriculture, water, jiufeng, baima, hongqi, xinhua, baimaVillage },
    supervisor: await createScopedUser(platform, tenant, {
      username: `${prefix}supervisor`,
      unitId: office.id,
      grants: [{ permission: 'dispatch.supervise', scope: 'tenant' }],
    }),
    leader: await createScopedUser(platform, tenant, { username: `${prefix}leader`, unitId: county.id, grants: [{ permission: 'dispatch.instruct', scope: 'tenant' }] }),
    agriculture: await handler('agriculture', agriculture.id),
    water: await handler('water', water.id),
    jiufeng: await handler('jiufeng', jiufeng.id),
    baima: await handler('baima', baima.id),
    hongqi: await handler('hongqi', hongqi.id),
    xinhua: await handler('xinhua', xinhua.id),
    townSupervisor: await createScopedUser(platform, tenant, {
      username: `${prefix}jiufeng-supervisor`,
      unitId: jiufeng.id,
      grants: [{ permission: 'dispatch.supervise', scope: 'unit_subtree' }, { permission: 'dispatch.handle', scope: 'own_unit' }],
    }),
  };
}

/** An instant `days` days from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
