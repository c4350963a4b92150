import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { gridWorld, photoOf, reportAt, type GridWorld } from './grid-world.ts';

/**
 * The handling flow: the grid's handler hears of the event at once, accepts it, resolves it with a
 * photo; the grid worker who reported hears it was resolved; every step lands on the timeline
 * with who and when. Steps out of order are a 409, other units' events a 404, and a step the
 * caller's role does not give a 403.
 */
describe('grid events: handling an event to the end', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('donggang');
    world = await gridWorld(platform, tenant, { callbackPercent: 100 });
  });
  afterAll(() => platform?.stop());

  const inbox = async (userId: string, kind: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, user_id: userId, kind }).select('title', 'link');
  const post = (who: keyof GridWorld['users'], url: string, body?: unknown) =>
    world.users[who].client.post(`${world.base}${url}`, body ?? {});

  it('the grid’s handler is told in-app and by SMS at once, and sees it in the queue with what they may do', async () => {
    const event = await reportAt(world, tenant, 117.615, 24.505);
    expect(event.handlingUnit?.id).toBe(world.units.qianjin2);
    const notes = await inbox(world.users.grid2.userId, 'grid-events.event.arrived');
    expect(notes).toEqual([
      expect.objectContaining({ title: expect.stringContaining(`占道经营（${event.code}）`), link: `/grid-events/events/${event.id}` }),
    ]);
    const sms = await platform.ownerQuery('core_sms_outbox').where({ tenant_id: tenant.id, phone: '13800000002' }).select('body');
    expect(sms.length).toBe(1);
    const queue = await world.users.grid2.client.get(`${world.base}/events/queue`);
    expect(queue.json().items.map((e: { id: string }) => e.id)).toContain(event.id);
    const page = await world.users.grid2.client.get(`${world.base}/events/${event.id}`);
    expect(page.json().actions).toEqual(['accept', 'return']);
    // Another grid's worker neither sees it in the queue nor opens it.
    expect((await world.users.xincun.client.get(`${world.base}/events/queue`)).json().items).toEqual([]);
    expect((await world.users.xincun.client.get(`${world.base}/events/${event.id}`)).statusCode).toBe(404);
  });

  it('accept, then resolve with a note and a photo: the reporter is told, the timeline shows each step', async () => {
    const event = await reportAt(world, tenant, 117.615, 24.506);
    expect(
      (await post('grid2', `/events/${event.id}/resolve`, { note: '已劝离', photoIds: [await photoOf(world.users.grid2.client, tenant)] }))
        .statusCode,
    ).toBe(409);
    const accepted = await post('grid2', `/events/${event.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      actions: expect.arrayContaining(['start', 'resolve', 'requestExtension']),
    });

    const withoutPhoto = await post('grid2', `/events/${event.id}/resolve`, { note: '已劝离', photoIds: [] });
    expect(withoutPhoto.statusCode).toBe(400);
    expect(withoutPhoto.json().error.details[0].path).toBe('body.photoIds');

    const photo = await photoOf(world.users.grid2.client, tenant, 'after.png');
    const resolved = await post('grid2', `/events/${event.id}/resolve`, { note: '已劝离摊贩，路口恢复通行', photoIds: [photo] });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const view = resolved.json();
    expect(view).toMatchObject({
      status: 'resolved',
      resolutionNote: '已劝离摊贩，路口恢复通行',
      resolutionPhotos: [{ id: photo }],
      callbackStatus: 'drawn',
    });
    expect(view.steps.map((s: { action: string }) => s.action)).toEqual(['report', 'route', 'accept', 'resolve']);
    expect(view.steps[2]).toMatchObject({ actorName: '陈网格', fromStatus: 'reported', toStatus: 'accepted' });
    expect(await inbox(world.users.gridworker.userId, 'grid-events.event.resolved')).toHaveLength(1);

    // The resolution photo is readable by who sees the event, not by another grid's worker.
    expect((await world.users.gridworker.client.get(`${tenant.base}/files/${photo}`)).statusCode).toBe(200);
    expect((await world.users.xincun.client.get(`${tenant.base}/files/${photo}`)).statusCode).toBe(404);

    // A handler may not close; the town's manager closes and records the call-back.
    expect((await post('grid2', `/events/${event.id}/close`)).statusCode).toBe(403);
    const callback = await post('town', `/events/${event.id}/callback`, { result: 'satisfied', note: '群众表示满意' });
    expect(callback.statusCode, callback.body).toBe(200);
    const closed = await post('town', `/events/${event.id}/close`, { note: '核实已办结' });
    expect(closed.json()).toMatchObject({ status: 'closed', callbackResult: 'satisfied' });
  });

  it('a handler returns an event that is not theirs; the managers above are told; a manager routes it on', async () => {
    const event = await reportAt(world, tenant, 117.605, 24.509);
    const returned = await post('gridworker', `/events/${event.id}/return`, { reason: '属于城管职责' });
    expect(returned.json()).toMatchObject({ status: 'unassigned', handlingUnit: null });
    expect(await inbox(world.users.town.userId, 'grid-events.event.returned')).toHaveLength(1);
    // Still theirs to see (they reported it, it is in their grid), no longer theirs to handle.
    expect((await post('gridworker', `/events/${event.id}/return`, { reason: '再退' })).statusCode).toBe(409);
    const rerouted = await post('town', `/events/${event.id}/reroute`, { unitId: world.units.cityManagement, reason: '转城管局' });
    expect(rerouted.json()).toMatchObject({ status: 'reported', handlingUnit: { id: world.units.cityManagement }, level: 3 });
    expect(await inbox(world.users.citymgmt.userId, 'grid-events.event.arrived')).toHaveLength(1);
  });

  it('an extension asked by the handler and granted by a manager moves the resolve deadline', async () => {
    const event = await reportAt(world, tenant, 117.606, 24.501);
    await post('gridworker', `/events/${event.id}/accept`);
    const before = (await world.users.gridworker.client.get(`${world.base}/events/${event.id}`)).json().resolveDueAt;
    const asked = await post('gridworker', `/events/${event.id}/extension`, { hours: 12, reason: '需协调物业' });
    expect(asked.json()).toMatchObject({ extension: { hours: 12, reason: '需协调物业' } });
    expect((await post('gridworker', `/events/${event.id}/extension`, { hours: 1, reason: '再申请' })).statusCode).toBe(409);
    const granted = await post('town', `/events/${event.id}/extension/decision`, { approve: true });
    expect(granted.json().extension).toBeNull();
    expect(new Date(granted.json().resolveDueAt).getTime() - new Date(before).getTime()).toBe(12 * 3_600_000);
    expect(await inbox(world.users.gridworker.userId, 'grid-events.extension.decided')).toHaveLength(1);
  });

  it('a quick close records the matter handled on the spot, closed, with its photo and place', async () => {
    const event = await reportAt(world, tenant, 117.605, 24.515, { quick: { note: '现场劝导，已整改' } });
    expect(event.status).toBe('closed');
    const page = (await world.users.gridworker.client.get(`${world.base}/events/${event.id}`)).json();
    expect(page).toMatchObject({ quick: true, resolutionNote: '现场劝导，已整改', resolutionPhotos: [expect.any(Object)] });
    expect(page.steps.map((s: { action: string }) => s.action)).toEqual(['report', 'quick_close']);
    expect(await inbox(world.users.xincun.userId, 'grid-events.event.arrived')).toEqual([]);
  });

  it('lists filter by state, grid and overdue; the leader sees every event, the grid worker their own and their grid’s', async () => {
    const all = (await world.users.leader.client.get(`${world.base}/events?limit=200`)).json().items;
    expect(all.length).toBeGreaterThanOrEqual(5);
    const closed = (await world.users.leader.client.get(`${world.base}/events?status=closed`)).json().items;
    expect(closed.every((e: { status: string }) => e.status === 'closed')).toBe(true);
    const inGrid = (await world.users.leader.client.get(`${world.base}/events?gridUnitId=${world.units.qianjin2}`)).json().items;
    expect(inGrid.every((e: { gridUnit: { id: string } }) => e.gridUnit.id === world.units.qianjin2)).toBe(true);
    const overdue = (await world.users.leader.client.get(`${world.base}/events?overdue=true`)).json().items;
    expect(overdue).toEqual([]);
    const mine = (await world.users.gridworker.client.get(`${world.base}/events?limit=200`)).json().items;
    expect(mine.length).toBe(all.length); // they reported every one of them
    const other = (await world.users.xincun.client.get(`${world.base}/events?limit=200`)).json().items;
    expect(other.every((e: { gridUnit: { id: string } | null }) => e.gridUnit?.id === world.units.xincun1)).toBe(true);
    const first = await world.users.leader.client.get(`${world.base}/events?limit=2`);
    const second = await world.users.leader.client.get(`${world.base}/events?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().items[0].id).not.toBe(first.json().items[1].id);
    expect((await world.users.leader.client.get(`${world.base}/events?cursor=bad`)).statusCode).toBe(400);

    // Several states page through every matching event exactly once, newest first.
    const wanted = all
      .filter((e: { status: string }) => ['closed', 'unassigned', 'reported', 'accepted'].includes(e.status))
      .map((e: { id: string }) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${world.base}/events?status=closed&status=unassigned&status=reported&status=accepted&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const pageOf = (await world.users.leader.client.get(url)).json();
      seen.push(...pageOf.items.map((e: { id: string }) => e.id));
      cursor = pageOf.nextCursor;
    } while (cursor);
    expect(seen).toEqual(wanted);
  });
});
