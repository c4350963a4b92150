import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedHumanCheck } from '../../../tests/helpers/human-check.ts';
import { multipartBody, tinyPdf, tinyPng } from '../../../tests/helpers/multipart.ts';
import type { TestClient } from '../../../tests/helpers/test-client.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { gridWorld, photoOf, type GridWorld } from './grid-world.ts';

/**
 * Citizens without an account: they report on the public page behind a human check, with photos
 * and a phone number, get a tracking code, follow the event by it and rate it when resolved; a low
 * rating reopens it. The public side lists nothing, shows no names or phones, and a code is the
 * only key: another citizen's report cannot be read without its code.
 */
describe('grid events: the citizens’ public pages', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;
  let citizen: TestClient;
  let publicBase: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('zhangzhou-public');
    world = await gridWorld(platform, tenant, { publicReportsPerPhonePerDay: 3, callbackPercent: 0 });
    citizen = platform.client();
    publicBase = `${world.base}/public`;
  });
  afterAll(() => platform?.stop());

  const publicPhoto = async (content = tinyPng(3), type = 'image/png', name = 'photo.png') => {
    const { payload, contentType } = multipartBody([{ name: 'file', filename: name, contentType: type, content }]);
    return citizen.request('POST', `${publicBase}/photos`, payload, { 'content-type': contentType });
  };
  const report = async (body: Record<string, unknown> = {}) =>
    citizen.post(`${publicBase}/events`, {
      categoryId: world.categories.streetVendor,
      description: '小区门口有人占道摆摊',
      location: { lon: 117.615, lat: 24.505, address: '前进路 12 号' },
      phone: '13912345678',
      name: '王女士',
      humanCheck: await solvedHumanCheck(citizen, tenant.slug),
      ...body,
    });

  it('a citizen reports with a photo and gets a tracking code; the event reaches the grid’s handler', async () => {
    expect((await citizen.get(`${publicBase}/categories`)).json().items.map((c: { name: string }) => c.name)).toEqual([
      '占道经营',
      '噪音扰民',
    ]);
    const photo = await publicPhoto();
    expect(photo.statusCode, photo.body).toBe(201);
    const response = await report({ photoIds: [photo.json().id] });
    expect(response.statusCode, response.body).toBe(201);
    const { code } = response.json();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

    const followed = await citizen.get(`${publicBase}/events/${code}`);
    expect(followed.json()).toMatchObject({
      code,
      category: '占道经营',
      status: 'reported',
      canRate: false,
      photos: [{ id: photo.json().id }],
    });
    expect(followed.body).not.toContain('13912345678');
    expect(followed.body).not.toContain('陈网格');
    expect((await citizen.get(`${publicBase}/events/${code}/photos/${photo.json().id}`)).statusCode).toBe(200);

    const queue = (await world.users.grid2.client.get(`${world.base}/events/queue`)).json().items;
    const event = queue.find((e: { code: string }) => e.code === code);
    expect(event).toMatchObject({ source: 'citizen', handlingUnit: { id: world.units.qianjin2 } });
    const page = (await world.users.grid2.client.get(`${world.base}/events/${event.id}`)).json();
    expect(page).toMatchObject({ reporterName: '王女士', reporterPhone: '13912345678' });
  });

  it('without a solved human check, with a replayed one, or with a file that is not a photo: 4xx and nothing written', async () => {
    const count = async () =>
      Number((await platform.ownerQuery('grid_event').where({ tenant_id: tenant.id }).count<{ count: string }[]>('id as count'))[0].count);
    const before = await count();
    const check = await solvedHumanCheck(citizen, tenant.slug);
    const forged = { ...check, solution: { ...check.solution, counter: check.solution.counter + 1 } };
    const refused = await report({ humanCheck: forged });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'HUMAN_CHECK_FAILED', details: [{ path: 'body.humanCheck' }] });
    expect((await report({ humanCheck: check, phone: '13900000011' })).statusCode).toBe(201);
    expect((await report({ humanCheck: check, phone: '13900000012' })).statusCode).toBe(400);
    expect(await count()).toBe(before + 1);

    const pdf = await publicPhoto(tinyPdf(), 'application/pdf', 'x.pdf');
    expect(pdf.statusCode).toBe(415);
    // A file of the county's (uploaded by staff) cannot be slipped into a public report.
    const staffFile = await photoOf(world.users.center.client, tenant);
    const hijack = await report({ phone: '13900000013', photoIds: [staffFile] });
    expect(hijack.statusCode).toBe(400);
    expect(hijack.json().error.details).toEqual([{ path: 'body.photoIds[0]', message: expect.any(String) }]);
  });

  it('one phone reports at most the county’s number a day (429 naming the phone)', async () => {
    const phone = '13700000000';
    for (let i = 0; i < 3; i++) expect((await report({ phone })).statusCode).toBe(201);
    const fourth = await report({ phone });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.details).toEqual([{ path: 'body.phone', message: expect.any(String) }]);
  });

  it('a report cannot be found without its code; a made-up code is a 404', async () => {
    expect((await citizen.get(`${publicBase}/events/ABCDEFGH12`)).statusCode).toBe(404);
    expect((await citizen.get(`${publicBase}/events/not-a-code`)).statusCode).toBe(400);
    expect((await citizen.get(`${world.base}/events`)).statusCode).toBe(401);
  });

  it('rated when resolved; a low rating reopens the event for its handler, a good one keeps it resolved', async () => {
    const { code } = (await report({ phone: '13600000001' })).json();
    const event = (await world.users.grid2.client.get(`${world.base}/events?q=${code}`)).json().items[0];
    expect((await citizen.post(`${publicBase}/events/${code}/rating`, { rating: 5 })).statusCode).toBe(409);
    await world.users.grid2.client.post(`${world.base}/events/${event.id}/accept`, {});
    const resolve = async () =>
      world.users.grid2.client.post(`${world.base}/events/${event.id}/resolve`, {
        note: '已处理',
        photoIds: [await photoOf(world.users.grid2.client, tenant)],
      });
    expect((await resolve()).statusCode).toBe(200);
    expect((await citizen.get(`${publicBase}/events/${code}`)).json()).toMatchObject({
      status: 'resolved',
      canRate: true,
      resolutionNote: '已处理',
    });

    const low = await citizen.post(`${publicBase}/events/${code}/rating`, { rating: 1, comment: '摊贩第二天又来了' });
    expect(low.statusCode, low.body).toBe(200);
    expect(low.json()).toMatchObject({ status: 'in_progress', canRate: false });
    const reopened = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, user_id: world.users.grid2.userId, kind: 'grid-events.event.reopened' });
    expect(reopened).toHaveLength(1);

    expect((await resolve()).statusCode).toBe(200);
    const good = await citizen.post(`${publicBase}/events/${code}/rating`, { rating: 5, comment: '满意' });
    expect(good.json()).toMatchObject({ status: 'resolved', rating: 5, canRate: false });
    expect((await citizen.post(`${publicBase}/events/${code}/rating`, { rating: 4 })).statusCode).toBe(409);
    const page = (await world.users.grid2.client.get(`${world.base}/events/${event.id}`)).json();
    expect(page).toMatchObject({ reopenCount: 1, rating: 5 });
  });

  it('citizens are texted on the phone they left: when their report is merged into another, and when the matter is resolved', async () => {
    const sms = (phone: string) =>
      platform.ownerQuery('core_sms_outbox').where({ tenant_id: tenant.id, phone }).orderBy('created_at').pluck('body');
    const first = (await report({ phone: '13600000021' })).json().code as string;
    const second = (await report({ phone: '13600000022', description: '门口又有人摆摊' })).json().code as string;
    const find = async (code: string) =>
      (await world.users.grid2.client.get(`${world.base}/events?q=${code}`)).json().items[0] as { id: string };
    const [survivor, duplicate] = [await find(first), await find(second)];
    const merged = await world.users.grid2.client.post(`${world.base}/events/${duplicate.id}/merge`, { intoId: survivor.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await sms('13600000022')).toEqual([expect.stringContaining(`编号 ${first} 查看进度`)]);
    await world.users.grid2.client.post(`${world.base}/events/${survivor.id}/accept`, {});
    const resolved = await world.users.grid2.client.post(`${world.base}/events/${survivor.id}/resolve`, {
      note: '已劝离',
      photoIds: [await photoOf(world.users.grid2.client, tenant)],
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await sms('13600000021')).toEqual([expect.stringContaining(`编号 ${first}）已办结：已劝离`)]);
    expect((await sms('13600000022')).at(-1)).toContain(`编号 ${second}）已办结`);
  });

  it('the public page’s map settings: the county’s tiles, the extent it takes reports in and its centre, the photo limit', async () => {
    const tileUrl = 'https://t0.tianditu.gov.cn/DataServer?T=vec_w&l={z}&x={x}&y={y}&tk=demo';
    const configured = await tenant.admin.put(`${tenant.base}/modules/grid-events/config`, {
      config: { publicReportsPerPhonePerDay: 3, callbackPercent: 0, tileUrl, maxPhotos: 4 },
    });
    expect(configured.statusCode, configured.body).toBe(200);
    // Without bounds: the grids' extent with a 0.05° margin.
    const boxes: number[][] = (await tenant.admin.get(`${world.base}/areas`)).json().items.map((a: { bbox: number[] }) => a.bbox);
    const grids = [
      Math.min(...boxes.map((b) => b[0])) - 0.05,
      Math.min(...boxes.map((b) => b[1])) - 0.05,
      Math.max(...boxes.map((b) => b[2])) + 0.05,
      Math.max(...boxes.map((b) => b[3])) + 0.05,
    ];
    const settings = await citizen.get(`${publicBase}/settings`);
    expect(settings.statusCode, settings.body).toBe(200);
    const body = settings.json();
    expect(Object.keys(body).sort()).toEqual(['center', 'extent', 'maxPhotos', 'tileUrl']);
    expect(body).toMatchObject({ tileUrl, maxPhotos: 4 });
    body.extent.forEach((value: number, i: number) => expect(value).toBeCloseTo(grids[i], 6));
    expect(body.center[0]).toBeCloseTo((grids[0] + grids[2]) / 2, 6);
    expect(body.center[1]).toBeCloseTo((grids[1] + grids[3]) / 2, 6);

    const bounds = { minLon: 117.5, minLat: 24.4, maxLon: 117.8, maxLat: 24.7 };
    await tenant.admin.put(`${tenant.base}/modules/grid-events/config`, {
      config: { publicReportsPerPhonePerDay: 3, callbackPercent: 0, tileUrl, maxPhotos: 4, bounds },
    });
    const bounded = (await citizen.get(`${publicBase}/settings`)).json();
    expect(bounded.extent).toEqual([117.5, 24.4, 117.8, 24.7]);
    expect(bounded.center[0]).toBeCloseTo(117.65, 9);
    expect(bounded.center[1]).toBeCloseTo(24.55, 9);
    // Another county's address serves that county's settings, never these.
    expect((await citizen.get(`/api/t/no-such-county/grid-events/public/settings`)).statusCode).toBe(404);
  });

  it('a county that closes its public page refuses reports (403) and lists no categories', async () => {
    const saved = await tenant.admin.put(`${tenant.base}/modules/grid-events/config`, { config: { publicReports: false } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await citizen.get(`${publicBase}/categories`)).statusCode).toBe(403);
    expect((await citizen.get(`${publicBase}/settings`)).statusCode).toBe(403);
    expect((await report({ phone: '13500000001' })).statusCode).toBe(403);
  });
});
