import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashForSchema, type RJSFSchema } from '@rjsf/utils';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { detailPaths, enableForms, publishedForm } from '../helpers/forms-fixtures.ts';
import { validatorRequire } from '../../admin-ui/src/components/rjsf/validator-runtime.ts';
import { SCHEMA_LIMITS } from '../../core/schemas/tenant-schema-guard.ts';

/** The served module, imported as the browser imports it: an ES module from the response text, handed the app's runtime. */
async function importServed(code: string): Promise<ValidatorFunctions> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    default: (require: typeof validatorRequire) => ValidatorFunctions;
  };
  return module.default(validatorRequire);
}

/** The patterns counties paste, and one that backtracks exponentially on JavaScript's RegExp. */
const contactSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名', pattern: '^[\\u4e00-\\u9fa5]{2,4}$' },
    zip: { type: 'string', title: '邮编', pattern: '^\\d{5}(?:[-\\s]\\d{4})?$' },
    landline: { type: 'string', title: '座机', pattern: '^(0\\d{2,3}-)?\\d{7,8}$' },
    email: { type: 'string', title: '邮箱', pattern: '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$' },
    code: { type: 'string', title: '编码', pattern: '^(\\w|\\d)+$' },
  },
};

describe('tenant schemas: patterns run in linear time, and schemas cannot expand without bound', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  const submit = (formId: string, data: Record<string, unknown>) =>
    tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('schema-patterns');
    await enableForms(tenant);
  });
  afterAll(() => platform?.stop());

  it('accepts ZIP, landline, e-mail and Chinese-name patterns; a long answer to ^(\\w|\\d)+$ is answered at once, by the server and by the served browser module alike', async () => {
    const formId = await publishedForm(tenant.admin, tenant, contactSchema, '联系人');
    const good = { name: '欧阳修', zip: '12345 6789', landline: '0571-87654321', email: 'li.si+gov@zj-gov.cn', code: 'a1'.repeat(500) };
    const created = await submit(formId, good);
    expect(created.statusCode, created.body).toBe(201);

    // 26 characters and a mismatch held JavaScript's RegExp for seconds, doubling per character.
    const hostile = { code: `${'a1'.repeat(5_000)}!` };
    const started = performance.now();
    const refused = await submit(formId, hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(detailPaths(refused)).toEqual(['body.data.code']);

    const bad = { name: '张三a', zip: '1234', landline: '87654', email: 'nobody@', code: '' };
    const refusedAll = await submit(formId, bad);
    expect(detailPaths(refusedAll).sort()).toEqual([
      'body.data.code',
      'body.data.email',
      'body.data.landline',
      'body.data.name',
      'body.data.zip',
    ]);

    // The browser runs the module the server generated, with RE2 from the app bundle: same answers, same speed.
    const served = await tenant.admin.get(`${tenant.base}/forms/forms/${formId}/versions/1/validator.js`);
    expect(served.statusCode, served.body).toBe(200);
    expect(served.body).not.toMatch(/^\s*import\s/m);
    expect(served.body).not.toMatch(/new RegExp/);
    const validate = (await importServed(served.body))[hashForSchema(contactSchema as RJSFSchema)];
    expect(validate(structuredClone(good))).toBe(true);
    const browserStarted = performance.now();
    expect(validate(structuredClone(hostile))).toBe(false);
    expect(performance.now() - browserStarted).toBeLessThan(1_000);
    expect(validate(structuredClone(bad))).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath).sort()).toEqual(['/code', '/email', '/landline', '/name', '/zip']);
  });

  it('refuses a pattern with a backreference or lookaround with 400 saying why, and stores nothing', async () => {
    const before = (await tenant.admin.get(`${tenant.base}/forms/forms`)).json().items.length;
    const cases: [string, RegExp][] = [
      ['^(\\d)\\1{5}$', /backreference/],
      ['^(?!admin)\\w+$', /lookahead or lookbehind/],
      ['(?<=\\d)元$', /lookahead or lookbehind/],
    ];
    for (const [pattern, reason] of cases) {
      const response = await tenant.admin.post(`${tenant.base}/forms/forms`, {
        name: '坏规则',
        schema: { type: 'object', properties: { x: { type: 'string', pattern } } },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('FORMS_SCHEMA_INVALID');
      const [detail] = response.json().error.details;
      expect(detail.path).toBe('body.schema.properties.x.pattern');
      expect(detail.message).toMatch(reason);
      expect(detail.message).toMatch(/linear-time engine \(RE2\)/);
    }
    expect((await tenant.admin.get(`${tenant.base}/forms/forms`)).json().items.length).toBe(before);
  });

  it('refuses twenty definitions each an allOf of two $refs to the one before (1.7 KB, a million nodes expanded) with 400 naming the problem, in a moment', async () => {
    const definitions: Record<string, unknown> = { d0: { type: 'string', minLength: 1 } };
    for (let i = 1; i < 20; i += 1)
      definitions[`d${i}`] = { allOf: [{ $ref: `#/definitions/d${i - 1}` }, { $ref: `#/definitions/d${i - 1}` }] };
    const schema = { type: 'object', definitions, properties: { answer: { $ref: '#/definitions/d19' } } };
    expect(JSON.stringify(schema).length).toBeLessThan(2_000);
    const started = performance.now();
    const response = await tenant.admin.post(`${tenant.base}/forms/forms`, { name: '膨胀', schema });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details).toEqual([
      {
        path: 'body.schema',
        message: expect.stringContaining(`expands to more than ${SCHEMA_LIMITS.maxExpandedNodes} nodes when its $refs are followed`),
      },
    ]);
  });
});
