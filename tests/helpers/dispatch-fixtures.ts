import { expect } from 'vitest';
import type { ScopedUser } from './org-fixtures.ts';
import { applyWorld, namedAccounts, type TestWorld } from './test-world.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';

/**
 * The county for dispatch tests (tests/fixtures/worlds/shizhong-county.json with dispatch-staff.json):
 * the county office supervises; two departments and two towns handle; the villages handle what
 * their town re-dispatches; a leader gives instructions. Every unit that takes part has one
 * signed-in user.
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
  /** Every account by username, those of the extra world files too. */
  accounts: TestWorld['accounts'];
  /** Every signed-in account by username, those of the extra world files too. */
  users: Record<string, ScopedUser>;
}

export async function enableDispatch(tenant: TestTenant, config?: Record<string, unknown>): Promise<void> {
  const response = await tenant.admin.post(`${tenant.base}/modules/dispatch/enable`);
  expect(response.statusCode, response.body).toBe(200);
  if (config) {
    const saved = await tenant.admin.put(`${tenant.base}/modules/dispatch/config`, { config });
    expect(saved.statusCode, saved.body).toBe(200);
  }
}

/** Who is who in dispatch-staff.json: the DispatchWorld field and the account's username. */
const STAFF = {
  supervisor: 'supervisor',
  leader: 'leader',
  agriculture: 'agriculture',
  water: 'water',
  jiufeng: 'jiufeng',
  baima: 'baima',
  hongqi: 'hongqi',
  xinhua: 'xinhua',
  townSupervisor: 'jiufeng-supervisor',
} as const;

/**
 * The dispatch county, applied by the platform's own apply code. `with`: more world files on the
 * same county (`forms-staff.json`, `agriculture-head.json`); `signIn`: only these usernames (a
 * sign-in costs a password check) — reading someone else's field then throws.
 */
export async function dispatchWorld(
  platform: TestPlatform,
  tenant: TestTenant,
  options: { with?: string[]; signIn?: string[] } = {},
): Promise<DispatchWorld> {
  const files = ['shizhong-county.json', 'dispatch-staff.json', ...(options.with ?? [])];
  const { units, accounts, users } = await applyWorld(platform, tenant, files, { signIn: options.signIn });
  const unit = (code: string) => ({ id: units[code].id });
  // Getters: a field that was not signed in throws when read.
  return Object.defineProperties(
    {
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
      accounts,
      users,
    },
    Object.getOwnPropertyDescriptors(namedAccounts(users, STAFF)),
  ) as DispatchWorld;
}

/** An instant `days` days from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
