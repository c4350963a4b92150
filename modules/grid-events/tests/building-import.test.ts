import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { toWgs84 } from '../server/geo.ts';
import { gridWorld, type GridWorld } from './grid-world.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['楼栋名称', '地址', '经度', '纬度', '坐标系', '网格', '单元数', '层数', '每层户数'];

/** A building sheet as a community clerk fills it in. */
async function workbook(rows: (string | number)[][], header = HEADER): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('楼栋');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A county's floor models from a spreadsheet: all or nothing, each error naming its row and column,
 * each building in the grid its row names or its place lies in, its households laid out.
 */
describe('grid events: buildings imported from an .xlsx', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;
  const send = (file: Buffer, query = '', client = world.users.town.client) =>
    client.post(`${world.base}/buildings/import${query}`, file, { 'content-type': XLSX });
  const count = (table: string) =>
    platform
      .ownerQuery(table)
      .where({ tenant_id: tenant.id })
      .count({ n: '*' })
      .first()
      .then((r) => Number(r?.n));

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('donggang-import');
    world = await gridWorld(platform, tenant, { callbackPercent: 0 });
  });
  afterAll(() => platform?.stop());

  it('offers a template in either language', async () => {
    const response = await world.users.town.client.get(`${world.base}/buildings/import-template?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0].getRow(1).values).toEqual([
      undefined,
      'Building',
      'Address',
      'Longitude',
      'Latitude',
      'Coordinates',
      'Grid',
      'Units',
      'Floors',
      'Households per floor',
    ]);
  });

  it('any bad row: a 400 naming rows[n].<column>, and nothing is saved', async () => {
    const file = await workbook([
      ['翠园1号楼', '翠园路1号', '117.615', '24.505', '', '', 2, 6, 2],
      ['翠园2号楼', '', 'abc', '24.505', '', '', 2, 6, 2],
      ['翠园3号楼', '', '117.615', '24.505', '', '不存在的网格', 2, 6, 2],
      ['', '', '117.615', '24.505', '', '', 2, 6, 2],
      ['田间小屋', '', '117.65', '24.55', '', '', 1, 1, 1],
      ['翠园1号楼', '', '117.611', '24.501', '', '', 1, 1, 1],
      ['城外楼', '', '118.5', '25.5', '', '', 1, 1, 1],
      ['塔楼', '', '117.615', '24.505', '', '', 0, 6, 2],
      ['远村楼', '', '117.615', '24.515', '', 'xincun-1', 1, 2, 2],
    ]);
    const response = await send(file, '', world.users.town.client);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('GRID_IMPORT_INVALID');
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'rows[3].经度',
      'rows[5].楼栋名称',
      'rows[9].单元数',
      'rows[4].网格',
      'rows[6].网格',
      'rows[7].楼栋名称',
      'rows[8].经度',
    ]);
    expect(await count('grid_building')).toBe(0);
    expect(await count('grid_household')).toBe(0);
  });

  it('only managers import', async () => {
    // 郑社区 handles 前进社区's events and manages nothing.
    expect(
      (await send(await workbook([['甲楼', '', '117.615', '24.505', '', '', 1, 1, 1]]), '', world.users.community.client)).statusCode,
    ).toBe(403);
  });

  it('a good sheet: buildings in the grid named or holding their place, households laid out; a dry run saves nothing', async () => {
    const file = await workbook([
      ['翠园1号楼', '翠园路1号', '117.615', '24.505', 'WGS-84', '', 2, 6, 2],
      ['新村5号楼', '新村路5号', '117.605', '24.501', '', 'xincun-1', 1, 3, 2],
      ['翠园2号楼', '', '117.619', '24.504', 'GCJ-02', '', 1, 2, 1],
    ]);
    const dry = await send(file, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, buildings: 3, households: 24 + 6 + 2 });
    expect(await count('grid_building')).toBe(0);

    const done = await send(file);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ dryRun: false, buildings: 3, households: 32 });
    const buildings = (await world.users.center.client.get(`${world.base}/buildings?limit=10`)).json().items;
    const byName = Object.fromEntries(buildings.map((b: { name: string }) => [b.name, b]));
    expect(byName['翠园1号楼']).toMatchObject({ gridUnit: { id: world.units.qianjin2 }, households: 24, address: '翠园路1号' });
    expect(byName['新村5号楼']).toMatchObject({ gridUnit: { id: world.units.xincun1 }, households: 6 });
    // GCJ-02 (a phone map's coordinates) is converted before the grid is looked up and the place stored.
    const wgs84 = toWgs84(117.619, 24.504, 'gcj02');
    expect(byName['翠园2号楼']).toMatchObject({ gridUnit: { id: world.units.qianjin2 } });
    expect(byName['翠园2号楼'].lon).toBeCloseTo(wgs84.lon, 9);
    expect(byName['翠园2号楼'].lat).toBeCloseTo(wgs84.lat, 9);

    // The same file again: each name is taken in its grid now.
    const again = await send(file);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'rows[2].楼栋名称',
      'rows[3].楼栋名称',
      'rows[4].楼栋名称',
    ]);
  });

  it('a file that is not a workbook, or lacks a required column: 400', async () => {
    const notXlsx = await world.users.town.client.post(`${world.base}/buildings/import`, Buffer.from('hello'), { 'content-type': XLSX });
    expect(notXlsx.statusCode).toBe(400);
    const missing = await send(await workbook([['翠园9号楼', '', '117.615']], ['楼栋名称', '地址', '经度']));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'columns.纬度',
      'columns.单元数',
      'columns.层数',
      'columns.每层户数',
    ]);
  });
});
