import type { IsolationCase, IsolationSuite } from '../../../tests/helpers/cross-tenant.ts';
import { enableGridEvents, gridWorld, reportAt } from './grid-world.ts';

/** Grid-events routes: categories, grid polygons, events and their steps, buildings and households, the public pages, Open311 and its clients. */
export const gridEventsIsolation: IsolationSuite = {
  name: 'grid-events',
  async setup(platform, owner, intruder) {
    const world = await gridWorld(platform, owner);
    await enableGridEvents(intruder);
    const event = await reportAt(world, owner, 117.615, 24.505);
    const areas = (await owner.admin.get(`${world.base}/areas`)).json().items as { id: string }[];
    const id = { id: event.id };
    const category = { id: world.categories.noise };
    const area = { id: areas[0].id };
    const code = { code: event.code };
    const period = `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
    const issued = await owner.admin.post(`${world.base}/open311-clients`, { name: '甲县系统' });
    const open311Client = { id: issued.json().id as string };
    const filed = await owner.admin.request(
      'POST',
      `/open311/t/${owner.slug}/v2/requests.json`,
      new URLSearchParams({ api_key: issued.json().apiKey, service_code: 'noise', lat: '24.505', long: '117.615' }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    const open311Request = filed.json()[0].service_request_id as string;
    // A key of another county is refused like any wrong one (modules/grid-events/tests/open311.test.ts):
    // the intruder, holding none of the owner's, files nothing on either county.
    const open311Post = { api_key: 'o311_not-a-key-of-the-owner', service_code: 'noise', lat: 24.505, long: 117.615 };
    const created = await owner.admin.post(`${world.base}/buildings`, {
      name: '甲县楼',
      location: { lon: 117.615, lat: 24.505 },
      unitCount: 1,
      floorCount: 1,
      householdsPerFloor: 2,
    });
    const building = created.json() as { id: string; qrToken: string };
    const household = (await owner.admin.get(`${world.base}/buildings/${building.id}/households`)).json().items[0] as { id: string };
    await owner.admin.post(`${world.base}/households/${household.id}/visits`, { note: '甲县走访' });
    const buildingParams = { id: building.id };
    const householdParams = { id: household.id };
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/grid-events/categories' },
      {
        route: 'POST /api/t/:tenant/grid-events/categories',
        body: { name: '乙县分类', code: 'intruder', acceptHours: 1, resolveHours: 2 },
      },
      { route: 'PATCH /api/t/:tenant/grid-events/categories/:id', params: category, body: { name: '改名' } },
      { route: 'DELETE /api/t/:tenant/grid-events/categories/:id', params: category },
      { route: 'GET /api/t/:tenant/grid-events/areas' },
      {
        route: 'POST /api/t/:tenant/grid-events/areas',
        body: {
          unitId: world.units.qianjin1,
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      },
      { route: 'DELETE /api/t/:tenant/grid-events/areas/:id', params: area },
      {
        route: 'POST /api/t/:tenant/grid-events/areas/import',
        body: {
          collection: {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { code: 'qianjin-1' },
                geometry: {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [0, 0],
                      [1, 0],
                      [1, 1],
                      [0, 0],
                    ],
                  ],
                },
              },
            ],
          },
        },
      },
      {
        route: 'POST /api/t/:tenant/grid-events/events',
        body: { categoryId: world.categories.noise, description: '乙县', location: { lon: 117.61, lat: 24.5 }, photoIds: [event.id] },
      },
      { route: 'GET /api/t/:tenant/grid-events/events' },
      { route: 'GET /api/t/:tenant/grid-events/events/queue' },
      { route: 'GET /api/t/:tenant/grid-events/events/:id', params: id },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/accept', params: id },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/start', params: id },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/resolve', params: id, body: { note: '乙县', photoIds: [event.id] } },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/return', params: id, body: { reason: '乙县' } },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/reroute', params: id, body: { unitId: world.units.qianjin, reason: '乙县' } },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/extension', params: id, body: { hours: 2, reason: '乙县' } },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/extension/decision', params: id, body: { approve: true } },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/close', params: id, body: {} },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/callback', params: id, body: { result: 'satisfied' } },
      { route: 'GET /api/t/:tenant/grid-events/events/:id/duplicates', params: id },
      { route: 'POST /api/t/:tenant/grid-events/events/:id/merge', params: id, body: { intoId: event.id } },
      { route: 'GET /api/t/:tenant/grid-events/stats', query: period },
      { route: 'GET /api/t/:tenant/grid-events/stats/export', query: period },
      { route: 'GET /api/t/:tenant/grid-events/buildings' },
      {
        route: 'POST /api/t/:tenant/grid-events/buildings',
        body: { name: '乙县楼', location: { lon: 117.615, lat: 24.505 }, unitCount: 1, floorCount: 1, householdsPerFloor: 1 },
      },
      { route: 'GET /api/t/:tenant/grid-events/buildings/:id', params: buildingParams },
      { route: 'PATCH /api/t/:tenant/grid-events/buildings/:id', params: buildingParams, body: { name: '改名' } },
      { route: 'DELETE /api/t/:tenant/grid-events/buildings/:id', params: buildingParams },
      { route: 'POST /api/t/:tenant/grid-events/buildings/:id/households/generate', params: buildingParams },
      { route: 'GET /api/t/:tenant/grid-events/buildings/:id/households', params: buildingParams },
      { route: 'GET /api/t/:tenant/grid-events/buildings/:id/qr.svg', params: buildingParams },
      { route: 'GET /api/t/:tenant/grid-events/buildings/qr-sheet.svg', query: `buildingId=${building.id}` },
      { route: 'POST /api/t/:tenant/grid-events/buildings/import', body: {} },
      { route: 'GET /api/t/:tenant/grid-events/buildings/import-template' },
      { route: 'GET /api/t/:tenant/grid-events/households/tags' },
      { route: 'PATCH /api/t/:tenant/grid-events/households/:id', params: householdParams, body: { tags: ['出租'] } },
      { route: 'POST /api/t/:tenant/grid-events/households/:id/visits', params: householdParams, body: { note: '乙县' } },
      { route: 'GET /api/t/:tenant/grid-events/households/:id/visits', params: householdParams },
      { route: 'GET /api/t/:tenant/grid-events/visits/overdue', query: `buildingId=${building.id}` },
      { route: 'GET /api/t/:tenant/grid-events/public/buildings/:token', params: { token: building.qrToken }, public: { writes: [] } },
      // The public pages: anyone may use them on any county; a tracking code is the only key, and
      // the owner's code on the intruder's county finds nothing.
      { route: 'GET /api/t/:tenant/grid-events/public/categories', public: { writes: [] } },
      { route: 'GET /api/t/:tenant/grid-events/public/settings', public: { writes: [] } },
      { route: 'POST /api/t/:tenant/grid-events/public/photos', public: { writes: [] } },
      { route: 'POST /api/t/:tenant/grid-events/public/events', public: { writes: [] }, body: { categoryId: world.categories.noise } },
      { route: 'GET /api/t/:tenant/grid-events/public/events/:code', params: code, public: { writes: [] } },
      {
        route: 'GET /api/t/:tenant/grid-events/public/events/:code/photos/:fileId',
        params: { ...code, fileId: event.id },
        public: { writes: [] },
      },
      { route: 'POST /api/t/:tenant/grid-events/public/events/:code/rating', params: code, public: { writes: [] }, body: { rating: 5 } },
      { route: 'GET /api/t/:tenant/grid-events/open311-clients' },
      { route: 'POST /api/t/:tenant/grid-events/open311-clients', body: { name: '乙县系统' } },
      { route: 'POST /api/t/:tenant/grid-events/open311-clients/:id/revoke', params: open311Client, body: {} },
      // Open311 GeoReport v2: public like the citizens' pages (the services and the requests filed
      // through Open311 are open to anyone); only a key of the county files a request.
      { route: 'GET /open311/t/:tenant/v2/discovery.json', public: { writes: [] } },
      { route: 'GET /open311/t/:tenant/v2/services.json', public: { writes: [] } },
      { route: 'GET /open311/t/:tenant/v2/services/:code.json', params: { code: 'street-vendor' }, public: { writes: [] } },
      { route: 'GET /open311/t/:tenant/v2/requests.json', public: { writes: [] } },
      { route: 'POST /open311/t/:tenant/v2/requests.json', body: open311Post, public: { writes: [] } },
      { route: 'GET /open311/t/:tenant/v2/requests/:id.json', params: { id: open311Request }, public: { writes: [] } },
      { route: 'GET /open311/t/:tenant/v2/tokens/:token.json', params: { token: open311Request }, public: { writes: [] } },
      ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ route: `${method} /open311/t/:tenant/*`, public: { writes: [] } })),
    ];
    return cases;
  },
};
