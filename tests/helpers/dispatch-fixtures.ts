import { expect } from 'vitest';
import type { ScopedUser } from './org-fixtures.ts';
import { applyWorld } from './test-world.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';

/**
 * A county for dispatch tests: the county office supervises; two departments and two towns
 * handle; each town has two villages that handle what their town re-dispatches; a leader gives
 * instructions. Every unit has one signed-in user (tests/fixtures/worlds/dispatch-county.json).
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

/** The county of tests/fixtures/worlds/dispatch-county.json, applied by the platform's own apply code. */
export async function dispatchWorld(platform: TestPlatform, tenant: TestTenant): Promise<DispatchWorld> {
  const { units, users } = await applyWorld(platform, tenant, 'dispatch-county.json');
  const unit = (code: string) => ({ id: units[code].id });
  return {
    units: {
      county: unit('county'),
      office: unit('office'),
      agriculture: unit('agriculture'),
      water: unit('water'),
      jiufeng: unit('jiufeng'),
      baima: unit('baima'),
      hongqi: unit('hongqi'),
      xinhua: unit('xinhua'),
      baimaVillage: unit('baimaVillage'),
    },
    supervisor: users.supervisor,
    leader: users.leader,
    agriculture: users.agriculture,
    water: users.water,
    jiufeng: users.jiufeng,
    baima: users.baima,
    hongqi: users.hongqi,
    xinhua: users.xinhua,
    townSupervisor: users['jiufeng-supervisor'],
  };
}

/** An instant `days` days from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
