import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashForSchema, retrieveSchema, type RJSFSchema } from '@rjsf/utils';
import type { ErrorObject } from 'ajv';
import { createPrecompiledValidator, type ValidatorFunctions } from '@rjsf/validator-ajv8';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { enableForms, householdSchema, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';
import { playgroundSamples } from '../../../tests/fixtures/rjsf-playground.ts';
import { detailsFromAjv } from '../../../core/http/error-handler.ts';
import { VALIDATOR_RUNTIME_SPECIFIERS } from '../server/validator-module.ts';
import { validatorRequire, validatorRuntimeSpecifiers } from '../../../admin-ui/src/components/rjsf/validator-runtime.ts';
import { withoutHiddenAnswers } from '../../../core/schemas/hidden-answers.ts';

type Detail = { path: string; message: string };

/** The served module, imported as the browser imports it: an ES module from the response text. */
async function importServed(code: string): Promise<ValidatorFunctions> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    default: (require: typeof validatorRequire) => ValidatorFunctions;
  };
  return module.default(validatorRequire);
}

/** Designer-shaped: a field shown under a condition, one in the rows of a repeating group, one by a dependency. */
const conditionalSchema = {
  type: 'object',
  required: ['cause'],
  propertyNames: { enum: ['cause', 'causeOther', 'members', 'card', 'cardNo'] },
  properties: {
    cause: {
      type: 'string',
      title: '致贫原因',
      oneOf: [
        { const: 'illness', title: '因病' },
        { const: 'other', title: '其他' },
      ],
    },
    members: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, working: { type: 'boolean' } },
        allOf: [
          {
            if: { required: ['working'], properties: { working: { const: true } } },
            then: { properties: { employer: { type: 'string' } } },
          },
        ],
      },
    },
    card: { type: 'boolean' },
  },
  allOf: [
    {
      if: { required: ['cause'], properties: { cause: { const: 'other' } } },
      then: { properties: { causeOther: { type: 'string', minLength: 1 } }, required: ['causeOther'] },
    },
  ],
  dependencies: { card: { properties: { cardNo: { type: 'string' } } } },
};

const sorted = (details: Detail[]) => [...new Set(details.map((d) => `${d.path} ${d.message}`))].sort();

