import fs from 'node:fs';
import { applyTenantConfigToDatabase } from '../../core/tenant-config/apply-to-database.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import type { ScopedUser } from './org-fixtures.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';

/** Every account a world creates signs in with this password. */
export const WORLD_PASSWORD = 'world-pass-2026';

export interface TestWorld {
  /** Units by their code in the world files. */
  units: Record<string, { id: string; path: string }>;
  /** Every account of the world files by username, signed in or not. */
  accounts: Record<string, { userId: string; personId: string }>;
  /** Signed-in accounts by username (only those named in `signIn`, when given). */
  users: Record<string, ScopedUser>;
}

export interface ApplyWorldOptions {
  /**
   * Usernames to sign in; absent: every account of the files. Each sign-in checks a password
   * (scrypt, ~0.1 s): a file that uses a few accounts of a big world names them.
   */
  signIn?: string[];
}

/** The lists of a tenant-config file a world part may add to; everything else comes from the first part. */
const LISTS = ['units', 'positions', 'people', 'roles', 'admins', 'modules', 'customFields'] as const;

/** A world file as read: a tenant-config object. */
type WorldFile = Record<string, unknown>;

function readWorld(file: string): WorldFile {
  return JSON.parse(fs.readFileSync(new URL(`../fixtures/worlds/${file}`, import.meta.url), 'utf8')) as WorldFile;
}

/**
 * Sets a county up from world files (tests/fixtures/worlds/*.json, the tenant-config format)
 * with the platform's own apply code, in one transaction, then signs the accounts in. Several
 * files make one world: the first is the county (`shizhong-county.json`), the others add the
 * staff of an area (`dispatch-staff.json`, `forms-staff.json`), naming the county's units by
 * code; their lists are joined into one file. The profile is replaced by the test tenant's, so
 * only the directory, roles and accounts apply.
 */
export async function applyWorld(
  platform: TestPlatform,
  tenant: TestTenant,
  files: string | string[],
  options: ApplyWorldOptions = {},
): Promise<TestWorld> {
  const parts = (Array.isArray(files) ? files : [files]).map(readWorld);
  const world: WorldFile = { ...parts[0] };
  for (const list of LISTS) {
    const joined = parts.flatMap((part) => (part[list] as unknown[] | undefined) ?? []);
    if (joined.length > 0) world[list] = joined;
  }
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
  const inFiles = (world.people as { account?: string }[] | undefined)?.flatMap((p) => (p.account ? [p.account] : [])) ?? [];
  const own = accounts.filter((a) => inFiles.includes(a.username));
  const wanted = new Set(options.signIn ?? inFiles);
  const unknown = [...wanted].filter((username) => !inFiles.includes(username));
  if (unknown.length > 0) throw new Error(`no account ${unknown.join(', ')} in ${[files].flat().join(' + ')}`);
  // Side by side: each sign-in's password check runs on the thread pool.
  const signedIn = await Promise.all(
    own
      .filter((a) => wanted.has(a.username))
      .map(async (account): Promise<[string, ScopedUser]> => [
        account.username,
        {
          client: await platform.client().loginTenant(tenant.slug, account.username, WORLD_PASSWORD),
          personId: account.person_id,
          userId: account.id,
        },
      ]),
  );
  return {
    units: Object.fromEntries(units.map((u) => [u.code, { id: u.id, path: u.path }])),
    accounts: Object.fromEntries(own.map((a) => [a.username, { userId: a.id, personId: a.person_id }])),
    users: Object.fromEntries(signedIn),
  };
}

/**
 * The accounts of a world under the names a test file uses (`{ supervisor: 'supervisor', townSupervisor:
 * 'jiufeng-supervisor' }`). Reading one that was not signed in throws, naming it.
 */
export function namedAccounts<Name extends string>(
  users: Record<string, ScopedUser>,
  usernames: Record<Name, string>,
): Record<Name, ScopedUser> {
  const named = {} as Record<Name, ScopedUser>;
  for (const [name, username] of Object.entries(usernames) as [Name, string][])
    Object.defineProperty(named, name, {
      enumerable: true,
      get() {
        const user = users[username];
        if (!user) throw new Error(`the world's ${username} is not signed in: name it in signIn`);
        return user;
      },
    });
  return named;
}
