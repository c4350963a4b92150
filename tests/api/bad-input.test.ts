import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { detailPaths, enableForms, publishedForm } from '../helpers/forms-fixtures.ts';
import { enableDispatch } from '../helpers/dispatch-fixtures.ts';
import { apiUnit } from '../helpers/org-fixtures.ts';
import { snapshotTenant } from '../helpers/cross-tenant.ts';

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const SOME_ID = '0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e0f';
const json = { 'content-type': 'application/json' };

/** Bad input is a 400 naming the field, never a 500, and nothing of it is written. */
describe('bad input never answers 500', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let unitId: string;
  const amountForm = { type: 'object', properties: { amount: { type: 'number', title: '金额' }, note: { type: 'string', title: '备注' } } };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('input-county');
    await enableForms(tenant);
    await enableDispatch(tenant);
    formId = await publishedForm(tenant.admin, tenant, amountForm, '资金台账');
    unitId = (await apiUnit(tenant.admin, tenant, { name: '县政府办', kind: 'department' })).id;
  });
  afterAll(() => platform?.stop());

  const submissions = () => `${tenant.base}/forms/forms/${formId}/submissions`;

  describe('a NUL character anywhere is refused at the edge, naming where it was', () => {
    it('in a query string, a path parameter, a text column and a jsonb answer', async () => {
      const before = await snapshotTenant(platform, tenant.id);
      const query = await tenant.admin.get(`${tenant.base}/org/people?q=a%00b`);
      expect(query.statusCode).toBe(400);
      expect(detailPaths(query)).toEqual(['querystring.q']);

      const param = await tenant.admin.get(`/api/t/input%00county/auth/me`);
      expect(param.statusCode).toBe(400);
      expect(detailPaths(param)).toEqual(['params.tenant']);

      const text = await tenant.admin.post(`${tenant.base}/forms/forms`, { name: '台账', description: '说明\u0000', schema: amountForm });
      expect(text.statusCode).toBe(400);
      expect(detailPaths(text)).toEqual(['body.description']);

      const answer = await tenant.admin.post(submissions(), { version: 1, data: { note: '备\u0000注' } });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.details).toEqual([{ path: 'body.data.note', message: 'must not contain the NUL character' }]);

      const key = await tenant.admin.post(submissions(), { version: 1, data: { 'no\u0000te': 'x' } });
      expect(key.statusCode).toBe(400);
      expect(detailPaths(key)).toEqual(['body.data.no\\u0000te']);
      expect(await snapshotTenant(platform, tenant.id)).toEqual(before);
    });

    it('on the sign-in routes, before any session exists, without counting a failure', async () => {
      const anonymous = platform.client();
      const county = await anonymous.post(`${tenant.base}/auth/login`, { login: 'ad\u0000min', password: 'x' });
      expect(county.statusCode).toBe(400);
      expect(detailPaths(county)).toEqual(['body.login']);
      const operator = await anonymous.post('/api/platform/auth/login', { login: 'test-operator', password: 'pass\u0000' });
      expect(operator.statusCode).toBe(400);
      expect(detailPaths(operator)).toEqual(['body.password']);
      // Sign-in failures are counted per account and address (core/auth/lockout.ts): none was.
      expect(await platform.ownerQuery('core_sign_in_failure').where({ tenant_id: tenant.id }).where('failures', '>', 0)).toEqual([]);
      expect(await platform.ownerQuery('core_operator_sign_in_failure').where('failures', '>', 0)).toEqual([]);
    });
  });

  describe('forged cursors, dates PostgreSQL cannot store and the leap second', () => {
    it('a cursor naming a day that does not exist, year 0000 or junk is the list’s 400', async () => {
      const lists: [string, unknown[]][] = [
        [`${tenant.base}/audit`, ['2025-02-30 00:00:00+08', SOME_ID]],
        [`${tenant.base}/audit`, ['0000-01-01 00:00:00+00', SOME_ID]],
        [`${tenant.base}/forms/forms`, ['0000-06-01 00:00:00+08', SOME_ID]],
        [`${tenant.base}/forms/forms`, ['2025-12-31 23:59:60+08', SOME_ID]],
        [`${tenant.base}/forms/collections`, ['junk']],
        [`${tenant.base}/dispatch/tasks`, ['junk', 'junk']],
        [`${tenant.base}/org/people`, ['张三', '------------------------------------']],
        [`${tenant.base}/directory/people`, ['a\u0000', SOME_ID]],
      ];
      for (const [list, values] of lists) {
        const response = await tenant.admin.get(`${list}?cursor=${cursor(values)}`);
        expect(response.statusCode, `${list} ${JSON.stringify(values)}: ${response.body}`).toBe(400);
        expect(detailPaths(response)).toEqual(['querystring.cursor']);
      }
    });

    it('audit "from" and "to" outside the years 0001–9999, or infinite numbers in a query, are a 400 naming them', async () => {
      const early = await tenant.admin.get(`${tenant.base}/audit?from=0000-01-01T00:00:00Z`);
      expect(early.statusCode).toBe(400);
      expect(detailPaths(early)).toEqual(['querystring.from']);
      const late = await tenant.admin.get(`${tenant.base}/audit?to=%2B275760-09-13T00:00:00Z`);
      expect(late.statusCode).toBe(400);
      expect(detailPaths(late)).toEqual(['querystring.to']);
      const infinite = await tenant.admin.get(`${tenant.base}/exports?limit=-1e400`);
      expect(infinite.statusCode).toBe(400);
      expect(detailPaths(infinite)).toContain('querystring.limit');
    });

    it('a deadline at the leap second 23:59:60 (UTC) is refused', async () => {
      const response = await tenant.admin.post(`${tenant.base}/dispatch/tasks`, {
        title: '闰秒任务',
        ownerUnitId: unitId,
        deadline: '2030-12-31T23:59:60Z',
        assignments: [{ unitId }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details, response.body).toEqual([{ path: 'body.deadline', message: 'must match format "date-time"' }]);
      expect(Number((await platform.ownerQuery('dispatch_task').where({ tenant_id: tenant.id }).count({ n: '*' }))[0].n)).toBe(0);
    });
  });

  it('JSON nested 10,000 levels deep is refused before anything recurses into it, on any route', async () => {
    const deep = `{"name":"x","schema":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    for (const url of [`${tenant.base}/forms/forms`, `${tenant.base}/auth/login`, '/api/platform/tenants']) {
      const client = url.startsWith('/api/platform') ? platform.operator : tenant.admin;
      const response = await client.request('POST', url, deep, json);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'BODY_TOO_DEEP',
        details: [{ path: 'body.schema', message: 'is nested deeper than 256 levels' }],
      });
    }
  });

  describe('numbers too large to add up', () => {
    it('an answer of 1e308 (or 1e400, which JSON reads as Infinity) is refused, naming the answer', async () => {
      for (const amount of ['1e308', '1e400', '-9007199254740993']) {
        const response = await tenant.admin.request('POST', submissions(), `{"version":1,"data":{"amount":${amount}}}`, json);
        expect(response.statusCode, amount).toBe(400);
        expect(detailPaths(response)).toEqual(['body.data.amount']);
      }
    });

    it('statistics and their export still work for every reader when such answers were stored before', async () => {
      for (const amount of [5, 7, 9])
        expect((await tenant.admin.post(submissions(), { version: 1, data: { amount } })).statusCode).toBe(201);
      await platform.db.owner.raw(
        `update forms_submission set data = jsonb_set(data, '{amount}', '1e308'::jsonb) where tenant_id = ? and form_id = ? and (data->>'amount')::numeric > 6`,
        [tenant.id, formId],
      );
      const stats = await tenant.admin.get(`${tenant.base}/forms/forms/${formId}/statistics?fields=amount`);
      expect(stats.statusCode, stats.body).toBe(200);
      expect(stats.json().fields[0].groups[0]).toMatchObject({ count: 1, sum: 5, avg: 5, min: 5, max: 5 });
      const workbook = await tenant.admin.get(`${tenant.base}/forms/forms/${formId}/statistics/export?fields=amount`);
      expect(workbook.statusCode).toBe(200);
    });
  });

  describe('names of units, people, positions and forms are visible, well-formed text', () => {
    const badNames = {
      blank: '   ',
      'ideographic spaces': '\u3000\u3000',
      'right-to-left override': '县\u202e政府',
      'bidi isolate': '\u2066县\u2069',
      'lone surrogate': '县\ud800',
      'control character': '县\u0085',
    };

    it('each is a 400 naming the field, and nothing is created', async () => {
      const before = await snapshotTenant(platform, tenant.id);
      for (const [what, name] of Object.entries(badNames)) {
        const attempts = [
          [`${tenant.base}/org/units`, { name, kind: 'department' }],
          [`${tenant.base}/org/positions`, { name }],
          [`${tenant.base}/org/people`, { name, unitId, phone: '13800000001' }],
          [`${tenant.base}/forms/forms`, { name, schema: amountForm }],
        ] as const;
        for (const [url, body] of attempts) {
          const response = await tenant.admin.post(url, body);
          expect(response.statusCode, `${what} at ${url}`).toBe(400);
          expect(detailPaths(response), `${what} at ${url}`).toEqual(['body.name']);
        }
      }
      expect(await snapshotTenant(platform, tenant.id)).toEqual(before);
    });

    it('names with inner spaces, emoji and Chinese punctuation are still welcome', async () => {
      for (const name of ['城关镇 人民政府', '（试点）第一网格😀', 'Zhang San']) {
        expect((await tenant.admin.post(`${tenant.base}/org/units`, { name, kind: 'department' })).statusCode, name).toBe(201);
      }
    });
  });
});
