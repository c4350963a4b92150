import fs from 'node:fs';
import { applyTenantConfigToDatabase } from '../../core/tenant-config/apply-to-database.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import type { ScopedUser } from './org-fixtures.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';

/** Every account a world creates signs in with this password. */
export const WORLD_PASSWORD = 'world-pass-2026';

export interface TestWorld {
  /** Units by their code in the world file. */
  units: Record<string, { id: string; path: string }>;
  /** Signed-in accounts by username. */
  users: Record<string, ScopedUser>;
}

/**
 * Sets a county up from a world file (tests/fixtures/worlds/*.json, the tenant-config format)
 * with the platform's own apply code, in one transaction, then signs every account in. The
 * file's profile is replaced by the test tenant's, so only the directory, roles and accounts apply.
 */
export async function applyWorld(platform: TestPlatform, tenant: TestTenant, worldFile: string): Promise<TestWorld> {
  const world = JSON.parse(fs.readFileSync(new URL(`../fixtures/worlds/${worldFile}`, import.meta.url), 'utf8')) as {
    profile: object;
    people?: { account?: string }[];
  };
  const current: { name: string } = await platform.ownerQuery('core_tenant').where({ id: tenant.id }).first('name');
  const config = { ...world, profile: { slug: tenant.slug, name: current.name } };
  await applyTenantConfigToDatabase(platform.db, platform.app.platform.modules, config, {
    adminPassword: WORLD_PASSWORD,
    mustChangePassword: false,
  });
  const { units, accounts } = await withTenant(platform.db, tenant.id, async (trx) => ({
    units: (await trx('core_unit').whereNotNull('code').select('id', 'code', 'path')) as { id: string; code: string; path: string }[],
    accounts: (await trx('core_user').whereNotNull('person_id').select('id', 'username', 'person_id')) as {
      id: string;
      username: string;
      person_id: string;
    }[],
  }));
  const users: Record<string, ScopedUser> = {};
  const wanted = new Set((world.people ?? []).flatMap((p) => (p.account ? [p.account] : [])));
  for (const account of accounts.filter((a) => wanted.has(a.username))) {
    users[account.username] = {
      client: await platform.client().loginTenant(tenant.slug, account.username, WORLD_PASSWORD),
      personId: account.person_id,
      userId: account.id,
    };
  }
  return { units: Object.fromEntries(units.map((u) => [u.code, { id: u.id, path: u.path }])), users };
}
