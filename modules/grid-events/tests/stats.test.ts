import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { gridWorld, photoOf, reportAt, type GridWorld } from './grid-world.ts';

const HOUR = 3_600_000;

/**
 * Statistics measure outcomes — hours to accept and to resolve, the share resolved on time,
 * satisfaction, the share reopened — by grid, community or category, over the events the reader
 * sees, with an .xlsx of the same numbers.
 */
describe('grid events: outcome statistics', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;
  let period: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('stats-county');
    world = await gridWorld(platform, tenant, { callbackPercent: 0, reopenAtOrBelowRating: 2 });
    period = `from=${new Date(Date.now() - 6 * HOUR).toISOString()}&to=${new Date(Date.now() + HOUR).toISOString()}`;

    // 前进第二网格: two events; one accepted after 1 h and resolved after 3 h, on time; one left open.
    const done = await reportAt(world, tenant, 117.615, 24.505);
    await reportAt(world, tenant, 117.616, 24.506);
    await world.users.grid2.client.post(`${world.base}/events/${done.id}/accept`, {});
    const photo = await photoOf(world.users.grid2.client, tenant);
    await world.users.grid2.client.post(`${world.base}/events/${done.id}/resolve`, { note: '已处理', photoIds: [photo] });
    const created = Date.now() - 3 * HOUR;
    await platform
      .ownerQuery('grid_event')
      .where({ tenant_id: tenant.id, id: done.id })
      .update({ created_at: new Date(created), accepted_at: new Date(created + HOUR), rating: 4, rated_at: new Date() });
    // 新村网格: one quick close, resolved at once.
    await reportAt(world, tenant, 117.605, 24.515, { quick: { note: '现场处理' } });
  });
  afterAll(() => platform?.stop());

  it('by grid: counts, median hours, share on time and satisfaction, with a total', async () => {
    const response = await world.users.leader.client.get(`${world.base}/stats?by=grid&${period}`);
    expect(response.statusCode, response.body).toBe(200);
    const { total, rows } = response.json();
    expect(total).toMatchObject({ reported: 3, resolved: 2, open: 1, rated: 1, satisfaction: 4, onTimeShare: 1, reopenShare: 0 });
    const qianjin2 = rows.find((r: { id: string }) => r.id === world.units.qianjin2);
    expect(qianjin2).toMatchObject({ name: '前进第二网格', reported: 2, resolved: 1, open: 1, acceptHoursMedian: 1 });
    expect(qianjin2.resolveHoursMedian).toBeCloseTo(3, 0);
    expect(rows.find((r: { id: string }) => r.id === world.units.xincun1)).toMatchObject({ reported: 1, resolved: 1, open: 0 });
  });

  it('by community and by category', async () => {
    const byCommunity = (await world.users.leader.client.get(`${world.base}/stats?by=community&${period}`)).json().rows;
    expect(byCommunity.map((r: { name: string; reported: number }) => [r.name, r.reported])).toEqual([
      ['前进社区', 2],
      ['新村社区', 1],
    ]);
    const byCategory = (await world.users.leader.client.get(`${world.base}/stats?by=category&${period}`)).json().rows;
    expect(byCategory).toEqual([expect.objectContaining({ name: '占道经营', reported: 3 })]);
  });

  it('a grid worker’s numbers cover only the events they see', async () => {
    const { total } = (await world.users.xincun.client.get(`${world.base}/stats?by=grid&${period}`)).json();
    expect(total.reported).toBe(1);
  });

  it('the workbook holds the same numbers, the total last; a reversed or too long period is a 400', async () => {
    const response = await world.users.leader.client.get(`${world.base}/stats/export?by=grid&lang=zh-CN&${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('网格');
    const last = sheet.getRow(sheet.rowCount);
    expect([last.getCell(1).value, last.getCell(2).value]).toEqual(['合计', 3]);
    const reversed = await world.users.leader.client.get(
      `${world.base}/stats?from=${new Date().toISOString()}&to=${new Date(Date.now() - HOUR).toISOString()}`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0].path).toBe('querystring.to');
  });
});
