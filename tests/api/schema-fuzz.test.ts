import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, OPERATOR, TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import type { TestClient } from '../helpers/test-client.ts';
import { fixtureAddon, fixtureBase } from '../helpers/fixture-modules.ts';
import type { IsolationCase } from '../helpers/cross-tenant.ts';
import {
  bodyText,
  errorShapeProblem,
  formText,
  fuzzRequests,
  isStandardApiRoute,
  queryText,
  sampleOf,
  type FuzzRequest,
} from '../helpers/schema-fuzz.ts';
import { installedModules } from '../../modules/index.ts';
import { isolationSuites } from '../isolation/index.ts';

/** Requests per route: enough to hit every class of bad input across the run, bounded for CI. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

/**
 * Refusals that write on purpose, in their own transaction: a wrong password is counted.
 * Nothing else may leave a row behind when it answers 4xx.
 */
const WRITES_WHEN_REFUSED = new Set(['POST /api/t/:tenant/auth/login', 'POST /api/platform/auth/login']);

/** Routes that end the session or take things away go last, so the others run on a live tenant. */
const goesLast = (route: string) => /^DELETE |\/(logout|disable|suspend)$/.test(route);

interface Target {
  route: string;
  client: TestClient;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Every route of the app (core and every installed module, found in the route catalog, so a route
 * a module adds later is fuzzed without a line here) gets bad and edge-case input derived from its
 * own JSON schemas, sent with a tenant admin's (or the operator's) session and CSRF token, on the
 * real ids the cross-tenant suites create; the modules' standard APIs (Open311 at
 * `/open311/t/:tenant/…`) as an anonymous client, every other body as a form where the route takes
 * forms. No answer may be a 5xx, no refused request may leave a row changed, and every 4xx is JSON
 * in its route's error shape: the platform's, or on a standard API the standard's.
 */
