import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { apiUnit, auditOf, createScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { detailPaths, enableForms, householdSchema } from '../../../tests/helpers/forms-fixtures.ts';

/** Schemas of the kind the react-jsonschema-form playground's samples use. */
const playground: Record<string, Record<string, unknown>> = {
  nested: {
    type: 'object',
    title: 'A registration form',
    required: ['firstName', 'lastName'],
    properties: {
      firstName: { type: 'string', title: 'First name', default: 'Chuck' },
      lastName: { type: 'string', title: 'Last name' },
      telephone: { type: 'string', title: 'Telephone', minLength: 10 },
      address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } },
      email: { type: 'string', format: 'email' },
      website: { type: 'string', format: 'uri' },
      born: { type: 'string', format: 'date-time' },
    },
  },
  references: {
    definitions: {
      address: {
        type: 'object',
        properties: { street_address: { type: 'string' }, city: { type: 'string' }, state: { type: 'string' } },
        required: ['street_address', 'city', 'state'],
      },
      node: {
        type: 'object',
        properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/node' } } },
      },
    },
    type: 'object',
    properties: {
      billing_address: { title: 'Billing address', $ref: '#/definitions/address' },
      shipping_address: { $ref: '#/definitions/address' },
      tree: { title: 'Recursive references', $ref: '#/definitions/node' },
    },
  },
  defs: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    $defs: { phone: { type: 'string', pattern: '^1\\d{10}$' } },
    properties: { mobile: { $ref: '#/$defs/phone' } },
  },
  oneOfAnyOfAllOf: {
    type: 'object',
    properties: {
      contact: {
        oneOf: [
          { type: 'object', title: 'Phone', required: ['phone'], properties: { phone: { type: 'string' } } },
          { type: 'object', title: 'Email', required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
        ],
      },
      age: {
        anyOf: [
          { type: 'integer', minimum: 0 },
          { type: 'string', enum: ['unknown'] },
        ],
      },
      lorem: { allOf: [{ type: 'string', minLength: 1 }, { maxLength: 10 }] },
      multipleChoicesList: { type: 'array', items: { type: 'string', enum: ['foo', 'bar', 'fuzz', 'qux'] }, uniqueItems: true },
    },
  },
  ifThenElse: {
    type: 'object',
    properties: { animal: { enum: ['Cat', 'Fish'] }, food: { type: 'string' }, water: { type: 'string' } },
    allOf: [
      {
        if: { properties: { animal: { const: 'Cat' } } },
        then: { properties: { food: { enum: ['meat', 'grass', 'fish'] } }, required: ['food'] },
      },
      {
        if: { properties: { animal: { const: 'Fish' } } },
        then: { properties: { food: { enum: ['insect', 'worms'] }, water: { enum: ['lake', 'sea'] } }, required: ['food', 'water'] },
        else: { required: [] },
      },
    ],
  },
  dependencies: {
    type: 'object',
    properties: { name: { type: 'string' }, credit_card: { type: 'number' } },
    dependencies: { credit_card: { properties: { billing_address: { type: 'string' } }, required: ['billing_address'] } },
  },
};

