import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../core/export/xlsx-reader.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { createScopedUser, type ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { detailPaths, enableForms, formsWorld, goodHousehold, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';

describe('forms: results list, filters, search, statistics and .xlsx export', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let villageHead: ScopedUser;
  const url = (path: string) => `${tenant.base}/forms/forms/${formId}/${path}`;
  const names = (response: { json(): { items: { data: { householder: string } }[] } }) =>
    response.json().items.map((s) => s.data.householder);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-results');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant);
    const world = await formsWorld(platform, tenant, { signIn: ['hongqi-clerk', 'xinhua-clerk'] });
    const [a, b] = [world.hongqiClerk, world.xinhuaClerk];
    // Reads the results of 红旗村 alone.
    villageHead = await createScopedUser(platform, tenant, {
      username: 'hq-head',
      unitId: world.units.hongqi.id,
      grants: [{ permission: 'forms.results', scope: 'own_unit' }],
    });
    const households = [
      [a, { householder: '张一', causes: ['因病'], mainCause: '因病', income: 3000, waterSafe: false, waterProblem: '井水浑浊' }],
      [a, { householder: '张二', causes: ['因病', '因学'], mainCause: '因学', income: 5000, waterSafe: true }],
      [a, { householder: '=1+2', causes: ['缺技术'], mainCause: '缺技术', income: 8000, waterSafe: true }],
      [b, { householder: '李一', causes: ['因残'], mainCause: '因残', income: 2000, waterSafe: false, waterProblem: '无自来水' }],
      [b, { householder: '李二', causes: ['因病'], mainCause: '因病', income: 6000, waterSafe: false, waterProblem: '水源远' }],
    ] as const;
    for (const [user, data] of households) {
      const response = await user.client.post(url('submissions'), { version: 1, data: { ...goodHousehold, ...data } });
      expect(response.statusCode, response.body).toBe(201);
    }
    await a.client.post(url('submissions'), { version: 1, data: { householder: '草稿户' }, draft: true });
  });
  afterAll(() => platform?.stop());

  it('lists submitted answers (never drafts), filtered by a choice, a yes/no, a multi-choice and a number range', async () => {
    expect(names(await tenant.admin.get(url('submissions?sort=income&order=asc')))).toEqual(['李一', '张一', '张二', '李二', '=1+2']);
    expect(names(await tenant.admin.get(url(`submissions?${encodeURI('filter[mainCause]=因病')}&sort=income&order=asc`)))).toEqual([
      '张一',
      '李二',
    ]);
    expect(
      names(await tenant.admin.get(url(`submissions?${encodeURI('filter[waterSafe]=false&filter[causes]=因病')}&sort=income`))),
    ).toEqual(['李二', '张一']);
    expect(
      names(await tenant.admin.get(url(`submissions?${encodeURI('filter[income][gte]=3000&filter[income][lte]=6000')}&sort=income`))),
    ).toEqual(['李二', '张二', '张一']);
  });

  it('searches any answer by substring, and pages with a cursor', async () => {
    expect(names(await tenant.admin.get(url(`submissions?q=${encodeURIComponent('自来水')}`)))).toEqual(['李一']);
    const first = (await tenant.admin.get(url('submissions?sort=income&order=asc&limit=2'))).json();
    const second = (await tenant.admin.get(url(`submissions?sort=income&order=asc&limit=2&cursor=${first.nextCursor}`))).json();
    expect([...first.items, ...second.items].map((s: { data: { householder: string } }) => s.data.householder)).toEqual([
      '李一',
      '张一',
      '张二',
      '李二',
    ]);
  });

  it('bad filters are a 400 naming the query parameter', async () => {
    expect(detailPaths(await tenant.admin.get(url(`submissions?${encodeURI('filter[nope]=1')}`)))).toEqual(['querystring.filter[nope]']);
    expect(detailPaths(await tenant.admin.get(url(`submissions?${encodeURI('filter[income]=many')}`)))).toEqual([
      'querystring.filter[income]',
    ]);
    expect(detailPaths(await tenant.admin.get(url('submissions?sort=nope')))).toEqual(['querystring.sort']);
    expect((await tenant.admin.get(url('submissions?bogus=1'))).statusCode).toBe(400);
  });

  it('a village head sees only the village’s submissions', async () => {
    expect(names(await villageHead.client.get(url('submissions?sort=income&order=asc')))).toEqual(['张一', '张二', '=1+2']);
    const stats = (await villageHead.client.get(url('statistics?fields=income'))).json();
    expect(stats.total).toBe(3);
  });

  it('counts per option and sums numbers, grouped by unit or by a choice field', async () => {
    const byUnit = (await tenant.admin.get(url('statistics?fields=waterSafe,income,causes&groupBy=unit'))).json();
    expect(byUnit.groups.map((g: { label: string; count: number }) => [g.label, g.count])).toEqual([
      ['红旗村', 3],
      ['新华村', 2],
    ]);
    const water = byUnit.fields.find((f: { name: string }) => f.name === 'waterSafe');
    expect(water.groups.find((g: { label: string }) => g.label === '新华村').options).toEqual([
      { value: 'true', label: '是', count: 0 },
      { value: 'false', label: '否', count: 2 },
    ]);
    const income = byUnit.fields.find((f: { name: string }) => f.name === 'income');
    expect(income.groups.find((g: { label: string }) => g.label === '红旗村')).toMatchObject({
      count: 3,
      sum: 16000,
      avg: 5333.33,
      min: 3000,
      max: 8000,
    });
    const causes = byUnit.fields
      .find((f: { name: string }) => f.name === 'causes')
      .groups.find((g: { label: string }) => g.label === '红旗村').options;
    expect(causes.find((o: { value: string }) => o.value === '因病').count).toBe(2);

    const byCause = (
      await tenant.admin.get(url(`statistics?fields=waterSafe&groupBy=mainCause&${encodeURI('filter[waterSafe]=false')}`))
    ).json();
    expect(byCause.total).toBe(3);
    expect(byCause.groups.map((g: { key: string; count: number }) => [g.key, g.count]).sort()).toEqual([
      ['因残', 1],
      ['因病', 2],
    ]);
    expect(detailPaths(await tenant.admin.get(url('statistics?groupBy=householder')))).toEqual(['querystring.groupBy']);
  });

  it('exports the filtered list and the statistics to .xlsx, formulas written as text', async () => {
    const list = await tenant.admin.get(url(`submissions/export?sort=income&order=asc&${encodeURI('filter[income][gte]=5000')}`));
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-disposition']).toContain('.xlsx');
    const sheet = (await readXlsx(list.rawPayload)).get('填报数据');
    expect(sheet?.rows.map((r) => r.cells['户主姓名'])).toEqual(['张二', '李二', '=1+2']);
    expect(sheet?.rows[0].cells['致贫原因']).toBe('因病、因学');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(list.rawPayload as unknown as ExcelJS.Buffer);
    const formulaCell = workbook.getWorksheet('填报数据')?.getRow(4).getCell(8);
    expect(formulaCell?.formula).toBeUndefined();
    expect(formulaCell?.value).toBe("'=1+2");

    const stats = await tenant.admin.get(url('statistics/export?fields=income,mainCause&groupBy=unit'));
    const sheets = await readXlsx(stats.rawPayload);
    expect([...sheets.keys()]).toEqual(['汇总', '1-人均纯收入（元）', '2-主要致贫原因']);
    expect(sheets.get('1-人均纯收入（元）')?.rows.map((r) => [r.cells['分组'], r.cells['合计']])).toEqual([
      ['红旗村', '16000'],
      ['新华村', '8000'],
    ]);
  });

  it('writes the statistics workbook in English when the request asks for it (lang, or Accept-Language)', async () => {
    const sheetsOf = async (response: { rawPayload: Buffer }) => readXlsx(response.rawPayload);
    const english = await tenant.admin.get(url('statistics/export?fields=income,waterSafe&lang=en'));
    expect(english.statusCode).toBe(200);
    expect(english.headers['content-disposition']).toContain('statistics.xlsx');
    const sheets = await sheetsOf(english);
    expect([...sheets.keys()]).toEqual(['Summary', '1-人均纯收入（元）', '2-饮水安全']);
    expect(sheets.get('Summary')?.rows.map((r) => [r.cells.Group, r.cells.Submissions])).toEqual([['All', '5']]);
    expect(Object.keys(sheets.get('1-人均纯收入（元）')?.rows[0].cells ?? {})).toEqual([
      'Group',
      'Answered',
      'Sum',
      'Average',
      'Min',
      'Max',
    ]);
    expect(sheets.get('2-饮水安全')?.rows[0].cells).toMatchObject({ Group: 'All', Yes: '2', No: '3' });

    const byHeader = await sheetsOf(
      await tenant.admin.get(url('statistics/export?fields=income&groupBy=unit'), { 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.8' }),
    );
    expect(byHeader.get('Summary')?.rows.map((r) => r.cells.Group)).toEqual(['红旗村', '新华村']);
    const chinese = await sheetsOf(
      await tenant.admin.get(url('statistics/export?fields=income'), { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }),
    );
    expect(chinese.get('汇总')?.rows.map((r) => [r.cells['分组'], r.cells['份数']])).toEqual([['全部', '5']]);
    expect((await tenant.admin.get(url('statistics/export?lang=fr'))).statusCode).toBe(400);
  });

  it('names no grouping, no answer and no unit by a stable key with a null label, listed last', async () => {
    const whole = (await tenant.admin.get(url('statistics?fields=income'))).json();
    expect(whole.groups).toEqual([{ key: '', label: null, labelKey: 'all', count: 5 }]);
    // The admin belongs to no unit, and leaves housingSafe unanswered.
    const { housingSafe: _left, ...noHousing } = goodHousehold;
    expect((await tenant.admin.post(url('submissions'), { version: 1, data: { ...noHousing, householder: '无单位户' } })).statusCode).toBe(
      201,
    );
    const byUnit = (await tenant.admin.get(url('statistics?fields=housingSafe&groupBy=unit'))).json();
    expect(byUnit.groups.map((g: { label: string | null; labelKey?: string }) => g.label ?? g.labelKey)).toEqual([
      '红旗村',
      '新华村',
      'noUnit',
    ]);
    const options = byUnit.fields[0].groups.find((g: { labelKey?: string }) => g.labelKey === 'noUnit').options;
    expect(options).toContainEqual({ value: '', label: null, labelKey: 'unanswered', count: 1 });
    const byHousing = (await tenant.admin.get(url('statistics?fields=income&groupBy=housingSafe'))).json();
    expect(byHousing.groups.map((g: { key: string; label: string | null; labelKey?: string }) => [g.key, g.label, g.labelKey])).toEqual([
      ['true', '是', undefined],
      ['', null, 'unanswered'],
    ]);
  });
});