describe('forms: the browser validates as the server does (the served validator module, hidden answers)', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  const validatorUrl = (formId: string, version = 1) => `${tenant.base}/forms/forms/${formId}/versions/${version}/validator.js`;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-validator');
    await enableForms(tenant);
  });
  afterAll(() => platform?.stop());

  it('is served as a JavaScript module that imports nothing, with an ETag; the same ETag gets a 304 without a body', async () => {
    const formId = await publishedForm(tenant.admin, tenant);
    const first = await tenant.admin.get(validatorUrl(formId));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.body).not.toMatch(/^\s*import\s/m);
    expect(first.body).not.toMatch(/new Function|eval\(/);

    const again = await tenant.admin.get(validatorUrl(formId), { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const changed = await tenant.admin.get(validatorUrl(formId), { 'if-none-match': '"something-else"' });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toBe(first.body);

    expect((await tenant.admin.get(validatorUrl(formId, 2))).statusCode).toBe(404);
    expect((await tenant.admin.get(`${tenant.base}/forms/forms/${formId}/versions/0/validator.js`)).statusCode).toBe(400);
  });

  it('needs nothing but the runtime helpers the browser bundles', () => {
    expect([...validatorRuntimeSpecifiers].sort()).toEqual([...VALIDATOR_RUNTIME_SPECIFIERS].sort());
  });

  it('agrees with the server on every rjsf playground sample: the same answers pass, and the same fields fail with the same messages', async () => {
    for (const [name, sample] of Object.entries(playgroundSamples)) {
      const formId = await publishedForm(tenant.admin, tenant, sample.schema, name);
      const served = await tenant.admin.get(validatorUrl(formId));
      expect(served.statusCode, `${name}: ${served.body}`).toBe(200);
      const functions = await importServed(served.body);
      const root = functions[hashForSchema(sample.schema as RJSFSchema)];
      expect(root, name).toBeTypeOf('function');
      const browser = createPrecompiledValidator(functions, sample.schema as RJSFSchema);

      const cases = [...sample.valid.map((data) => ({ data, valid: true })), ...sample.invalid.map((data) => ({ data, valid: false }))];
      for (const [i, { data, valid }] of cases.entries()) {
        const label = `${name} #${i} ${JSON.stringify(data)}`;
        const response = await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data });
        expect(response.statusCode, `${label}: ${response.body}`).toBe(valid ? 201 : 400);

        const browserValid = root(structuredClone(data));
        expect(browserValid, label).toBe(valid);
        if (valid) continue;
        expect(response.json().error.code, label).toBe('FORMS_SUBMISSION_INVALID');
        const browserDetails = detailsFromAjv('body.data', (root.errors ?? []) as ErrorObject[]);
        expect(sorted(browserDetails), label).toEqual(sorted(response.json().error.details));
        // Through RJSF, as the form runs it: the answers are refused in the browser too.
        expect(browser.validateFormData(structuredClone(data), sample.schema as RJSFSchema).errors.length, label).toBeGreaterThan(0);
      }
    }
  });

  it('holds a function for every condition and option of the schema, so RJSF decides what to show with the server’s code', async () => {
    const { schema } = { schema: playgroundSamples.ifThenElse.schema as { allOf: { if?: RJSFSchema }[] } & RJSFSchema };
    const formId = await publishedForm(tenant.admin, tenant, schema, 'conditions');
    const functions = await importServed((await tenant.admin.get(validatorUrl(formId))).body);
    for (const part of schema.allOf) if (part.if) expect(functions[hashForSchema(part.if)]).toBeTypeOf('function');
    const browser = createPrecompiledValidator(functions, schema);
    const shown = (data: Record<string, unknown>) =>
      Object.keys((retrieveSchema(browser, schema, schema, data).properties ?? {}) as object).sort();
    expect(shown({ animal: 'Cat' })).toEqual(['animal', 'food']);
    expect(shown({ animal: 'Fish' })).toEqual(['animal', 'food', 'water']);
  });

  it('is generated quickly even for recursive schemas (RJSF’s own schema parser would recurse for minutes)', async () => {
    const formId = await publishedForm(tenant.admin, tenant, playgroundSamples.references.schema, 'recursive');
    const started = Date.now();
    expect((await tenant.admin.get(validatorUrl(formId))).statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is not generated from an $id that would break out of the code comment ajv writes it into (409; the server still checks saves)', async () => {
    const schema = {
      type: 'object',
      definitions: { a: { $id: 'a*/globalThis.hacked=1;/*', type: 'string' } },
      properties: { a: { $ref: '#/definitions/a' } },
    };
    const formId = await publishedForm(tenant.admin, tenant, schema, 'id');
    const response = await tenant.admin.get(validatorUrl(formId));
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.code).toBe('FORMS_VALIDATOR_UNAVAILABLE');
    expect((await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data: { a: 1 } })).statusCode).toBe(
      400,
    );
  });

  it('is only for those who may read the version', async () => {
    const formId = await publishedForm(tenant.admin, tenant, householdSchema, '无权');
    const anonymous = platform.client();
    expect((await anonymous.get(validatorUrl(formId))).statusCode).toBe(401);
  });

  it('refuses answers to fields hidden by a condition not met, drafts too, naming each; the browser rules drop exactly those', async () => {
    const formId = await publishedForm(tenant.admin, tenant, conditionalSchema, '条件');
    const browser = createPrecompiledValidator(
      await importServed((await tenant.admin.get(validatorUrl(formId))).body),
      conditionalSchema as RJSFSchema,
    );
    const check = (schema: Record<string, unknown>, value: unknown) =>
      browser.isValid(schema as RJSFSchema, value, conditionalSchema as RJSFSchema);
    const submit = (data: Record<string, unknown>, draft = false) =>
      tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data, draft });

    const hidden = {
      cause: 'illness',
      causeOther: '写了又改了主意',
      cardNo: '6222',
      members: [
        { name: '王一', working: false, employer: '砖厂' },
        { name: '王二', working: true, employer: '茶厂' },
      ],
    };
    for (const draft of [false, true]) {
      const refused = await submit(hidden, draft);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.details).toEqual(
        expect.arrayContaining(
          ['body.data.causeOther', 'body.data.cardNo', 'body.data.members[0].employer'].map((path) => ({
            path,
            message: 'is not asked: the condition that shows this field is not met',
          })),
        ),
      );
      expect(refused.json().error.details).toHaveLength(3);
    }

    const pruned = withoutHiddenAnswers(conditionalSchema, hidden, check);
    expect(pruned).toEqual({
      cause: 'illness',
      members: [
        { name: '王一', working: false },
        { name: '王二', working: true, employer: '茶厂' },
      ],
    });
    expect((await submit(pruned)).statusCode).toBe(201);

    const shown = { cause: 'other', causeOther: '缺资金', card: true, cardNo: '6222' };
    expect(withoutHiddenAnswers(conditionalSchema, shown, check)).toBe(shown);
    expect((await submit(shown)).statusCode).toBe(201);
  });
});
