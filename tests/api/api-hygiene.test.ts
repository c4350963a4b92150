import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { fixtureAddon, fixtureBase } from '../helpers/fixture-modules.ts';
import { installedModules } from '../../modules/index.ts';
import { errorShapeProblem, isStandardApiRoute } from '../helpers/schema-fuzz.ts';

describe('API hygiene: schemas, OpenAPI, one error shape, bad input', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [...installedModules, fixtureBase, fixtureAddon] });
    tenant = await platform.createTenant('hygiene');
  });
  afterAll(() => platform?.stop());

  it('every API route (the modules’ standard APIs too) declares its response schemas, and its params, query and body where it has them', () => {
    const problems: string[] = [];
    for (const route of platform.app.routeCatalog) {
      if (!((route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) || isStandardApiRoute(route.url))) continue;
      const name = `${route.method} ${route.url}`;
      const schema = route.schema as Record<string, unknown> | undefined;
      if (!schema) {
        problems.push(`${name}: no schema`);
        continue;
      }
      if (!schema.response) problems.push(`${name}: no response schema`);
      if (route.url.includes(':') && !schema.params) problems.push(`${name}: no params schema`);
      const takesBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      const multipart = Array.isArray(schema.consumes) && (schema.consumes as string[]).some((c) => c !== 'application/json');
      if (
        takesBody &&
        !schema.body &&
        !multipart &&
        ![
          '/auth/logout',
          '/enable',
          '/disable',
          '/suspend',
          '/resume',
          '/read-all',
          '/open',
          '/close',
          '/acknowledge',
          '/follow',
          '/accept',
          '/start',
          '/human-checks',
          '/households/generate',
        ].some((s) => route.url.endsWith(s))
      ) {
        problems.push(`${name}: no body schema`);
      }
      if (!schema.summary) problems.push(`${name}: no summary for the API docs`);
    }
    expect(problems).toEqual([]);
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await platform.client().get('/api/docs/json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/api/t/{tenant}/auth/login', '/api/platform/tenants']));
    const ui = await platform.client().get('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('malformed JSON is a 400 in the error shape, not a 500', async () => {
    const response = await tenant.admin.request('POST', `${tenant.base}/roles`, '{"name": "x", ', { 'content-type': 'application/json' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'BODY_INVALID' });
  });

  it('a standard API answers malformed JSON, an oversized body and an unknown path in its own error shape, not a 500', async () => {
    const posts = platform.app.routeCatalog.filter((r) => isStandardApiRoute(r.url) && r.method === 'POST' && !r.url.endsWith('*'));
    expect(posts.length).toBeGreaterThan(0);
    for (const route of posts) {
      await tenant.admin.post(`${tenant.base}/modules/${moduleOfPrefix(route.url)}/enable`);
      const url = route.url.replace(':tenant', tenant.slug);
      const malformed = await platform.client().request('POST', url, '{"a": ', { 'content-type': 'application/json' });
      expect(malformed.statusCode, url).toBe(400);
      expect(errorShapeProblem(route.url, 400, malformed.body), url).toBeNull();
      const huge = await platform.client().post(url, { description: 'x'.repeat(1_100_000) });
      expect(huge.statusCode, url).toBe(413);
      expect(errorShapeProblem(route.url, 413, huge.body), url).toBeNull();
      const unknown = await platform.client().get(`${url.split('/t/')[0]}/t/${tenant.slug}/no-such-resource`);
      expect(unknown.statusCode, url).toBe(404);
      expect(errorShapeProblem(route.url, 404, unknown.body), url).toBeNull();
    }
  });

  /** The module that mounts a standard API, by the prefix its routes carry. */
  function moduleOfPrefix(url: string): string {
    const prefix = url.split('/')[1];
    const module = installedModules.find((m) => m.standardApis?.some((api) => api.prefix === prefix));
    if (!module) throw new Error(`no module mounts /${prefix}`);
    return module.manifest.id;
  }

  it('an oversized body is refused with 413 and nothing is written', async () => {
    const response = await tenant.admin.post(`${tenant.base}/roles`, { name: '大', description: 'x'.repeat(1_100_000), grants: [] });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
    expect((await tenant.admin.get(`${tenant.base}/roles`)).json().items).toEqual([]);
  });

  it('wrong types and unknown fields name the field', async () => {
    const response = await tenant.admin.post(`${tenant.base}/roles`, { name: 42, grants: 'all', admin: true });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.grants', 'body.admin']));
  });

  it('a bad id in the path is a 400 naming it, not a database error', async () => {
    const response = await tenant.admin.get(`${tenant.base}/roles/not-a-uuid`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('params.id');
  });

  it('script text in a name is refused, naming the field', async () => {
    const response = await tenant.admin.post(`${tenant.base}/roles`, { name: '<script>alert(1)</script>', grants: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.name');
  });

  it('SQL text in a string field is stored as plain text and does nothing', async () => {
    const sql = "x'); drop table core_role; --";
    const created = await tenant.admin.post(`${tenant.base}/roles`, { name: '注入测试', description: sql, grants: [] });
    expect(created.statusCode).toBe(201);
    expect((await tenant.admin.get(`${tenant.base}/roles/${created.json().id}`)).json().description).toBe(sql);
    const search = await tenant.admin.get(`${tenant.base}/users?q=${encodeURIComponent("' or 1=1 --")}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
  });

  it('a create retried with the same Idempotency-Key creates once and answers the same', async () => {
    const key = { 'idempotency-key': 'retry-0001-abcdef' };
    const first = await tenant.admin.post(`${tenant.base}/roles`, { name: '重试角色', grants: [] }, key);
    const retry = await tenant.admin.post(`${tenant.base}/roles`, { name: '重试角色', grants: [] }, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const named = (await tenant.admin.get(`${tenant.base}/roles`)).json().items.filter((r: { name: string }) => r.name === '重试角色');
    expect(named).toHaveLength(1);
    const otherRoute = await tenant.admin.post(
      `${tenant.base}/users`,
      { username: 'retry-user', displayName: '重试', password: 'retry-pass-1' },
      key,
    );
    expect(otherRoute.statusCode).toBe(409);
    expect(otherRoute.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a failed create does not burn its Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'retry-0002-abcdef' };
    const bad = await tenant.admin.post(`${tenant.base}/roles`, { name: '坏', grants: [{ permission: 'no.such', scope: 'tenant' }] }, key);
    expect(bad.statusCode).toBe(400);
    const fixed = await tenant.admin.post(`${tenant.base}/roles`, { name: '修正后', grants: [] }, key);
    expect(fixed.statusCode).toBe(201);
  });

  it('an unknown route is a 404 in the error shape', async () => {
    const response = await platform.client().get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('a failing handler rolls back everything it wrote', async () => {
    await tenant.admin.post(`${tenant.base}/modules/fixture-base/enable`);
    const response = await tenant.admin.post(`${tenant.base}/fixture-base/write-then-fail`, {});
    expect(response.statusCode).toBe(409);
    expect(await platform.ownerQuery('core_audit_log').where({ tenant_id: tenant.id, action: 'fixture.written' })).toEqual([]);
  });
});
