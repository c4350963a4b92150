import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedHumanCheck } from '../../../tests/helpers/human-check.ts';
import type { TestClient } from '../../../tests/helpers/test-client.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { enableGridEvents, gridWorld, photoOf, reportAt, type GridWorld } from './grid-world.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/t/:tenant/v2/, against
 * the spec's examples: the service list and definitions, a POST Service Request (form-urlencoded
 * as the spec sends it, and JSON) with a key the county issued, reaching the grid's handler like any
 * report; errors as the spec's list `[{ code, description }]` with the HTTP status; GET Service
 * Requests with the spec's filters, one request, and a token (which is the request id here).
 */
describe('grid events: Open311 GeoReport v2', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;
  let app: TestClient;
  let apiKey: string;
  let clientId: string;
  let v2: string;

  const form = (fields: Record<string, string | number>) =>
    new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
  const postForm = (fields: Record<string, string | number>, url = `${v2}/requests.json`) =>
    app.request('POST', url, form(fields), { 'content-type': 'application/x-www-form-urlencoded' });
  /** The spec's example request, at a place in 前进第二网格. */
  const example = (extra: Record<string, string | number> = {}) => ({
    api_key: apiKey,
    service_code: 'street-vendor',
    lat: 24.505,
    long: 117.615,
    address_string: '前进路 12 号',
    description: '路口有流动摊贩占道经营',
    ...extra,
  });
  const eventCount = async () =>
    Number((await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count'))[0].count);
  const issueKey = async (body: Record<string, unknown>) => {
    const response = await world.users.center.client.post(`${world.base}/open311-clients`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; apiKey: string; name: string; active: boolean };
  };
  const expectSpecError = (response: { statusCode: number; json(): unknown }, status: number, field?: string) => {
    expect(response.statusCode).toBe(status);
    const errors = response.json() as { code: number; description: string }[];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toEqual({ code: status, description: expect.any(String) });
    if (field) expect(errors.map((e) => e.description).join(' | ')).toContain(field);
    return errors;
  };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('zhangzhou-311');
    world = await gridWorld(platform, tenant, { callbackPercent: 0 });
    app = platform.client();
    v2 = `/open311/t/${tenant.slug}/v2`;
    const client = await issueKey({ name: '随手拍 App' });
    apiKey = client.apiKey;
    clientId = client.id;
  });
  afterAll(() => platform?.stop());

  describe('keys', () => {
    it('a manager of the whole county issues a key, shown once; only its sha256 is kept; a town’s manager may not', async () => {
      expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
      const stored = await platform.ownerQuery('grid_open311_client').where({ tenant_id: tenant.id, id: clientId }).first();
      expect(stored.key_hash).toBe(createHash('sha256').update(apiKey).digest('hex'));
      expect(JSON.stringify(stored)).not.toContain(apiKey);

      const listed = await world.users.center.client.get(`${world.base}/open311-clients`);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.body).not.toContain(apiKey);
      expect(listed.json().items).toContainEqual(
        expect.objectContaining({ id: clientId, name: '随手拍 App', active: true, requestsPerHour: 100, revokedAt: null }),
      );
      const audits = await platform.ownerQuery('core_audit_log').where({ tenant_id: tenant.id, record_id: clientId });
      expect(audits.map((a) => a.action)).toEqual(['grid-events.open311-client.create']);
      expect(JSON.stringify(audits)).not.toContain(apiKey);

      expect((await world.users.town.client.get(`${world.base}/open311-clients`)).statusCode).toBe(403);
      expect((await world.users.town.client.post(`${world.base}/open311-clients`, { name: '镇里的系统' })).statusCode).toBe(403);
      expect((await world.users.gridworker.client.get(`${world.base}/open311-clients`)).statusCode).toBe(403);
    });
  });

  describe('services', () => {
    it('discovery.json names the v2 endpoint, JSON only', async () => {
      const response = await app.get(`${v2}/discovery.json`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        contact: expect.any(String),
        key_service: expect.any(String),
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: expect.stringMatching(new RegExp(`/open311/t/${tenant.slug}/v2$`)),
            type: 'production',
            formats: ['application/json'],
          },
        ],
      });
      expect(response.json().changeset).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    });

    it('services.json lists the active categories as services, with their group and keywords; a definition has no attributes', async () => {
      const child = await tenant.admin.post(`${world.base}/categories`, {
        name: '夜市摊点',
        code: 'night-market',
        parentId: world.categories.streetVendor,
        description: '夜间占道摆摊',
        keywords: '摊贩 夜市、占道',
        acceptHours: 2,
        resolveHours: 24,
      });
      expect(child.statusCode, child.body).toBe(201);
      const hidden = await tenant.admin.post(`${world.base}/categories`, {
        name: '停用分类',
        code: 'retired',
        acceptHours: 2,
        resolveHours: 24,
        active: false,
      });
      expect(hidden.statusCode, hidden.body).toBe(201);

      const response = await app.get(`${v2}/services.json`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual([
        {
          service_code: 'street-vendor',
          service_name: '占道经营',
          description: '',
          metadata: false,
          type: 'realtime',
          keywords: '',
          group: '',
        },
        {
          service_code: 'night-market',
          service_name: '夜市摊点',
          description: '夜间占道摆摊',
          metadata: false,
          type: 'realtime',
          keywords: '摊贩,夜市,占道',
          group: '占道经营',
        },
        { service_code: 'noise', service_name: '噪音扰民', description: '', metadata: false, type: 'realtime', keywords: '', group: '' },
      ]);

      const definition = await app.get(`${v2}/services/night-market.json`);
      expect(definition.statusCode, definition.body).toBe(200);
      expect(definition.json()).toEqual({ service_code: 'night-market', attributes: [] });
      expectSpecError(await app.get(`${v2}/services/retired.json`), 404, 'service_code');
      expectSpecError(await app.get(`${v2}/services/no-such.json`), 404, 'service_code');
      expectSpecError(await app.get(`${v2}/services/bad%20code.json`), 400, 'service_code');
    });

    it('XML is not served: the .xml forms are 404 in the spec’s shape', async () => {
      expectSpecError(await app.get(`${v2}/services.xml`), 404, '.json');
      expectSpecError(await app.get(`${v2}/requests/ABCDEFGH12.xml`), 404, '.json');
      expectSpecError(await postForm(example(), `${v2}/requests.xml`), 404, '.json');
      expectSpecError(await app.request('DELETE', `${v2}/requests.json`), 404);
    });

    it('a county that does not exist or has not enabled grid events answers 404 in the spec’s shape', async () => {
      expectSpecError(await app.get('/open311/t/no-such-county/v2/services.json'), 404);
      const other = await platform.createTenant('other-311');
      expectSpecError(await app.get(`/open311/t/${other.slug}/v2/services.json`), 404);
    });
  });

  describe('POST Service Request', () => {
    it('a form-urlencoded request with a key is recorded and routed to the grid’s handler; the answer is the spec’s', async () => {
      const response = await postForm(
        example({
          first_name: '芳',
          last_name: '王',
          phone: '13912345678',
          email: 'wang@example.com',
          media_url: 'https://photos.example.com/p/1.jpg',
          device_id: 'phone-1',
          account_id: 'acct-7',
          jurisdiction_id: 'zhangzhou',
          'attribute[WHISPAWN]': '123456',
        }),
      );
      expect(response.statusCode, response.body).toBe(200);
      const [answer] = response.json();
      expect(response.json()).toEqual([{ service_request_id: answer.service_request_id, service_notice: '', account_id: null }]);
      expect(answer.service_request_id).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

      const queue = (await world.users.grid2.client.get(`${world.base}/events/queue`)).json().items;
      const event = queue.find((e: { code: string }) => e.code === answer.service_request_id);
      expect(event).toMatchObject({ source: 'open311', status: 'reported', handlingUnit: { id: world.units.qianjin2 } });
      const page = (await world.users.grid2.client.get(`${world.base}/events/${event.id}`)).json();
      expect(page).toMatchObject({ reporterName: '王芳', reporterPhone: '13912345678', address: '前进路 12 号' });
      const told = await platform
        .ownerQuery('core_notification')
        .where({ tenant_id: tenant.id, user_id: world.users.grid2.userId, kind: 'grid-events.event.arrived' });
      expect(told.some((n) => String(n.link).includes(event.id))).toBe(true);

      const link = await platform.ownerQuery('grid_open311_request').where({ tenant_id: tenant.id, event_id: event.id }).first();
      expect(link).toMatchObject({ client_id: clientId, email: 'wang@example.com', media_url: 'https://photos.example.com/p/1.jpg' });
      const client = await platform.ownerQuery('grid_open311_client').where({ tenant_id: tenant.id, id: clientId }).first();
      expect(client.last_used_at).not.toBeNull();
    });

    it('a JSON body is taken too, coordinates as numbers or as decimal text', async () => {
      for (const body of [example({ service_code: 'noise' }), { ...example({ service_code: 'noise' }), lat: '24.505', long: '117.615' }]) {
        const response = await app.post(`${v2}/requests.json`, body);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()[0].service_request_id).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      }
      // The key may come in the URL instead, as some clients send it.
      const { api_key: key, ...rest } = example();
      const inUrl = await postForm(rest, `${v2}/requests.json?api_key=${encodeURIComponent(String(key))}`);
      expect(inUrl.statusCode, inUrl.body).toBe(200);
    });

    it('without a key, with a wrong one, another county’s or a revoked one: 403 in the spec’s shape, nothing written', async () => {
      const before = await eventCount();
      const { api_key: _key, ...keyless } = example();
      expectSpecError(await postForm(keyless), 403, 'api_key');
      expectSpecError(await postForm(example({ api_key: 'o311_not-a-key-of-this-county-at-all' })), 403, 'api_key');

      const other = await platform.createTenant('xiamen-311');
      await enableGridEvents(other);
      const foreign = await other.admin.post(`${other.base}/grid-events/open311-clients`, { name: '厦门的系统' });
      expect(foreign.statusCode, foreign.body).toBe(201);
      expectSpecError(await postForm(example({ api_key: foreign.json().apiKey })), 403, 'api_key');

      const revoked = await issueKey({ name: '停用的系统' });
      expect((await postForm(example({ api_key: revoked.apiKey }))).statusCode).toBe(200);
      const revoke = await world.users.center.client.post(`${world.base}/open311-clients/${revoked.id}/revoke`, { reason: '合同到期' });
      expect(revoke.statusCode, revoke.body).toBe(200);
      expect(revoke.json()).toMatchObject({ active: false, requestCount: 1, revokedAt: expect.any(String) });
      const afterRevoke = await eventCount();
      expectSpecError(await postForm(example({ api_key: revoked.apiKey })), 403, 'api_key');
      expect(await eventCount()).toBe(afterRevoke);
      expect(afterRevoke).toBe(before + 1);
      const audits = await platform.ownerQuery('core_audit_log').where({ tenant_id: tenant.id, record_id: revoked.id });
      expect(audits.map((a) => a.action).sort()).toEqual(['grid-events.open311-client.create', 'grid-events.open311-client.revoke']);
      expect((await world.users.town.client.post(`${world.base}/open311-clients/${revoked.id}/revoke`, {})).statusCode).toBe(403);
    });

    it('bad coordinates, a place outside the county, an unknown service_code, script: 400 naming the field, nothing written', async () => {
      const before = await eventCount();
      const refusals: [Record<string, string | number>, string][] = [
        [example({ lat: 'north' }), 'lat'],
        [example({ lat: 95 }), 'lat'],
        [example({ long: '' }), 'long'],
        [example({ lat: 30.1, long: 120.2 }), 'lat/long'],
        [example({ service_code: 'pothole' }), 'service_code'],
        [example({ service_code: '../etc' }), 'service_code'],
        [example({ description: '<script>alert(1)</script>' }), 'description'],
        [example({ media_url: 'javascript:alert(1)' }), 'media_url'],
        [example({ unknown_field: 'x' }), 'unknown_field'],
      ];
      for (const [fields, field] of refusals) expectSpecError(await postForm(fields), 400, field);
      const { lat: _lat, long: _long, ...addressOnly } = example();
      const errors = expectSpecError(await postForm(addressOnly), 400, 'lat');
      expect(errors.map((e) => e.description).join(' ')).toContain('long');
      expectSpecError(await app.request('POST', `${v2}/requests.json`, '{"service_code": ', { 'content-type': 'application/json' }), 400);
      expect(await eventCount()).toBe(before);
    });

    it('a client files at most its hourly number of requests (429 in the spec’s shape)', async () => {
      const limited = await issueKey({ name: '小程序', requestsPerHour: 2 });
      for (let i = 0; i < 2; i++) expect((await postForm(example({ api_key: limited.apiKey }))).statusCode).toBe(200);
      const before = await eventCount();
      expectSpecError(await postForm(example({ api_key: limited.apiKey })), 429, '2');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('GET Service Requests', () => {
    let code: string;
    let noiseCode: string;
    let citizenCode: string;
    let workerCode: string;

    beforeAll(async () => {
      code = (await postForm(example({ phone: '13812340000', first_name: '明', last_name: '李', email: 'li@example.com' }))).json()[0]
        .service_request_id;
      noiseCode = (await postForm(example({ service_code: 'noise', description: '夜间施工噪音' }))).json()[0].service_request_id;
      workerCode = (await reportAt(world, tenant, 117.615, 24.505)).code;
      const citizen = platform.client();
      const report = await citizen.post(`${world.base}/public/events`, {
        categoryId: world.categories.streetVendor,
        description: '群众上报',
        location: { lon: 117.615, lat: 24.505 },
        phone: '13912340001',
        humanCheck: await solvedHumanCheck(citizen, tenant.slug),
      });
      expect(report.statusCode, report.body).toBe(201);
      citizenCode = report.json().code;
    });

    const listed = async (query = '') => {
      const response = await app.get(`${v2}/requests.json${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Record<string, unknown>[];
    };

    it('lists the requests filed through Open311, newest first, in the spec’s fields and without the reporter', async () => {
      const response = await app.get(`${v2}/requests.json`);
      expect(response.statusCode, response.body).toBe(200);
      const items = response.json() as Record<string, unknown>[];
      const codes = items.map((r) => r.service_request_id);
      expect(codes.slice(0, 2)).toEqual([noiseCode, code]);
      expect(codes).not.toContain(workerCode);
      expect(codes).not.toContain(citizenCode);
      expect(items[1]).toEqual({
        service_request_id: code,
        status: 'open',
        status_notes: null,
        service_name: '占道经营',
        service_code: 'street-vendor',
        description: '路口有流动摊贩占道经营',
        agency_responsible: '前进第二网格',
        service_notice: null,
        requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
        updated_datetime: expect.stringMatching(/\+08:00$/),
        expected_datetime: expect.stringMatching(/\+08:00$/),
        address: '前进路 12 号',
        address_id: null,
        zipcode: null,
        lat: 24.505,
        long: 117.615,
        media_url: null,
      });
      for (const secret of ['13812340000', '李明', 'li@example.com', '13912345678', '王芳', 'wang@example.com'])
        expect(response.body).not.toContain(secret);
    });

    it('filters by service_code, status and dates; service_request_id names requests whatever the rest says', async () => {
      expect((await listed('?service_code=noise')).every((r) => r.service_code === 'noise')).toBe(true);
      expect((await listed('?service_code=noise')).map((r) => r.service_request_id)).toContain(noiseCode);
      expect((await listed('?service_code=noise,street-vendor')).map((r) => r.service_request_id)).toEqual(
        expect.arrayContaining([noiseCode, code]),
      );
      expect(await listed('?status=closed')).toEqual([]);
      expect((await listed('?status=open')).map((r) => r.service_request_id)).toContain(code);
      expect(await listed('?start_date=2099-01-01T00:00:00%2B08:00')).toEqual([]);
      expect(await listed('?end_date=2020-01-01T00:00:00Z')).toEqual([]);
      const both = await listed(`?service_request_id=${code},${noiseCode.toLowerCase()},${citizenCode}&status=closed&service_code=none`);
      expect(both.map((r) => r.service_request_id).sort()).toEqual([code, noiseCode].sort());

      expectSpecError(await app.get(`${v2}/requests.json?start_date=yesterday`), 400, 'start_date');
      expectSpecError(await app.get(`${v2}/requests.json?status=pending`), 400, 'status');
      expectSpecError(await app.get(`${v2}/requests.json?start_date=2025-06-02T00:00:00Z&end_date=2025-06-01T00:00:00Z`), 400, 'end_date');
      expectSpecError(await app.get(`${v2}/requests.json?page=2`), 400, 'page');
    });

    it('by default the last 90 days; an older request is found with start_date', async () => {
      const old = (await postForm(example({ description: '很久以前' }))).json()[0].service_request_id;
      const event = await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id, code: old }).first('id');
      const longAgo = new Date(Date.now() - 100 * 24 * 3_600_000);
      await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id, id: event.id }).update({ created_at: longAgo });
      await platform.ownerQuery('grid_open311_request').where({ tenant_id: tenant.id, event_id: event.id }).update({ created_at: longAgo });
      expect((await listed()).map((r) => r.service_request_id)).not.toContain(old);
      const since = encodeURIComponent(new Date(Date.now() - 120 * 24 * 3_600_000).toISOString());
      expect((await listed(`?start_date=${since}`)).map((r) => r.service_request_id)).toContain(old);
    });

    it('one request by its id; a resolved one is closed with the handler’s note and its photo as media_url', async () => {
      const one = await app.get(`${v2}/requests/${code}.json`);
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json()).toEqual([expect.objectContaining({ service_request_id: code, status: 'open' })]);

      const event = (await world.users.grid2.client.get(`${world.base}/events?q=${code}`)).json().items[0];
      expect((await world.users.grid2.client.post(`${world.base}/events/${event.id}/accept`, {})).statusCode).toBe(200);
      const photo = await photoOf(world.users.grid2.client, tenant);
      const resolved = await world.users.grid2.client.post(`${world.base}/events/${event.id}/resolve`, {
        note: '摊贩已劝离',
        photoIds: [photo],
      });
      expect(resolved.statusCode, resolved.body).toBe(200);

      const [view] = (await app.get(`${v2}/requests/${code}.json`)).json();
      expect(view).toMatchObject({ status: 'closed', status_notes: '摊贩已劝离', expected_datetime: null });
      const url = new URL(view.media_url);
      expect(url.pathname).toBe(`/api/t/${tenant.slug}/grid-events/public/events/${code}/photos/${photo}`);
      expect((await app.get(url.pathname)).statusCode).toBe(200);
      expect((await listed('?status=closed')).map((r) => r.service_request_id)).toEqual([code]);

      // The link the client sent stands in while the request has no photo of its own.
      const linked = (await postForm(example({ media_url: 'https://photos.example.com/2.jpg' }))).json()[0].service_request_id;
      expect((await app.get(`${v2}/requests/${linked}.json`)).json()[0].media_url).toBe('https://photos.example.com/2.jpg');

      expectSpecError(await app.get(`${v2}/requests/${citizenCode}.json`), 404, 'service_request_id');
      expectSpecError(await app.get(`${v2}/requests/${workerCode}.json`), 404);
      expectSpecError(await app.get(`${v2}/requests/not-a-code.json`), 400, 'service_request_id');
    });

    it('a token is the request id: requests are created at once', async () => {
      const token = await app.get(`${v2}/tokens/${noiseCode}.json`);
      expect(token.statusCode, token.body).toBe(200);
      expect(token.json()).toEqual([{ token: noiseCode, service_request_id: noiseCode }]);
      expectSpecError(await app.get(`${v2}/tokens/${citizenCode}.json`), 404);
      expectSpecError(await app.get(`${v2}/tokens/x.json`), 400, 'token');
    });
  });
});