function nested(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

describe('forms: designing, checking and publishing form schemas', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  const base = () => `${tenant.base}/forms/forms`;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-design');
    await enableForms(tenant);
  });
  afterAll(() => platform?.stop());

  it('accepts schemas of the rjsf playground kind: nesting, local $ref to definitions and $defs, recursion through items, oneOf/anyOf/allOf, if/then/else, formats, enums', async () => {
    for (const [name, schema] of Object.entries(playground)) {
      const created = await tenant.admin.post(base(), { name, schema });
      expect(created.statusCode, `${name}: ${created.body}`).toBe(201);
      expect((await tenant.admin.post(`${base()}/${created.json().id}/publish`, {})).statusCode, name).toBe(201);
    }
  });

  it('refuses a huge, deep, self-referencing, catastrophic-regex or remote-$ref schema with 400 naming where, and stores nothing', async () => {
    const before = (await tenant.admin.get(base())).json().items.length;
    const cases: [string, Record<string, unknown>, string][] = [
      ['huge', { type: 'object', description: 'x'.repeat(300_000) }, 'body.schema'],
      ['deep', nested(60), 'body.schema'],
      [
        'self',
        {
          type: 'object',
          properties: { a: { $ref: '#/definitions/x' } },
          definitions: { x: { $ref: '#/definitions/y' }, y: { allOf: [{ $ref: '#/definitions/x' }] } },
        },
        'body.schema.definitions',
      ],
      ['root loop', { type: 'object', $ref: '#' }, 'body.schema'],
      ['regex', { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)\\1$' } } }, 'body.schema.properties.code.pattern'],
      ['remote', { type: 'object', properties: { evil: { $ref: 'https://example.com/schema.json' } } }, 'body.schema.properties.evil.$ref'],
      [
        'data',
        { type: 'object', properties: { a: { type: 'integer', maximum: { $data: '1/b' } } } },
        'body.schema.properties.a.maximum.$data',
      ],
      ['not an object form', { type: 'array', items: { type: 'string' } }, 'body.schema.type'],
    ];
    for (const [label, schema, path] of cases) {
      const response = await tenant.admin.post(base(), { name: label, schema });
      expect(response.statusCode, `${label}: ${response.body}`).toBe(400);
      expect(response.json().error.code).toBe('FORMS_SCHEMA_INVALID');
      expect(
        detailPaths(response).some((p) => p.startsWith(path)),
        `${label}: ${JSON.stringify(detailPaths(response))}`,
      ).toBe(true);
    }
    expect((await tenant.admin.get(base())).json().items.length).toBe(before);
  });

  it('a bad schema in an edit is refused and the draft stays as it was', async () => {
    const id = (await tenant.admin.post(base(), { name: '可编辑', schema: householdSchema })).json().id;
    const bad = await tenant.admin.patch(`${base()}/${id}`, {
      schema: { type: 'object', properties: { x: { type: 'string', pattern: 'x(?=y)' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(detailPaths(bad)).toEqual(['body.schema.properties.x.pattern']);
    expect((await tenant.admin.get(`${base()}/${id}`)).json().schema).toEqual(householdSchema);
  });

  it('keeps the order of the fields as designed, in the draft and in the frozen version', async () => {
    const id = (await tenant.admin.post(base(), { name: '顺序', schema: householdSchema })).json().id;
    await tenant.admin.post(`${base()}/${id}/publish`, {});
    const order = Object.keys(householdSchema.properties);
    expect(Object.keys((await tenant.admin.get(`${base()}/${id}`)).json().schema.properties)).toEqual(order);
    expect(Object.keys((await tenant.admin.get(`${base()}/${id}/versions/1`)).json().schema.properties)).toEqual(order);
  });

  it('publishing freezes a version: editing afterwards changes only the draft, and the next publish makes version 2', async () => {
    const id = (await tenant.admin.post(base(), { name: '月报', schema: { type: 'object', properties: { a: { type: 'string' } } } })).json()
      .id;
    const v1 = await tenant.admin.post(`${base()}/${id}/publish`, {});
    expect(v1.json()).toMatchObject({ formId: id, version: 1, name: '月报' });
    expect((await tenant.admin.post(`${base()}/${id}/publish`, {})).json().error.code).toBe('FORMS_NOTHING_TO_PUBLISH');

    const edited = await tenant.admin.patch(`${base()}/${id}`, {
      name: '月报（新）',
      schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } },
    });
    expect(edited.json()).toMatchObject({ latestVersion: 1, draftChanged: true });
    const frozen = (await tenant.admin.get(`${base()}/${id}/versions/1`)).json();
    expect(frozen).toMatchObject({ version: 1, name: '月报', schema: { type: 'object', properties: { a: { type: 'string' } } } });

    expect((await tenant.admin.post(`${base()}/${id}/publish`, {})).json()).toMatchObject({ version: 2, name: '月报（新）' });
    const versions = (await tenant.admin.get(`${base()}/${id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await tenant.admin.get(`${base()}/${id}/versions/3`)).statusCode).toBe(404);
    expect((await auditOf(platform, tenant.id, id)).map((e) => e.action)).toEqual([
      'forms.form.create',
      'forms.form.publish',
      'forms.form.update',
      'forms.form.publish',
    ]);
  });

  it('only forms.design may design; someone who fills forms in may read a version but not the drafts', async () => {
    const unit = await apiUnit(tenant.admin, tenant, { name: '一村', kind: 'village' });
    const filler = await createScopedUser(platform, tenant, {
      username: 'filler',
      unitId: unit.id,
      grants: [{ permission: 'forms.submit', scope: 'own_unit' }],
    });
    const id = (await tenant.admin.post(base(), { name: '只读', schema: { type: 'object' } })).json().id;
    await tenant.admin.post(`${base()}/${id}/publish`, {});
    expect((await filler.client.post(base(), { name: 'x', schema: { type: 'object' } })).statusCode).toBe(403);
    expect((await filler.client.get(base())).statusCode).toBe(403);
    expect((await filler.client.get(`${base()}/${id}`)).statusCode).toBe(403);
    expect((await filler.client.get(`${base()}/${id}/versions/1`)).statusCode).toBe(200);
  });

  it('lists forms newest change first with a cursor, filtered by category and name', async () => {
    for (const n of [1, 2, 3]) await tenant.admin.post(base(), { name: `分页表单${n}`, category: '分页', schema: { type: 'object' } });
    const first = (await tenant.admin.get(`${base()}?category=${encodeURIComponent('分页')}&limit=2`)).json();
    expect(first.items.map((f: { name: string }) => f.name)).toEqual(['分页表单3', '分页表单2']);
    const second = (await tenant.admin.get(`${base()}?category=${encodeURIComponent('分页')}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ name: '分页表单1' }], nextCursor: null });
    expect(
      (await tenant.admin.get(`${base()}?q=${encodeURIComponent('表单2')}`)).json().items.map((f: { name: string }) => f.name),
    ).toEqual(['分页表单2']);
    expect((await tenant.admin.get(`${base()}?cursor=bad`)).statusCode).toBe(400);
  });

  it('every forms route declares params, query, body and response schemas, and appears in the API docs', async () => {
    const routes = platform.app.routeCatalog.filter((r) => r.url.startsWith('/api/t/:tenant/forms/'));
    expect(routes.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const route of routes) {
      const schema = (route.schema ?? {}) as Record<string, unknown>;
      const name = `${route.method} ${route.url}`;
      if (!schema.response || !schema.params || !schema.summary || !schema.tags) problems.push(`${name}: incomplete schema`);
      if (['POST', 'PATCH'].includes(route.method) && !schema.body) problems.push(`${name}: no body schema`);
    }
    expect(problems).toEqual([]);
    const paths = Object.keys((await platform.client().get('/api/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/t/{tenant}/forms/forms/{id}/submissions',
        '/api/t/{tenant}/forms/collections/{id}/periods/{period}/status',
      ]),
    );
  });

  it('a tenant that has not enabled the module does not have it', async () => {
    const other = await platform.createTenant('forms-off');
    expect((await other.admin.get(`${other.base}/forms/forms`)).statusCode).toBe(404);
  });
});
