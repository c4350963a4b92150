import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashForSchema, type RJSFSchema } from '@rjsf/utils';
import type { ErrorObject } from 'ajv';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths, enableForms } from '../../../tests/helpers/forms-fixtures.ts';
import { validatorRequire } from '../../../admin-ui/src/components/rjsf/validator-runtime.ts';

/** What the designer's presets write: RE2-safe patterns, and a format for each check character. */
const presetSchema = {
  type: 'object',
  properties: {
    idCard: {
      type: 'string',
      title: '身份证号',
      pattern: '^\\d{17}[\\dX]$',
      format: 'cn-id-card',
      maxLength: 18,
      'x-pattern-message': '身份证号有误',
    },
    mobile: { type: 'string', title: '手机号', pattern: '^1[3-9]\\d{9}$' },
    landline: { type: 'string', title: '座机', pattern: '^0\\d{2,3}-?\\d{7,8}$' },
    postcode: { type: 'string', title: '邮政编码', pattern: '^\\d{6}$' },
    creditCode: {
      type: 'string',
      title: '统一社会信用代码',
      pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
      format: 'cn-uscc',
    },
  },
  additionalProperties: false,
};

const good = {
  idCard: '11010519491231002X',
  mobile: '13912345678',
  landline: '0533-1234567',
  postcode: '255000',
  creditCode: '91350100M000100Y43',
};
// Each the right shape, with a wrong check character (or birth date): only the format catches them.
const wrong = {
  idCard: '110105194912310021',
  mobile: '12912345678',
  landline: '533-1234567',
  postcode: '25500',
  creditCode: '91350100M000100Y44',
};

describe('forms: pattern presets (身份证号 with GB 11643 check digit, 统一社会信用代码 with GB 32100 check character) on server and browser', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-presets');
    await enableForms(tenant);
    const created = await tenant.admin.post(`${tenant.base}/forms/forms`, { name: '企业与人员登记', schema: presetSchema, uiSchema: {} });
    expect(created.statusCode, created.body).toBe(201);
    formId = created.json().id;
    expect((await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/publish`, {})).statusCode).toBe(201);
  });
  afterAll(() => platform?.stop());

  it('the server refuses an ID card or credit code whose check character is wrong, naming each field, and accepts right ones', async () => {
    const refused = await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data: wrong });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(new Set(detailPaths(refused))).toEqual(
      new Set(['body.data.idCard', 'body.data.mobile', 'body.data.landline', 'body.data.postcode', 'body.data.creditCode']),
    );
    expect(refused.json().error.details).toContainEqual({ path: 'body.data.idCard', message: 'must match format "cn-id-card"' });
    // A wrong birth date with a fitting check digit is no ID number either (2月30日).
    const badDate = await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, {
      version: 1,
      data: { idCard: '110105194902300012' },
    });
    expect(badDate.statusCode).toBe(400);
    const accepted = await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data: good });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('the browser validator module checks the same check characters with the same code', async () => {
    const served = await tenant.admin.get(`${tenant.base}/forms/forms/${formId}/versions/1/validator.js`);
    expect(served.statusCode, served.body).toBe(200);
    const module = (await import(`data:text/javascript;base64,${Buffer.from(served.body).toString('base64')}`)) as {
      default: (require: typeof validatorRequire) => ValidatorFunctions;
    };
    const root = module.default(validatorRequire)[hashForSchema(presetSchema as RJSFSchema)] as ((data: unknown) => boolean) & {
      errors?: ErrorObject[] | null;
    };
    expect(root(good)).toBe(true);
    expect(root(wrong)).toBe(false);
    expect(root.errors?.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/creditCode format',
      '/idCard format',
      '/landline pattern',
      '/mobile pattern',
      '/postcode pattern',
    ]);
  });
});
