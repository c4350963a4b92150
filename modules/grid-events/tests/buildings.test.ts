import { create } from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedHumanCheck } from '../../../tests/helpers/human-check.ts';
import type { TestClient } from '../../../tests/helpers/test-client.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { remindTenantVisits } from '../server/visit-reminder.jobs.ts';
import { gridWorld, photoOf, type GridWorld } from './grid-world.ts';

const DAY = 86_400_000;

interface Building {
  id: string;
  name: string;
  gridUnit: { id: string; name: string };
  households: number;
  overdue: number;
  qrToken: string;
  lon: number;
  lat: number;
}
interface Household {
  id: string;
  unitNo: number;
  floor: number;
  room: string;
  tags: string[];
  cadenceDays: number | null;
  visitDueAt: string | null;
  lastVisitedAt: string | null;
  overdue: boolean;
}

/** The dark modules an SVG path of building-qr.ts draws, as "row,col" of the symbol (quiet zone taken off). */
function darkModulesOf(svg: string): Set<string> {
  const d = /<path transform="[^"]*" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const dark = new Set<string>();
  for (const [, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
    for (let col = Number(x); col < Number(x) + Number(width); col++) dark.add(`${Number(y) - 4},${col - 4}`);
  return dark;
}

/** The dark modules of the code qrcode makes for a text, at the level the server uses. */
function expectedModules(text: string): Set<string> {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const dark = new Set<string>();
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.add(`${row},${col}`);
  return dark;
}

const unescapeXml = (text: string) => text.replaceAll('&amp;', '&');

/**
 * Donggang's floor models: a building of a grid has units × floors × households; grid workers tag
 * households and visit them at the cadence of their tags; overdue visits are listed (oldest
 * first) and reminded to the grid's workers once per due date; a building's printed QR code opens
 * the public report page, and a report from it lands on the building's grid.
 */
describe('grid events: buildings, households and visits', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;
  let citizen: TestClient;
  let tower: Building;
  const at = (path: string) => `${world.base}${path}`;
  const newBuilding = (body: Record<string, unknown>, client?: TestClient) =>
    (client ?? world.users.center.client).post(at('/buildings'), {
      address: '前进路 8 号',
      unitCount: 3,
      floorCount: 6,
      householdsPerFloor: 2,
      ...body,
    });
  const households = async (buildingId: string, client = world.users.grid2.client): Promise<Household[]> => {
    const response = await client.get(at(`/buildings/${buildingId}/households`));
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };
  const room = (list: Household[], unitNo: number, name: string) => list.find((h) => h.unitNo === unitNo && h.room === name)!;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('donggang-buildings');
    world = await gridWorld(platform, tenant, { callbackPercent: 0, visitCadenceDays: { 残疾人: 3 } });
    citizen = platform.client();
  });
  afterAll(() => platform?.stop());

  it('a manager adds a building: its grid found by the polygon, its households laid out as 1单元-3层-301; generating again keeps them', async () => {
    const response = await newBuilding({ name: '翠园3号楼', location: { lon: 117.615, lat: 24.505 } });
    expect(response.statusCode, response.body).toBe(201);
    tower = response.json();
    expect(tower).toMatchObject({
      name: '翠园3号楼',
      gridUnit: { id: world.units.qianjin2, name: '前进第二网格' },
      unitCount: 3,
      floorCount: 6,
      householdsPerFloor: 2,
      households: 36,
      overdue: 0,
    });
    expect(tower.qrToken).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);

    const list = await households(tower.id);
    expect(list).toHaveLength(36);
    expect(list.slice(0, 4).map((h) => `${h.unitNo}单元-${h.floor}层-${h.room}`)).toEqual([
      '1单元-1层-101',
      '1单元-1层-102',
      '1单元-2层-201',
      '1单元-2层-202',
    ]);
    expect(list.at(-1)).toMatchObject({ unitNo: 3, floor: 6, room: '602', tags: [], cadenceDays: null, overdue: false });

    const again = await world.users.center.client.post(at(`/buildings/${tower.id}/households/generate`));
    expect(again.json()).toEqual({ created: 0, existing: 36 });
    // A seventh floor: only its rooms are added; the others keep their ids.
    expect((await world.users.center.client.patch(at(`/buildings/${tower.id}`), { floorCount: 7 })).json()).toMatchObject({
      floorCount: 7,
    });
    expect((await world.users.center.client.post(at(`/buildings/${tower.id}/households/generate`))).json()).toEqual({
      created: 6,
      existing: 36,
    });
    const grown = await households(tower.id);
    expect(grown).toHaveLength(42);
    expect(room(grown, 1, '101').id).toBe(room(list, 1, '101').id);
    expect(room(grown, 2, '702')).toMatchObject({ floor: 7 });
  });

  it('a named grid wins over the polygon; a place in no grid, a grid outside the manager’s scope, a name taken, too many households: 4xx', async () => {
    const named = await newBuilding({
      name: '新村1号楼',
      location: { lon: 117.605, lat: 24.501 },
      gridUnitId: world.units.xincun1,
      unitCount: 1,
      floorCount: 2,
    });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ gridUnit: { id: world.units.xincun1 }, households: 4 });

    const nowhere = await newBuilding({ name: '田间小屋', location: { lon: 117.65, lat: 24.55 } });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error).toMatchObject({ code: 'GRID_BUILDING_INVALID', details: [{ path: 'body.location' }] });

    const outside = await newBuilding({ name: '城外楼', location: { lon: 118.5, lat: 25.5 } });
    expect(outside.json().error).toMatchObject({ code: 'GRID_LOCATION_OUTSIDE', details: [{ path: 'body.location' }] });

    const notGrid = await newBuilding({ name: '社区楼', location: { lon: 117.615, lat: 24.505 }, gridUnitId: world.units.qianjin });
    expect(notGrid.json().error).toMatchObject({ code: 'GRID_UNIT_INVALID', details: [{ path: 'body.gridUnitId' }] });

    const taken = await newBuilding({ name: '翠园3号楼', location: { lon: 117.612, lat: 24.502 } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details).toEqual([{ path: 'body.name', message: 'is taken in this grid' }]);

    const huge = await newBuilding({
      name: '巨楼',
      location: { lon: 117.612, lat: 24.502 },
      unitCount: 10,
      floorCount: 50,
      householdsPerFloor: 10,
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.details[0].path).toBe('body.householdsPerFloor');

    // Grid workers tag and visit, they do not lay out buildings.
    expect((await newBuilding({ name: '自建楼', location: { lon: 117.615, lat: 24.505 } }, world.users.grid2.client)).statusCode).toBe(403);
  });

  it('a grid worker sees the buildings and households of their grid only; a viewer of the county sees all', async () => {
    const mine = (await world.users.grid2.client.get(at('/buildings'))).json().items as Building[];
    expect(mine.map((b) => b.name)).toEqual(['翠园3号楼']);
    const theirs = (await world.users.gridworker.client.get(at('/buildings'))).json().items as Building[];
    expect(theirs).toEqual([]);
    expect((await world.users.gridworker.client.get(at(`/buildings/${tower.id}`))).statusCode).toBe(404);
    expect((await world.users.gridworker.client.get(at(`/buildings/${tower.id}/households`))).statusCode).toBe(404);
    const household = room(await households(tower.id), 1, '301');
    expect((await world.users.gridworker.client.patch(at(`/households/${household.id}`), { tags: ['出租'] })).statusCode).toBe(404);

    const county = (await world.users.leader.client.get(at('/buildings?limit=1'))).json();
    expect(county.items).toHaveLength(1);
    expect(county.nextCursor).toEqual(expect.any(String));
    const next = (await world.users.leader.client.get(at(`/buildings?limit=1&cursor=${county.nextCursor}`))).json();
    expect([county.items[0].name, next.items[0].name].sort()).toEqual(['新村1号楼', '翠园3号楼']);
    expect((await world.users.leader.client.get(at(`/buildings?gridUnitId=${world.units.xincun1}`))).json().items).toHaveLength(1);
    // A viewer reads, but tags nothing.
    expect((await world.users.leader.client.patch(at(`/households/${household.id}`), { tags: ['出租'] })).statusCode).toBe(403);
  });

  it('households carry tags, standard and the county’s own; the shortest cadence of the tags counts, and follows the config', async () => {
    const tags = (await world.users.grid2.client.get(at('/households/tags'))).json().items;
    expect(tags).toEqual(
      expect.arrayContaining([
        { tag: '独居老人', cadenceDays: 7, standard: true },
        { tag: '自住', cadenceDays: 0, standard: true },
        { tag: '残疾人', cadenceDays: 3, standard: false },
      ]),
    );
    const list = await households(tower.id);
    const before = Date.now();
    const elder = await world.users.grid2.client.patch(at(`/households/${room(list, 1, '301').id}`), {
      tags: ['独居老人', '出租'],
      notes: '王奶奶，82岁',
    });
    expect(elder.statusCode, elder.body).toBe(200);
    expect(elder.json()).toMatchObject({
      tags: ['独居老人', '出租'],
      notes: '王奶奶，82岁',
      cadenceDays: 7,
      lastVisitedAt: null,
      overdue: false,
    });
    // Never visited: due one cadence after it was tagged.
    const due = Date.parse(elder.json().visitDueAt);
    expect(due).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(due).toBeLessThanOrEqual(Date.now() + 7 * DAY);

    const own = await world.users.grid2.client.patch(at(`/households/${room(list, 1, '302').id}`), { tags: ['自住'] });
    expect(own.json()).toMatchObject({ cadenceDays: null, visitDueAt: null });
    const custom = await world.users.grid2.client.patch(at(`/households/${room(list, 2, '101').id}`), { tags: ['残疾人', '出租'] });
    expect(custom.json()).toMatchObject({ cadenceDays: 3 });
    const bad = await world.users.grid2.client.patch(at(`/households/${room(list, 2, '102').id}`), { tags: ['<b>'] });
    expect(bad.statusCode).toBe(400);

    // The county visits its elderly every 5 days from now on: every household's due date follows at the next read.
    const saved = await tenant.admin.put(`${tenant.base}/modules/grid-events/config`, {
      config: { callbackPercent: 0, visitCadenceDays: { 残疾人: 3, 独居老人: 5 } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const recomputed = room(await households(tower.id), 1, '301');
    expect(recomputed.cadenceDays).toBe(5);
    expect(Date.parse(recomputed.visitDueAt!)).toBe(due - 2 * DAY);
  });

  it('visits with photos move the due date; overdue households are listed oldest first, in the caller’s scope', async () => {
    const list = await households(tower.id);
    const elder = room(list, 1, '301'); // 独居老人: 5 days
    const renter = room(list, 3, '201');
    await world.users.grid2.client.patch(at(`/households/${renter.id}`), { tags: ['出租'] }); // 30 days

    const photo = await photoOf(world.users.grid2.client, tenant, 'visit.png');
    const visit = await world.users.grid2.client.post(at(`/households/${elder.id}/visits`), {
      note: '老人身体良好，已检查燃气',
      photoIds: [photo],
      visitedAt: new Date(Date.now() - 8 * DAY).toISOString(),
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json()).toMatchObject({ note: '老人身体良好，已检查燃气', visitorName: expect.any(String), photos: [{ id: photo }] });
    await world.users.grid2.client.post(at(`/households/${renter.id}/visits`), {
      visitedAt: new Date(Date.now() - 40 * DAY).toISOString(),
    });
    // A visit written up late, older than the latest, moves nothing.
    await world.users.grid2.client.post(at(`/households/${elder.id}/visits`), { visitedAt: new Date(Date.now() - 20 * DAY).toISOString() });

    const overdue = (await world.users.grid2.client.get(at('/visits/overdue'))).json().items;
    expect(overdue.map((h: Household) => h.id)).toEqual([renter.id, elder.id]);
    expect(overdue[0]).toMatchObject({
      building: { id: tower.id, name: '翠园3号楼' },
      gridUnit: { id: world.units.qianjin2 },
      overdueDays: 10,
      overdue: true,
    });
    expect(overdue[1]).toMatchObject({ cadenceDays: 5, overdueDays: 3 });
    const paged = (await world.users.grid2.client.get(at('/visits/overdue?limit=1'))).json();
    expect(paged.items.map((h: Household) => h.id)).toEqual([renter.id]);
    const second = (await world.users.grid2.client.get(at(`/visits/overdue?limit=1&cursor=${paged.nextCursor}`))).json();
    expect(second).toMatchObject({ items: [{ id: elder.id }], nextCursor: null });
    expect((await world.users.grid2.client.get(at(`/visits/overdue?tag=${encodeURIComponent('独居老人')}`))).json().items).toHaveLength(1);
    expect((await world.users.grid2.client.get(at(`/buildings/${tower.id}`))).json()).toMatchObject({ overdue: 2 });
    // The grid next door sees none of them; the county's viewer sees both.
    expect((await world.users.gridworker.client.get(at('/visits/overdue'))).json().items).toEqual([]);
    expect((await world.users.leader.client.get(at('/visits/overdue'))).json().items).toHaveLength(2);

    // The photos: readable by whoever sees the household, by nobody else.
    expect((await world.users.leader.client.get(`${tenant.base}/files/${photo}`)).statusCode).toBe(200);
    expect((await world.users.gridworker.client.get(`${tenant.base}/files/${photo}`)).statusCode).toBe(404);
    const visits = (await world.users.grid2.client.get(at(`/households/${elder.id}/visits`))).json().items;
    expect(visits.map((v: { note: string }) => v.note)).toEqual(['老人身体良好，已检查燃气', '']);

    const future = await world.users.grid2.client.post(at(`/households/${elder.id}/visits`), {
      visitedAt: new Date(Date.now() + DAY).toISOString(),
    });
    expect(future.json().error).toMatchObject({ code: 'GRID_VISIT_INVALID', details: [{ path: 'body.visitedAt' }] });
  });

  it('the grid’s workers are reminded of each overdue household once per due date, across runs and days', async () => {
    const reminders = () =>
      platform
        .ownerQuery('core_notification')
        .where({ tenant_id: tenant.id, kind: 'grid-events.visit.overdue' })
        .orderBy('created_at')
        .select('user_id', 'title', 'body', 'link');
    const run = (at: number) => remindTenantVisits(platform.jobContext('grid-events'), tenant.id, new Date(at));
    const now = Date.now();

    expect(await run(now)).toBe(2);
    expect(await run(now)).toBe(0);
    let sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      user_id: world.users.grid2.userId,
      title: '走访提醒：前进第二网格有 2 户到期未走访',
      link: `/grid-events/visits?gridUnitId=${world.units.qianjin2}`,
    });
    expect(sent[0].body).toContain('翠园3号楼 3-201');
    expect(sent[0].body).toContain('翠园3号楼 1-301');

    // The next days: still overdue, never reminded again for the same due date.
    expect(await run(now + DAY)).toBe(0);
    expect(await run(now + 2 * DAY)).toBe(0);
    expect(await reminders()).toHaveLength(1);

    // Visited today, the elder is due again in 5 days: that new due date is reminded once, with the
    // disabled neighbour (tagged today, due in 3) whose first due date has come meanwhile.
    const elder = room(await households(tower.id), 1, '301');
    expect((await world.users.grid2.client.post(at(`/households/${elder.id}/visits`), { note: '再次走访' })).statusCode).toBe(201);
    expect(await run(now + 6 * DAY)).toBe(2);
    expect(await run(now + 6 * DAY + 3_600_000)).toBe(0);
    expect(await run(now + 7 * DAY)).toBe(0);
    sent = await reminders();
    expect(sent).toHaveLength(2);
    expect(sent[1].title).toBe('走访提醒：前进第二网格有 2 户到期未走访');
    // Nobody else of the county hears of it.
    expect(new Set(sent.map((n) => n.user_id))).toEqual(new Set([world.users.grid2.userId]));
    const ledger = await platform.ownerQuery('core_reminder').where({ tenant_id: tenant.id, module: 'grid-events', kind: 'visit_overdue' });
    expect(ledger).toHaveLength(4);

    // New cadences make new due dates, each told once; going back to a due date already told tells nothing.
    const cadences = (elderDays: number) =>
      tenant.admin.put(`${tenant.base}/modules/grid-events/config`, {
        config: { callbackPercent: 0, visitCadenceDays: { 残疾人: 3, 独居老人: elderDays } },
      });
    expect((await cadences(6)).statusCode).toBe(200);
    expect(await run(now + 7 * DAY)).toBe(1);
    expect((await cadences(5)).statusCode).toBe(200);
    expect(await run(now + 7 * DAY + 3_600_000)).toBe(0);
    expect(await reminders()).toHaveLength(3);
  });

  it('a QR code per building or per unit encodes the public report URL with the building’s token; a sheet prints many on A4', async () => {
    const url = `http://localhost:80/public/t/${tenant.slug}/grid-events/report?building=${tower.qrToken}`;
    const single = await world.users.grid2.client.get(at(`/buildings/${tower.id}/qr.svg`));
    expect(single.statusCode, single.body).toBe(200);
    expect(single.headers['content-type']).toContain('image/svg+xml');
    expect(single.headers['content-security-policy']).toContain("default-src 'none'");
    expect(unescapeXml(single.body)).toContain(`<desc>${url}</desc>`);
    expect(single.body).toContain('翠园3号楼');
    expect(darkModulesOf(single.body)).toEqual(expectedModules(url));

    const unit = await world.users.grid2.client.get(at(`/buildings/${tower.id}/qr.svg?unit=2`));
    expect(darkModulesOf(unit.body)).toEqual(expectedModules(`${url}&unit=2`));
    expect(unit.body).toContain('2单元');
    expect((await world.users.grid2.client.get(at(`/buildings/${tower.id}/qr.svg?unit=4`))).statusCode).toBe(400);
    expect((await world.users.gridworker.client.get(at(`/buildings/${tower.id}/qr.svg`))).statusCode).toBe(404);

    // One code per unit (a sticker at each unit's door): three units, one page.
    const sheet = await world.users.center.client.get(at(`/buildings/qr-sheet.svg?gridUnitId=${world.units.qianjin2}`));
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.headers['x-page-count']).toBe('1');
    expect(sheet.body).toContain('width="210mm" height="297mm"');
    for (const n of [1, 2, 3]) expect(unescapeXml(sheet.body)).toContain(`<desc>${url}&unit=${n}</desc>`);
    const perBuilding = await world.users.center.client.get(at('/buildings/qr-sheet.svg?per=building&lang=en'));
    expect((perBuilding.body.match(/<desc>/g) ?? []).length).toBe(2);
    expect(perBuilding.body).toContain('Scan to report a problem');
    expect((await world.users.center.client.get(at('/buildings/qr-sheet.svg?page=2'))).statusCode).toBe(400);

    // The county's public address, once configured, is what the codes carry.
    await tenant.admin.put(`${tenant.base}/modules/grid-events/config`, {
      config: { callbackPercent: 0, visitCadenceDays: { 残疾人: 3, 独居老人: 5 }, publicBaseUrl: 'https://wg.example.gov.cn' },
    });
    const configured = await world.users.grid2.client.get(at(`/buildings/${tower.id}/qr.svg`));
    expect(unescapeXml(configured.body)).toContain(
      `<desc>https://wg.example.gov.cn/public/t/${tenant.slug}/grid-events/report?building=${tower.qrToken}</desc>`,
    );
  });

  it('the public lookup of a scanned code shows the building, nothing of its households', async () => {
    const response = await citizen.get(at(`/public/buildings/${tower.qrToken}`));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ name: '翠园3号楼', address: '前进路 8 号', lon: 117.615, lat: 24.505, unitCount: 3 });
    expect(response.body).not.toContain('独居老人');
    expect((await citizen.get(at('/public/buildings/0000000000AAAAAAAAAA'))).statusCode).toBe(404);
    expect((await citizen.get(at('/public/buildings/not-a-token'))).statusCode).toBe(400);
  });

  it('a report from a scanned code lands on the building’s grid, at the building, with its unit', async () => {
    const report = async (body: Record<string, unknown>) =>
      citizen.post(at('/public/events'), {
        categoryId: world.categories.noise,
        description: '楼上深夜装修噪音',
        phone: '13912340000',
        humanCheck: await solvedHumanCheck(citizen, tenant.slug),
        ...body,
      });
    const response = await report({ buildingToken: tower.qrToken, buildingUnit: 2 });
    expect(response.statusCode, response.body).toBe(201);
    const event = await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id, code: response.json().code }).first();
    expect(event).toMatchObject({
      building_id: tower.id,
      building_unit: '2',
      lon: 117.615,
      lat: 24.505,
      grid_unit_id: world.units.qianjin2,
      handling_unit_id: world.units.qianjin2,
      address: '前进路 8 号 翠园3号楼 2单元',
    });

    // The building placed by hand in 新村网格 though its point lies in 前进第一网格: its events go to 新村网格.
    const byHand = (await world.users.leader.client.get(at(`/buildings?gridUnitId=${world.units.xincun1}`))).json().items[0] as Building;
    const handPlaced = await report({ buildingToken: byHand.qrToken, location: { lon: 117.6051, lat: 24.5011 } });
    expect(handPlaced.statusCode, handPlaced.body).toBe(201);
    expect(await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id, code: handPlaced.json().code }).first()).toMatchObject({
      building_id: byHand.id,
      building_unit: null,
      lon: 117.6051,
      handling_unit_id: world.units.xincun1,
    });

    const noUnit = await report({ buildingToken: tower.qrToken, buildingUnit: 4 });
    expect(noUnit.json().error).toMatchObject({ code: 'GRID_BUILDING_INVALID', details: [{ path: 'body.buildingUnit' }] });
    const unknown = await report({ buildingToken: '0000000000AAAAAAAAAA' });
    expect(unknown.json().error).toMatchObject({ code: 'GRID_BUILDING_NOT_FOUND', details: [{ path: 'body.buildingToken' }] });
    const nowhere = await report({});
    expect(nowhere.json().error).toMatchObject({ code: 'GRID_LOCATION_MISSING', details: [{ path: 'body.location' }] });

    // A grid worker picks the building in the app.
    const photo = await photoOf(world.users.gridworker.client, tenant);
    const worker = await world.users.gridworker.client.post(at('/events'), {
      categoryId: world.categories.streetVendor,
      description: '楼道堆放杂物',
      buildingId: tower.id,
      buildingUnit: 1,
      photoIds: [photo],
    });
    expect(worker.statusCode, worker.body).toBe(201);
    expect(worker.json()).toMatchObject({ gridUnit: { id: world.units.qianjin2 }, address: '前进路 8 号 翠园3号楼 1单元' });
  });

  it('a building where visits were recorded or events reported stays; an unused one goes with its households', async () => {
    const refused = await world.users.center.client.delete(at(`/buildings/${tower.id}`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('GRID_BUILDING_IN_USE');

    const spare = (await newBuilding({ name: '待拆楼', location: { lon: 117.611, lat: 24.501 }, unitCount: 1, floorCount: 1 })).json();
    expect((await world.users.town.client.delete(at(`/buildings/${spare.id}`))).statusCode).toBe(204);
    expect(await platform.ownerQuery('grid_household').where({ tenant_id: tenant.id, building_id: spare.id })).toEqual([]);
    expect((await world.users.center.client.get(at(`/buildings/${spare.id}`))).statusCode).toBe(404);
  });
});
