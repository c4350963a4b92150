import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedHumanCheck } from '../../../tests/helpers/human-check.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { gridWorld, photoOf, reportAt, type GridWorld } from './grid-world.ts';

/**
 * Reports of the same thing — same category, nearby, recent — are offered to the handler as likely
 * duplicates, nearest first; merging one into another takes it off the lists and keeps everyone
 * who reported it informed: the citizen's code shows the survivor, the grid worker is told, and
 * both hear when the survivor is resolved.
 */
describe('grid events: duplicates and merge', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: GridWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dupes');
    world = await gridWorld(platform, tenant, { duplicateRadiusMeters: 100, callbackPercent: 0 });
  });
  afterAll(() => platform?.stop());

  it('nearby reports of the same category are offered nearest first; far ones and other categories are not', async () => {
    const first = await reportAt(world, tenant, 117.615, 24.505);
    const near = await reportAt(world, tenant, 117.6152, 24.5051); // about 20 m away
    const farther = await reportAt(world, tenant, 117.6155, 24.5054); // about 70 m
    await reportAt(world, tenant, 117.618, 24.505); // about 300 m
    await reportAt(world, tenant, 117.615, 24.505, { categoryId: world.categories.noise });
    const response = await world.users.grid2.client.get(`${world.base}/events/${first.id}/duplicates`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { id: string; distanceMeters: number }[];
    expect(items.map((i) => i.id)).toEqual([near.id, farther.id]);
    expect(items[0].distanceMeters).toBeLessThan(items[1].distanceMeters);
  });

  it('merging points every reporter at the survivor, and they hear of its resolution', async () => {
    const survivor = await reportAt(world, tenant, 117.612, 24.502);
    const citizen = platform.client();
    const { code } = (
      await citizen.post(`${world.base}/public/events`, {
        categoryId: world.categories.streetVendor,
        description: '同一个摊位',
        location: { lon: 117.6121, lat: 24.5021 },
        phone: '13911112222',
        humanCheck: await solvedHumanCheck(citizen, tenant.slug),
      })
    ).json();
    const duplicate = (await world.users.grid2.client.get(`${world.base}/events?q=${code}`)).json().items[0];

    const merged = await world.users.grid2.client.post(`${world.base}/events/${duplicate.id}/merge`, { intoId: survivor.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoCode: survivor.code });
    expect((await citizen.get(`${world.base}/public/events/${code}`)).json()).toMatchObject({
      status: 'merged',
      mergedIntoCode: survivor.code,
    });
    expect((await world.users.grid2.client.get(`${world.base}/events/queue`)).json().items.map((e: { id: string }) => e.id)).not.toContain(
      duplicate.id,
    );
    const survivorPage = (await world.users.grid2.client.get(`${world.base}/events/${survivor.id}`)).json();
    expect(survivorPage.steps.at(-1)).toMatchObject({ action: 'merged_in', note: code });

    // Merging into itself, into a merged event, or twice is refused.
    expect((await world.users.grid2.client.post(`${world.base}/events/${survivor.id}/merge`, { intoId: survivor.id })).statusCode).toBe(
      400,
    );
    expect((await world.users.grid2.client.post(`${world.base}/events/${survivor.id}/merge`, { intoId: duplicate.id })).statusCode).toBe(
      400,
    );

    // Another grid worker's report of the same matter, merged too: resolving the survivor tells both reporters.
    const another = (
      await world.users.xincun.client.post(`${world.base}/events`, {
        categoryId: world.categories.streetVendor,
        description: '路过看到同一个摊位',
        location: { lon: 117.6122, lat: 24.5022 },
        photoIds: [await photoOf(world.users.xincun.client, tenant)],
      })
    ).json();
    expect((await world.users.grid2.client.post(`${world.base}/events/${another.id}/merge`, { intoId: survivor.id })).statusCode).toBe(200);
    await world.users.grid2.client.post(`${world.base}/events/${survivor.id}/accept`, {});
    const resolved = await world.users.grid2.client.post(`${world.base}/events/${survivor.id}/resolve`, {
      note: '已取缔',
      photoIds: [await photoOf(world.users.grid2.client, tenant)],
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const told = (userId: string) =>
      platform
        .ownerQuery('core_notification')
        .where({ tenant_id: tenant.id, user_id: userId, kind: 'grid-events.event.resolved' })
        .select('link');
    expect(await told(world.users.gridworker.userId)).toEqual([{ link: `/grid-events/events/${survivor.id}` }]);
    expect(await told(world.users.xincun.userId)).toEqual([{ link: `/grid-events/events/${survivor.id}` }]);
  });

  it('a grid worker of another grid neither sees the duplicates of an event nor merges into one they cannot see', async () => {
    const event = await reportAt(world, tenant, 117.6035, 24.5015);
    expect((await world.users.xincun.client.get(`${world.base}/events/${event.id}/duplicates`)).statusCode).toBe(404);
    const own = await reportAt(world, tenant, 117.605, 24.515);
    const refused = await world.users.xincun.client.post(`${world.base}/events/${own.id}/merge`, { intoId: event.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ path: 'body.intoId', message: expect.any(String) }]);
  });
});
