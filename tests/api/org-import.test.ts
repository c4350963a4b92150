import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, createScopedUser, orgGrants } from '../helpers/org-fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNIT_HEADER = ['单位名称', '类型', '上级单位', '编码'];
const PERSON_HEADER = ['姓名', '手机号', '所属单位', '职务'];

/** An .xlsx made with exceljs the way a county clerk's spreadsheet would be. */
async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from((await book.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

describe('org import: a county loads its directory from a spreadsheet, all or nothing', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let root: { id: string };
  let hexi: { id: string };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('shifan', '示范县');
    root = await apiUnit(county.admin, county, { name: '示范县', kind: 'county', code: '371399' });
    hexi = await apiUnit(county.admin, county, { name: '河西镇', kind: 'town', parentId: root.id, code: 'HX' });
  });
  afterAll(() => platform?.stop());

  const importUrl = () => `${county.base}/org/import`;
  const send = (file: Buffer, client = county.admin) => client.post(importUrl(), file, { 'content-type': XLSX });
  const count = async (table: string) =>
    Number((await platform.ownerQuery(table).where({ tenant_id: county.id }).count<{ count: number }[]>('* as count'))[0].count);
  const snapshot = async () => ({
    units: await count('core_unit'),
    people: await count('core_person'),
    positions: await count('core_position'),
    audit: await count('core_audit_log'),
  });

  it('offers a template with both sheets, their header rows and an example row, as an attachment', async () => {
    const response = await county.admin.get(`${importUrl()}/template`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const values = (sheet: string, row: number) => (book.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    expect(values('单位', 1)).toEqual(UNIT_HEADER);
    expect(values('人员', 1)).toEqual(PERSON_HEADER);
    expect(values('单位', 2)).toEqual(['城关镇', '镇街', '示范县', '371321101']);
    expect(values('人员', 2)).toEqual(['张三', '13800000000', '示范县/城关镇', '镇长']);
  });

  it('the template itself imports cleanly into a county named 示范县', async () => {
    const template = (await county.admin.get(`${importUrl()}/template`)).rawPayload;
    const response = await send(template);
    expect(response.statusCode).toBe(200);
    expect(response.json().imported).toEqual({ units: 1, people: 1, positions: 1 });
    const people = (await county.admin.get(`${county.base}/org/people?q=${encodeURIComponent('张三')}`)).json().items;
    expect(people).toEqual([expect.objectContaining({ name: '张三', phone: '13800000000', unitName: '城关镇', positionName: '镇长' })]);
  });

  it('imports units in parent order whatever the row order, resolves parents by name path or code, and creates positions on demand', async () => {
    const before = await snapshot();
    const file = await workbook({
      单位: [
        UNIT_HEADER,
        ['南关村一网格', '网格', '示范县/河西镇/南关村', null],
        ['南关村', '村', 'HX', 'NG'],
        ['县督查室', '部门', '示范县', '371399-003'],
        ['北关社区', '社区', 'HX', null],
      ],
      人员: [
        PERSON_HEADER,
        ['赵网格', 13700000001, '示范县/河西镇/南关村/南关村一网格', '网格员'],
        ['钱督查', '13700000002', '371399-003', '督查专员'],
        ['孙村长', '137 0000 0003', 'NG', '网格员'],
        ['李无职', '13700000004', '示范县/河西镇', null],
      ],
    });
    const response = await send(file);
    expect(response.statusCode).toBe(200);
    expect(response.json().imported).toEqual({ units: 4, people: 4, positions: 2 });
    expect(await snapshot()).toMatchObject({
      units: before.units + 4,
      people: before.people + 4,
      positions: before.positions + 2,
      audit: before.audit + 1,
    });

    const units = (await county.admin.get(`${county.base}/org/units`)).json().items as {
      id: string;
      name: string;
      parentId: string;
      path: string;
      depth: number;
    }[];
    const byName = new Map(units.map((u) => [u.name, u]));
    const village = byName.get('南关村')!;
    const grid = byName.get('南关村一网格')!;
    expect(village).toMatchObject({ parentId: hexi.id, depth: 2, code: 'NG' });
    expect(grid).toMatchObject({ parentId: village.id, depth: 3, path: `${village.path}${grid.id}/` });
    expect(byName.get('县督查室')).toMatchObject({ parentId: root.id, kind: 'department' });

    const people = (await county.admin.get(`${county.base}/org/people?unitId=${hexi.id}&includeSubunits=true`)).json().items as {
      name: string;
      phone: string;
      unitName: string;
      positionName: string | null;
    }[];
    expect(people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '赵网格', phone: '13700000001', unitName: '南关村一网格', positionName: '网格员' }),
        expect.objectContaining({ name: '孙村长', phone: '13700000003', unitName: '南关村', positionName: '网格员' }),
        expect.objectContaining({ name: '李无职', unitName: '河西镇', positionName: null }),
      ]),
    );
    const [entry] = await platform
      .ownerQuery('core_audit_log')
      .where({ tenant_id: county.id, action: 'org.import' })
      .orderBy('at', 'desc')
      .limit(1);
    expect(entry.data).toMatchObject({ units: 4, people: 4, positions: 2 });
    expect(entry.data.unitIds).toContain(grid.id);
  });

  it('any bad row imports nothing: 400 ORG_IMPORT_INVALID naming each bad cell as sheet!row.column', async () => {
    await apiPerson(county.admin, county, { name: '已有人', unitId: hexi.id, phone: '13711111111' });
    const before = await snapshot();
    const file = await workbook({
      单位: [
        UNIT_HEADER,
        ['好村', '村', '示范县/河西镇', null], // row 2: fine on its own
        ['坏类型村', '市', '示范县/河西镇', null], // row 3: unknown kind
        ['河西镇', '镇街', '示范县', null], // row 4: exists already
        ['孤村', '村', '示范县/不存在镇', null], // row 5: unknown parent
        ['好村', '村', '示范县/河西镇', null], // row 6: twice in the file
        ['重码村', '村', 'HX', '371399'], // row 7: code taken
        [null, '村', 'HX', null], // row 8: no name
        ['东/西村', '村', 'HX', null], // row 9: a slash in the name
      ],
      人员: [
        PERSON_HEADER,
        ['好人', '13722222222', '示范县/河西镇/好村', '新职务'], // row 2: fine on its own
        ['坏号', '1234', 'HX', null], // row 3: bad phone
        ['无处', '13733333333', '示范县/无此单位', null], // row 4: unknown unit
        ['重号', '13722222222', 'HX', null], // row 5: phone twice in the file
        ['老号', '13711111111', 'HX', null], // row 6: phone of an existing person
        ['<script>', '13744444444', 'HX', null], // row 7: markup in the name
      ],
    });
    const response = await send(file);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('ORG_IMPORT_INVALID');
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual([
      '单位!3.类型',
      '单位!4.单位名称',
      '单位!5.上级单位',
      '单位!6.单位名称',
      '单位!7.编码',
      '单位!8.单位名称',
      '单位!9.单位名称',
      '人员!3.手机号',
      '人员!4.所属单位',
      '人员!5.手机号',
      '人员!6.手机号',
      '人员!7.姓名',
    ]);
    expect(error.details.every((d: { message: string }) => d.message.length > 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses files that are not workbooks, wrong content types and oversize bodies, naming the body', async () => {
    const garbage = await send(Buffer.from('this is not a zip file'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error).toMatchObject({ code: 'XLSX_INVALID', details: [{ path: 'body' }] });
    const json = await county.admin.post(importUrl(), { rows: [] });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.details[0].path).toBe('body');
    const noSheets = await send(await workbook({ Sheet1: [['a']] }));
    expect(noSheets.statusCode).toBe(400);
    expect(noSheets.json().error.code).toBe('ORG_IMPORT_INVALID');
    const missingColumn = await send(
      await workbook({
        人员: [
          ['姓名', '所属单位'],
          ['张', 'HX'],
        ],
      }),
    );
    expect(missingColumn.json().error.details.map((d: { path: string }) => d.path)).toEqual(['人员!1.手机号']);
    const huge = await send(Buffer.alloc(5 * 1024 * 1024 + 1));
    expect(huge.statusCode).toBe(413);
  });

  it('a town head may import into the town only: rows elsewhere are 403 and nothing is written', async () => {
    const chengguan = (await county.admin.get(`${county.base}/org/units?parentId=${root.id}`))
      .json()
      .items.find((u: { name: string }) => u.name === '城关镇');
    const head = await createScopedUser(platform, county, { username: 'hexi-head', unitId: hexi.id, grants: orgGrants('unit_subtree') });
    const before = await snapshot();
    const outside = await workbook({ 单位: [UNIT_HEADER, ['河西新村', '村', 'HX', null], ['城关新村', '村', '示范县/城关镇', null]] });
    const refused = await send(outside, head.client);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'ORG_OUT_OF_SCOPE', details: [{ path: '单位!3.上级单位' }] });
    expect(await snapshot()).toEqual(before);
    expect(chengguan).toBeDefined();

    const inside = await send(
      await workbook({
        单位: [UNIT_HEADER, ['河西新村', '村', 'HX', null]],
        人员: [PERSON_HEADER, ['新村民', '13755555555', '示范县/河西镇/河西新村', null]],
      }),
      head.client,
    );
    expect(inside.statusCode).toBe(200);
    expect(inside.json().imported).toEqual({ units: 1, people: 1, positions: 0 });
  });
});
