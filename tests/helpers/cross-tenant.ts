import { expect } from 'vitest';
import type { TestPlatform, TestTenant } from './test-platform.ts';

/**
 * One tenant route replayed by an intruder. `route` is the route as registered
 * (`PUT /api/t/:tenant/roles/:id`); `params` hold the owner's resource ids.
 */
export interface IsolationCase {
  route: string;
  params?: Record<string, string>;
  /** Params naming platform-wide things (a module id), not the owner's records. */
  sharedParams?: Record<string, string>;
  query?: string;
  body?: unknown;
  /**
   * A public route (`config.public`: a citizen's report, a human check): anyone may use it on any
   * county, so on the owner's URL it is not refused; it must still leak none of the owner's ids on
   * the intruder's URL, and may add rows to the owner's tables named here only.
   */
  public?: { writes: string[] };
}

/** The cases of one area, made after the area's setup created the owner's records. */
export interface IsolationSuite {
  name: string;
  setup(platform: TestPlatform, owner: TestTenant, intruder: TestTenant): Promise<IsolationCase[]>;
}

const DENIED_ON_FOREIGN_URL = [401, 403, 404];

/**
 * Replays every case with the intruder's session:
 * 1. against the owner's URL (the owner tenant's slug): must be refused (401/403/404);
 * 2. against the intruder's own URL with the owner's resource ids: must be 404 when the route
 *    names a resource, and must never return any of the owner's ids;
 * and then checks that none of the owner's rows changed, in any tenant table.
 */
export async function assertTenantIsolation(
  platform: TestPlatform,
  owner: TestTenant,
  intruder: TestTenant,
  cases: IsolationCase[],
): Promise<void> {
  const before = await snapshotTenant(platform, owner.id);
  const ownerIds = Object.values(Object.assign({}, ...cases.map((c) => c.params ?? {})) as Record<string, string>);
  const failures: string[] = [];
  // Sign-out goes last: on the intruder's own URL it ends the intruder's session.
  const ordered = [...cases].sort((x, y) => Number(x.route.endsWith('/auth/logout')) - Number(y.route.endsWith('/auth/logout')));
  for (const testCase of ordered) {
    const [method, pattern] = testCase.route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
    const foreign = await send(intruder.admin, method, fillUrl(pattern, owner.slug, testCase), testCase.body);
    if (!testCase.public && !DENIED_ON_FOREIGN_URL.includes(foreign.statusCode))
      failures.push(`${testCase.route} on the owner's URL: ${foreign.statusCode}`);

    const own = await send(intruder.admin, method, fillUrl(pattern, intruder.slug, testCase), testCase.body);
    const namesResource = Object.keys(testCase.params ?? {}).length > 0;
    if (namesResource && own.statusCode !== 404) failures.push(`${testCase.route} with the owner's ids: ${own.statusCode} (expected 404)`);
    const leaked = ownerIds.filter((id) => own.body.includes(id));
    if (leaked.length > 0) failures.push(`${testCase.route} leaked the owner's ids ${leaked.join(', ')}`);
  }
  expect(failures).toEqual([]);
  // Anyone may try to sign in to any county: the owner's sign-in replayed with a wrong password
  // is counted there like any failed attempt (core/auth/lockout.ts), and nothing else changes.
  const after = await snapshotTenant(platform, owner.id);
  const publicWrites = cases.flatMap((c) => c.public?.writes ?? []);
  for (const table of ['core_sign_in_failure', ...publicWrites]) {
    delete after[table];
    delete before[table];
  }
  expect(after).toEqual(before);
}

/** Every registered tenant route (the tenant API and the modules' standard APIs) must have an isolation case: a new route without one fails. */
export function assertEveryTenantRouteCovered(platform: TestPlatform, cases: IsolationCase[], exempt: string[] = []): void {
  const covered = new Set([...cases.map((c) => c.route), ...exempt]);
  const missing = platform.app.routeCatalog
    .filter((r) => /^\/[a-z0-9-]+\/t\/:tenant\//.test(r.url))
    .map((r) => `${r.method} ${r.url}`)
    .filter((route) => !covered.has(route));
  expect(missing, 'tenant routes without a cross-tenant case').toEqual([]);
}

function fillUrl(pattern: string, slug: string, testCase: IsolationCase): string {
  let url = pattern.replace(':tenant', slug);
  for (const [name, value] of Object.entries({ ...testCase.sharedParams, ...testCase.params }))
    url = url.replace(`:${name}`, encodeURIComponent(value));
  if (/:\w+/.test(url)) throw new Error(`no value for a parameter of ${testCase.route}`);
  return testCase.query ? `${url}?${testCase.query}` : url;
}

async function send(client: TestTenant['admin'], method: string, url: string, body: unknown) {
  return client.request(method as 'GET', url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));
}

/** All rows of one tenant in every tenant table, read as the owner (bypassing RLS). */
export async function snapshotTenant(platform: TestPlatform, tenantId: string): Promise<Record<string, unknown[]>> {
  const { rows } = await platform.db.owner.raw(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`);
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of rows as { name: string }[]) {
    const result = await platform.db.owner.raw(`select to_jsonb(t) as row from ?? t where tenant_id = ? order by to_jsonb(t)::text`, [
      name,
      tenantId,
    ]);
    snapshot[name] = result.rows.map((r: { row: unknown }) => r.row);
  }
  return snapshot;
}
