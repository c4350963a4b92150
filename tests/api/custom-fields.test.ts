import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../../core/schemas/ajv.ts';
import { errorResponses, tenantParams } from '../../core/schemas/common.schema.ts';
import type { PlatformModule } from '../../core/modules/contract.ts';
import type { RoutePlugin } from '../../core/http/route-plugin.ts';
import { validateCustomValues } from '../../core/custom-fields/custom-values.service.ts';
import type { TestClient } from '../helpers/test-client.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

/** A module whose `event` records accept custom fields; its one route checks them as a real module would. */
const eventRoutes: RoutePlugin = async (app) => {
  app.post(
    '/events',
    {
      schema: {
        tags: ['fixture'],
        summary: 'Check an event with its custom values',
        params: tenantParams,
        body: {
          type: 'object',
          required: ['title'],
          additionalProperties: false,
          properties: { title: { type: 'string', maxLength: 100 }, custom: { type: 'object', additionalProperties: true } },
        },
        response: {
          201: { type: 'object', properties: { title: { type: 'string' }, custom: { type: 'object', additionalProperties: true } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const custom = await validateCustomValues(request.db, 'fixture-events', 'event', request.body.custom ?? {});
      return reply.status(201).send({ title: request.body.title, custom });
    },
  );
};

const fixtureEvents: PlatformModule = {
  manifest: {
    id: 'fixture-events',
    version: '1.0.0',
    name: { 'zh-CN': '测试事件', en: 'Fixture events' },
    description: { 'zh-CN': '测试自定义字段', en: 'Exercises custom fields' },
    dependsOn: [],
    permissions: [],
    configSchema: { type: 'object', properties: {} },
    recordTypes: [
      {
        id: 'event',
        name: { 'zh-CN': '事件', en: 'Event' },
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['title'],
          properties: { title: { type: 'string', maxLength: 100 }, occurredOn: { type: 'string', format: 'date' } },
        },
      },
    ],
    menu: [],
  },
  routes: eventRoutes,
};

const householdFields = {
  type: 'object',
  properties: {
    householdSize: { type: 'integer', minimum: 1, maximum: 30, title: '户籍人数' },
    village: { type: 'string', maxLength: 40, title: '村（社区）' },
    lowIncome: { type: 'boolean', default: false, title: '低保户' },
  },
  required: ['householdSize'],
};

describe('custom fields: tenant admins extend module records with checked schemas', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;
  let staff: TestClient;
  let url: string;

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [fixtureEvents] });
    county = await platform.createTenant('linqu', '临朐县');
    other = await platform.createTenant('changle', '昌乐县');
    url = `${county.base}/custom-fields/fixture-events/event`;
    const created = await county.admin.post(`${county.base}/users`, {
      username: 'clerk',
      displayName: '刘洋',
      password: 'clerk-pass-1',
      mustChangePassword: false,
    });
    expect(created.statusCode).toBe(201);
    staff = await platform.client().loginTenant('linqu', 'clerk', 'clerk-pass-1');
  });
  afterAll(() => platform?.stop());

  it('a module the tenant has not enabled, an unknown module and an unknown record type are 404', async () => {
    const disabled = await county.admin.get(url);
    expect(disabled.statusCode).toBe(404);
    expect(disabled.json().error.code).toBe('MODULE_NOT_ENABLED');
    expect((await county.admin.put(url, { schema: householdFields })).statusCode).toBe(404);
    expect((await county.admin.get(`${url}/effective-schema`)).statusCode).toBe(404);

    expect((await county.admin.post(`${county.base}/modules/fixture-events/enable`)).statusCode).toBe(200);
    expect((await county.admin.get(`${county.base}/custom-fields/no-such-module/event`)).json().error.code).toBe('MODULE_NOT_FOUND');
    const unknownType = await county.admin.get(`${county.base}/custom-fields/fixture-events/meeting`);
    expect(unknownType.statusCode).toBe(404);
    expect(unknownType.json().error.code).toBe('RECORD_TYPE_NOT_FOUND');
  });

  it('starts with no fields: version 0, and any custom value is refused', async () => {
    const response = await county.admin.get(url);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      moduleId: 'fixture-events',
      recordType: 'event',
      version: 0,
      schema: { type: 'object', properties: {} },
      updatedAt: null,
    });
    const event = await county.admin.post(`${county.base}/fixture-events/events`, { title: '走访', custom: { householdSize: 3 } });
    expect(event.statusCode).toBe(400);
    expect(event.json().error.details).toEqual([{ path: 'body.custom.householdSize', message: 'is not an allowed field' }]);
  });

  it('a tenant admin sets the fields; each change bumps the version and is audited', async () => {
    const first = await county.admin.put(url, { schema: householdFields, uiSchema: { village: { 'ui:placeholder': '如：城关街道' } } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, schema: { additionalProperties: false, required: ['householdSize'] } });
    expect(first.json().uiSchema['ui:order']).toEqual(['householdSize', 'village', 'lowIncome']);
    expect(typeof first.json().updatedAt).toBe('string');

    const second = await county.admin.put(url, { schema: householdFields, version: 1 });
    expect(second.json().version).toBe(2);
    expect((await staff.get(url)).json()).toMatchObject({ version: 2, schema: { properties: { householdSize: { type: 'integer' } } } });

    const audit = await platform
      .ownerQuery('core_audit_log')
      .where({ tenant_id: county.id, action: 'custom_fields.put', record_id: 'fixture-events/event' })
      .orderBy('at');
    expect(audit.map((a) => a.data.version)).toEqual([1, 2]);
    expect(audit[0].data.fields).toEqual(['householdSize', 'village', 'lowIncome']);
  });

  it('a change based on an old version is refused (409) and changes nothing', async () => {
    const stale = await county.admin.put(url, { schema: { type: 'object', properties: {} }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CUSTOM_FIELDS_VERSION_CONFLICT');
    expect((await county.admin.get(url)).json().version).toBe(2);
  });

  it('the effective schema is the record type’s schema with the tenant’s fields under `custom`', async () => {
    const response = await staff.get(`${url}/effective-schema`);
    expect(response.statusCode).toBe(200);
    const { schema, uiSchema, version } = response.json();
    expect(version).toBe(2);
    expect(schema.properties.title).toEqual({ type: 'string', maxLength: 100 });
    expect(schema.properties.custom.properties.householdSize).toMatchObject({ type: 'integer', title: '户籍人数' });
    expect(schema.required).toEqual(['title', 'custom']);
    expect(uiSchema.custom['ui:order']).toEqual(['householdSize', 'village', 'lowIncome']);

    // What the browser does with it (same ajv options as rjsf's validator).
    const validate = createAjv('tenant').compile(schema);
    expect(validate({ title: '走访', custom: { householdSize: 4 } })).toBe(true);
    expect(validate({ title: '走访', custom: { householdSize: '4' } })).toBe(false);
  });

  it('a module accepts valid custom values (defaults filled in) and rejects bad ones naming the field', async () => {
    const events = `${county.base}/fixture-events/events`;
    const ok = await staff.post(events, { title: '入户走访', custom: { householdSize: 4, village: '东城村' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().custom).toEqual({ householdSize: 4, village: '东城村', lowIncome: false });

    const cases: [Record<string, unknown> | undefined, { path: string; message: string }][] = [
      [{ householdSize: 'four' }, { path: 'body.custom.householdSize', message: 'must be integer' }],
      [{ householdSize: 0 }, { path: 'body.custom.householdSize', message: 'must be >= 1' }],
      [{ village: '西城村' }, { path: 'body.custom.householdSize', message: 'is required' }],
      [undefined, { path: 'body.custom.householdSize', message: 'is required' }],
      [
        { householdSize: 2, nickname: '老王' },
        { path: 'body.custom.nickname', message: 'is not an allowed field' },
      ],
    ];
    for (const [custom, detail] of cases) {
      const response = await staff.post(events, { title: '走访', custom });
      expect(response.statusCode, JSON.stringify(custom)).toBe(400);
      expect(response.json().error.code).toBe('CUSTOM_FIELDS_INVALID');
      expect(response.json().error.details).toContainEqual(detail);
    }
  });

  it('fields are the tenant’s own: another tenant sees none and its records accept none', async () => {
    expect((await other.admin.post(`${other.base}/modules/fixture-events/enable`)).statusCode).toBe(200);
    expect((await other.admin.get(`${other.base}/custom-fields/fixture-events/event`)).json().version).toBe(0);
    const event = await other.admin.post(`${other.base}/fixture-events/events`, { title: '走访', custom: { householdSize: 4 } });
    expect(event.statusCode).toBe(400);
    expect(event.json().error.details[0].path).toBe('body.custom.householdSize');
  });

  it('the custom-field routes are in the OpenAPI document', async () => {
    const paths = Object.keys((await platform.client().get('/api/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/t/{tenant}/custom-fields/{moduleId}/{recordType}',
        '/api/t/{tenant}/custom-fields/{moduleId}/{recordType}/effective-schema',
      ]),
    );
  });

  it('changing fields needs core.custom_fields.manage', async () => {
    const response = await staff.put(url, { schema: { type: 'object', properties: {} } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('PERMISSION_DENIED');
    expect((await county.admin.get(url)).json().version).toBe(2);
  });

  describe('hostile schemas are refused with a clear message, nothing is saved, and the server keeps answering', () => {
    const deep = (levels: number) => {
      let field: Record<string, unknown> = { type: 'string' };
      for (let i = 0; i < levels; i += 1) field = { type: 'object', properties: { inner: field } };
      return field;
    };
    const huge = {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 3000 }, (_, i) => [`field${i}`, { type: 'string', description: '说明'.repeat(40) }]),
      ),
    };

    const cases: [string, Record<string, unknown>, { path: RegExp; message: RegExp }][] = [
      ['a huge schema', huge, { path: /^body\.schema$/, message: /larger than 262144 bytes/ }],
      [
        'a 100-level nested schema',
        { type: 'object', properties: { nested: deep(100) } },
        { path: /^body\.schema\.properties\.nested(\.properties\.inner)+/, message: /nested deeper than 24 levels/ },
      ],
      [
        'a remote $ref',
        { type: 'object', properties: { a: { $ref: 'https://evil.example.com/schema.json' } } },
        { path: /^body\.schema\.properties\.a\.\$ref$/, message: /only local references/ },
      ],
      [
        '$data',
        { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'integer', maximum: { $data: '1/a' } } } },
        { path: /^body\.schema\.properties\.b\.maximum\.\$data$/, message: /"\$data" is not allowed/ },
      ],
      [
        'a pattern RE2 cannot run (a backreference)',
        { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)\\1$' } } },
        { path: /^body\.schema\.properties\.code\.pattern$/, message: /backreference.*linear-time engine/ },
      ],
      [
        'a field name that is not an identifier',
        { type: 'object', properties: { 'house size': { type: 'integer' } } },
        { path: /^body\.schema\.properties\.house size$/, message: /field names/ },
      ],
      [
        'an invalid JSON Schema',
        { type: 'object', properties: { a: { type: 'integr' } } },
        { path: /^body\.schema$/, message: /not a valid JSON Schema/ },
      ],
      [
        'required naming no field',
        { type: 'object', properties: {}, required: ['ghost'] },
        { path: /^body\.schema\.required\[0\]$/, message: /must name a field/ },
      ],
    ];

    for (const [name, schema, expected] of cases) {
      it(`refuses ${name}`, async () => {
        const started = performance.now();
        const response = await county.admin.put(url, { schema });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('CUSTOM_FIELDS_SCHEMA_REJECTED');
        const details: { path: string; message: string }[] = response.json().error.details;
        expect(
          details.some((d) => expected.path.test(d.path) && expected.message.test(d.message)),
          JSON.stringify(details.slice(0, 3)),
        ).toBe(true);

        const after = await county.admin.get(url);
        expect(after.statusCode).toBe(200);
        expect(after.json().version).toBe(2);
        expect(performance.now() - started).toBeLessThan(5_000);
      });
    }

    it('the catastrophic pattern was never compiled: valid values still check in a moment', async () => {
      const started = performance.now();
      const response = await county.admin.post(`${county.base}/fixture-events/events`, {
        title: '走访',
        custom: { householdSize: 1, village: 'a'.repeat(35) },
      });
      expect(response.statusCode).toBe(201);
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it('refuses a 20 000-level nested schema (sent as raw JSON: too deep for JSON.stringify) without a 500', async () => {
      const levels = 20_000;
      const raw = `{"schema":{"type":"object","properties":{"nested":${'{"type":"object","properties":{"inner":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}}}}`;
      const response = await county.admin.request('PUT', url, raw, { 'content-type': 'application/json' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({
        path: expect.stringMatching(/^body\.schema/),
        message: expect.stringMatching(/nested/),
      });
      expect((await county.admin.get(url)).json().version).toBe(2);
    });

    it('refuses a uiSchema that breaks the form', async () => {
      const response = await county.admin.put(url, { schema: householdFields, uiSchema: { 'ui:order': ['householdSize', 'ghost', '*'] } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toContainEqual({
        path: 'body.uiSchema.ui:order[1]',
        message: 'must name a field of schema.properties or be "*"',
      });
    });

    it('refuses a body that is not an object schema at all, naming the field', async () => {
      const response = await county.admin.put(url, { schema: 'object' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe('body.schema');
    });
  });
});