describe('no route answers 500 to bad input, and a refused request writes nothing', () => {
  let platform: TestPlatform;
  let owner: TestTenant;
  let spareTenantId: string;
  const cases = new Map<string, IsolationCase>();

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [...installedModules, fixtureBase, fixtureAddon] });
    owner = await platform.createTenant('fuzz-county');
    const other = await platform.createTenant('other-county');
    spareTenantId = (await platform.createTenant('spare-county')).id;
    for (const suite of isolationSuites) for (const c of await suite.setup(platform, owner, other)) cases.set(c.route, c);
  }, 120_000);
  afterAll(() => platform?.stop());

  it('every route survives schema-derived bad input', async () => {
    const started = Date.now();
    const targets = platform.app.routeCatalog
      .filter((r) => (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) || isStandardApiRoute(r.url))
      .map((r) => target(`${r.method} ${r.url}`))
      .sort(
        (a, b) =>
          Number(a.route.includes('/api/platform/')) - Number(b.route.includes('/api/platform/')) ||
          Number(goesLast(a.route)) - Number(goesLast(b.route)),
      );
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    await logEveryWrite();
    let written = await lastWrite();
    for (const t of targets) {
      const schema = platform.app.routeCatalog.find((r) => `${r.method} ${r.url}` === t.route)?.schema as Parameters<
        typeof fuzzRequests
      >[0];
      const takesForms = (schema as { consumes?: string[] } | undefined)?.consumes?.includes('application/x-www-form-urlencoded') ?? false;
      for (const [i, request] of fuzzRequests(schema, t, SEED ^ hash(t.route), RUNS_PER_ROUTE).entries()) {
        const response = await send(t, request, takesForms && i % 2 === 1);
        sent++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const after = await lastWrite();
        if (response.statusCode >= 500)
          failures.push(`${t.route} with ${request.mutation}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        else if (response.statusCode >= 400) {
          const shape = errorShapeProblem(t.route.split(' ')[1], response.statusCode, response.body);
          if (shape) failures.push(`${t.route} with ${request.mutation}: ${response.statusCode} ${shape}`);
          if (after !== written && !WRITES_WHEN_REFUSED.has(t.route))
            failures.push(
              `${t.route} with ${request.mutation}: ${response.statusCode} but wrote to ${(await tablesWrittenSince(written)).join(', ')}`,
            );
        }
        written = after;
        if (response.statusCode === 401 && !platform.app.routeCatalog.find((r) => `${r.method} ${r.url}` === t.route)?.public) {
          await signInAgain(t.client);
          written = await lastWrite();
        }
      }
    }
    console.log(
      `schema fuzz: ${sent} requests to ${targets.length} routes in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED}, ${RUNS_PER_ROUTE} per route), ${failures.length} failures; answers ${[
        ...statuses,
      ]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
    );
    expect(failures).toEqual([]);
    // The write log works through the runtime role: the requests that were accepted wrote rows.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect(await lastWrite()).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(targets.length * (RUNS_PER_ROUTE / 2));
  }, 300_000);

  /** The route's base request: its cross-tenant case's real ids, query and body (or a sample). */
  function target(route: string): Target {
    const [method, url] = route.split(' ');
    const entry = platform.app.routeCatalog.find((r) => `${r.method} ${r.url}` === route);
    const schema = entry?.schema as { params?: object; body?: object } | undefined;
    const known = cases.get(route);
    const onPlatform = url.startsWith('/api/platform/');
    const params: Record<string, string> = {
      tenant: owner.slug,
      ...(onPlatform ? { id: spareTenantId } : {}),
      ...known?.sharedParams,
      ...known?.params,
    };
    for (const name of url.match(/:\w+/g)?.map((p) => p.slice(1)) ?? [])
      params[name] ??= String(
        sampleOf((schema?.params as { properties?: Record<string, object> } | undefined)?.properties?.[name] as never) ?? 'x',
      );
    // A sign-in base names nobody, so wrong passwords never lock the admin the run signs in with.
    const body =
      method === 'GET' || method === 'DELETE'
        ? undefined
        : entry?.public
          ? sampleOf(schema?.body as never)
          : (known?.body ?? sampleOf(schema?.body as never) ?? {});
    const client = onPlatform ? platform.operator : url.startsWith('/api/t/') ? owner.admin : platform.client();
    return { route, client, params, query: Object.fromEntries(new URLSearchParams(known?.query ?? '')), body };
  }

  /** One request; `asForm`: the body form-urlencoded when it has that form, else JSON. */
  async function send(t: Target, request: FuzzRequest, asForm = false) {
    const [method, pattern] = t.route.split(' ') as ['GET', string];
    let url = pattern;
    for (const [name, value] of Object.entries(request.params)) url = url.replace(`:${name}`, encodePathSegment(value));
    const query = queryText(request.query);
    if (query) url += `?${query}`;
    if (request.body === undefined) return t.client.request(method, url);
    const form = asForm ? formText(request.body) : null;
    if (form !== null) return t.client.request(method, url, form, { 'content-type': 'application/x-www-form-urlencoded' });
    return t.client.request(method, url, bodyText(request.body), { 'content-type': 'application/json' });
  }

  async function signInAgain(client: TestClient) {
    if (client === platform.operator) await client.loginOperator(OPERATOR.username, OPERATOR.password);
    else await client.loginTenant(owner.slug, 'admin', ADMIN_PASSWORD);
  }

  /**
   * Every committed row change, logged by a trigger on every table: a write rolled back with its
   * refused request leaves no entry, a write that stayed does, naming its table.
   */
  async function logEveryWrite(): Promise<void> {
    const { rows } = await platform.db.owner.raw(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'knex%' and not c.relispartition order by 1`);
    await platform.db.owner.raw('create table fuzz_write_log (id bigserial primary key, table_name text not null)');
    await platform.db.owner
      .raw(`create function fuzz_log_write() returns trigger language plpgsql security definer set search_path = public as $$
      begin insert into fuzz_write_log (table_name) values (tg_table_name); return null; end $$`);
    for (const { name } of rows as { name: string }[]) {
      await platform.db.owner.raw(
        `create trigger fuzz_log_write after insert or update or delete on "${name}" for each row execute function fuzz_log_write()`,
      );
    }
  }

  async function lastWrite(): Promise<number> {
    const { rows } = await platform.db.owner.raw('select coalesce(max(id), 0)::int as id from fuzz_write_log');
    return rows[0].id;
  }

  async function tablesWrittenSince(id: number): Promise<string[]> {
    const { rows } = await platform.db.owner.raw('select distinct table_name from fuzz_write_log where id > ? order by 1', [id]);
    return rows.map((r: { table_name: string }) => r.table_name);
  }
});

function encodePathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as UTF-8 bytes no decoder accepts
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}
