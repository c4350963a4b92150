import { expect } from 'vitest';
import type { ScopedUser } from './org-fixtures.ts';
import type { TestClient } from './test-client.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';
import { applyWorld, namedAccounts } from './test-world.ts';

/** The Jiazhou "因户施策" household form: choices, numbers, yes/no, a date, a photo, a condition and a repeating group. */
export const householdSchema = {
  type: 'object',
  required: ['householder', 'causes', 'mainCause', 'income', 'waterSafe'],
  additionalProperties: false,
  properties: {
    householder: { type: 'string', title: '户主姓名', minLength: 1, maxLength: 20 },
    idCard: { type: 'string', title: '身份证号', pattern: '^\\d{17}[\\dX]$' },
    causes: {
      type: 'array',
      title: '致贫原因',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: ['因病', '因学', '因残', '缺技术', '缺劳力'] },
    },
    mainCause: { type: 'string', title: '主要致贫原因', enum: ['因病', '因学', '因残', '缺技术', '缺劳力'] },
    income: { type: 'number', title: '人均纯收入（元）', minimum: 0, maximum: 1000000 },
    waterSafe: { type: 'boolean', title: '饮水安全' },
    waterProblem: { type: 'string', title: '饮水问题说明', maxLength: 200 },
    housingSafe: { type: 'boolean', title: '住房安全' },
    visitDate: { type: 'string', title: '走访日期', format: 'date' },
    photo: { type: 'string', title: '入户照片', format: 'uuid', 'x-ref': 'file' },
    members: {
      type: 'array',
      title: '家庭成员',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string', maxLength: 20 }, age: { type: 'integer', minimum: 0, maximum: 120 } },
      },
    },
  },
  // Unsafe drinking water must be explained.
  if: { required: ['waterSafe'], properties: { waterSafe: { const: false } } },
  then: { required: ['waterProblem'] },
} as const;

/** The household form with a repeating group whose rows have a relation (户主/配偶/子女). */
export const familySchema = {
  ...householdSchema,
  properties: {
    ...householdSchema.properties,
    members: {
      type: 'array',
      title: '家庭成员',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', title: '姓名' },
          relation: { type: 'string', title: '关系', enum: ['户主', '配偶', '子女'] },
          age: { type: 'integer', title: '年龄' },
        },
      },
    },
  },
};

export const householdUiSchema = {
  'ui:order': ['householder', '*'],
  causes: { 'ui:widget': 'checkboxes' },
  photo: { 'ui:widget': 'file-upload' },
};

export const goodHousehold = {
  householder: '王大山',
  causes: ['因病'],
  mainCause: '因病',
  income: 4200,
  waterSafe: true,
  housingSafe: true,
  visitDate: '2025-03-10',
  members: [{ name: '王小山', age: 12 }],
};

/** Creates a form and publishes it; returns its id. */
export async function publishedForm(
  client: TestClient,
  tenant: TestTenant,
  schema: unknown = householdSchema,
  name = '因户施策',
): Promise<string> {
  const created = await client.post(`${tenant.base}/forms/forms`, { name, category: '扶贫', schema, uiSchema: householdUiSchema });
  expect(created.statusCode, created.body).toBe(201);
  const published = await client.post(`${tenant.base}/forms/forms/${created.json().id}/publish`, {});
  expect(published.statusCode, published.body).toBe(201);
  return created.json().id;
}

export async function enableForms(tenant: TestTenant): Promise<void> {
  const response = await tenant.admin.post(`${tenant.base}/modules/forms/enable`);
  expect(response.statusCode, response.body).toBe(200);
}

export function detailPaths(response: { json(): { error: { details: { path: string }[] } } }): string[] {
  return response.json().error.details.map((d) => d.path);
}

/**
 * The county for forms tests (tests/fixtures/worlds/shizhong-county.json with forms-staff.json):
 * 九峰镇 has 红旗村, 新华村 and 石桥村, 白马镇 has 白马村. A clerk of 红旗村, 新华村 and 白马村 each
 * fills in for the village (forms.submit, own unit); nobody does for 石桥村. The heads of both
 * towns collect from and read the results of the town and its villages (unit_subtree).
 */
export interface FormsWorld {
  units: Record<'county' | 'jiufeng' | 'baima' | 'hongqi' | 'xinhua' | 'shiqiao' | 'baimaVillage', { id: string }>;
  hongqiClerk: ScopedUser;
  xinhuaClerk: ScopedUser;
  baimaClerk: ScopedUser;
  jiufengHead: ScopedUser;
  baimaHead: ScopedUser;
}

const FORMS_STAFF = {
  hongqiClerk: 'hongqi-clerk',
  xinhuaClerk: 'xinhua-clerk',
  baimaClerk: 'baima-clerk',
  jiufengHead: 'jiufeng-head',
  baimaHead: 'baima-head',
} as const;

/** The forms county, applied by the platform's own apply code; `signIn`: only these usernames (reading another then throws). */
export async function formsWorld(platform: TestPlatform, tenant: TestTenant, options: { signIn?: string[] } = {}): Promise<FormsWorld> {
  const { units, users } = await applyWorld(platform, tenant, ['shizhong-county.json', 'forms-staff.json'], options);
  const unit = (code: string) => ({ id: units[code].id });
  return Object.defineProperties(
    {
      units: {
        county: unit('county'),
        jiufeng: unit('jiufeng'),
        baima: unit('baima'),
        hongqi: unit('hongqi'),
        xinhua: unit('xinhua'),
        shiqiao: unit('shiqiao'),
        baimaVillage: unit('baimaVillage'),
      },
    },
    Object.getOwnPropertyDescriptors(namedAccounts(users, FORMS_STAFF)),
  ) as FormsWorld;
}
