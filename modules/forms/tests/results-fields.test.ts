import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { enableForms } from '../../../tests/helpers/forms-fixtures.ts';
import { tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';

/** A form as the designer writes it: "show when" fields live only in `allOf[].then`. */
const disabilitySchema = {
  type: 'object',
  required: ['householder'],
  properties: {
    householder: { type: 'string', title: '户主姓名' },
    disabled: {
      type: 'string',
      title: '是否残疾',
      oneOf: [
        { const: 'yes', title: '是' },
        { const: 'no', title: '否' },
      ],
    },
    photos: { type: 'array', title: '入户照片', items: { type: 'string', format: 'uuid', 'x-ref': 'file' } },
    visitedAt: { type: 'string', title: '走访时间', format: 'date-time' },
  },
  allOf: [
    {
      if: { properties: { disabled: { const: 'yes' } }, required: ['disabled'] },
      then: {
        properties: {
          disabilityLevel: {
            type: 'string',
            title: '残疾等级',
            oneOf: [
              { const: 'level1', title: '一级' },
              { const: 'level2', title: '二级' },
            ],
          },
          care: { type: 'object', title: '照护', properties: { hours: { type: 'number', title: '每周照护小时' } } },
        },
        required: ['disabilityLevel'],
      },
    },
  ],
  propertyNames: { enum: ['householder', 'disabled', 'photos', 'visitedAt', 'disabilityLevel', 'care'] },
};

describe('forms: every answer, wherever the schema defines it, in the county time zone, with photos', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let photo: string;
  const url = (path: string) => `${tenant.base}/forms/forms/${formId}/${path}`;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-fields');
    await enableForms(tenant);
    const created = await tenant.admin.post(`${tenant.base}/forms/forms`, {
      name: '残疾户走访',
      category: '扶贫',
      schema: disabilitySchema,
      uiSchema: {},
    });
    expect(created.statusCode, created.body).toBe(201);
    formId = created.json().id;
    expect((await tenant.admin.post(url('publish'), {})).statusCode).toBe(201);
    photo = (await uploadFile(tenant.admin, tenant.base, '入户.png', tinyPng(), 'image/png')).json().id;
    const answers = [
      {
        householder: '张一',
        disabled: 'yes',
        disabilityLevel: 'level1',
        care: { hours: 10 },
        photos: [photo, photo],
        visitedAt: '2025-03-04T23:29:00Z',
      },
      { householder: '张二', disabled: 'yes', disabilityLevel: 'level2', care: { hours: 4 } },
      { householder: '李三', disabled: 'no' },
    ];
    for (const data of answers) {
      const response = await tenant.admin.post(url('submissions'), { version: 1, data });
      expect(response.statusCode, response.body).toBe(201);
    }
    // 07:29 in Beijing on 5 March is 23:29 UTC on the 4th.
    await platform
      .ownerQuery('forms_submission')
      .where({ tenant_id: tenant.id, form_id: formId })
      .update({ submitted_at: new Date('2025-03-04T23:29:00Z') });
  });
  afterAll(() => platform?.stop());

  it('lists the fields a condition shows (allOf then, nested in it) beside the top-level ones', async () => {
    const response = await tenant.admin.get(url('submissions'));
    expect(response.statusCode, response.body).toBe(200);
    const fields = response.json().fields as { name: string; kind: string }[];
    expect(fields.map((f) => f.name)).toEqual(['householder', 'disabled', 'photos', 'visitedAt', 'disabilityLevel', 'care.hours']);
    expect(fields.find((f) => f.name === 'photos')?.kind).toBe('file');
  });

  it('filters and sorts by a conditional answer', async () => {
    const filtered = await tenant.admin.get(url('submissions?filter[disabilityLevel]=level2'));
    expect(filtered.json().items.map((s: { data: { householder: string } }) => s.data.householder)).toEqual(['张二']);
    const ranged = await tenant.admin.get(url('submissions?filter[care.hours][gte]=5'));
    expect(ranged.json().items.map((s: { data: { householder: string } }) => s.data.householder)).toEqual(['张一']);
    const sorted = await tenant.admin.get(url('submissions?sort=care.hours&order=asc'));
    expect(sorted.statusCode, sorted.body).toBe(200);
    expect(sorted.json().items.map((s: { data: { householder: string } }) => s.data.householder)).toEqual(['张二', '张一', '李三']);
  });

  it('counts a conditional choice and number in the statistics', async () => {
    const response = await tenant.admin.get(url('statistics?fields=disabilityLevel,care.hours'));
    expect(response.statusCode, response.body).toBe(200);
    const [level, hours] = response.json().fields;
    expect(level.groups[0].options.map((o: { label: string; count: number }) => [o.label, o.count])).toEqual(
      expect.arrayContaining([
        ['一级', 1],
        ['二级', 1],
      ]),
    );
    expect(hours.groups[0]).toMatchObject({ count: 2, sum: 14 });
  });

  it('exports conditional answers, times as the county reads them, and a link per photo with the count', async () => {
    const response = await tenant.admin.get(url('submissions/export?sort=care.hours&order=desc'), { host: 'forms.example.gov.cn' });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('填报数据')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '编号',
      '版本',
      '单位',
      '填报人',
      '状态',
      '期次',
      '提交时间',
      '户主姓名',
      '是否残疾',
      '入户照片（数量）',
      '入户照片（链接）',
      '走访时间',
      '残疾等级',
      '每周照护小时',
    ]);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[7]).toBe('张一');
    expect(row[6]).toBe('2025-03-05 07:29');
    expect(row[9]).toBe(2);
    expect(row[10]).toBe(
      `http://forms.example.gov.cn/api/t/${tenant.slug}/files/${photo}\nhttp://forms.example.gov.cn/api/t/${tenant.slug}/files/${photo}`,
    );
    expect(row[11]).toBe('2025-03-05 07:29');
    expect(row[12]).toBe('一级');
    expect(row[13]).toBe(10);
  });
});
