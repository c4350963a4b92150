import { AppError, type RoutePlugin } from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { publicSettingsRoute } from '../schemas/public.schema.ts';
import { requirePublicReports } from './public.service.ts';
import { countyExtent } from './routing.ts';

/** Per client address a minute: a page loading it once passes; a script hammering it gets 429. */
const READS_PER_MINUTE = 60;

/**
 * The public report page's map settings (no sign-in): where to centre, what tiles to draw, how
 * many photos to offer — so a citizen whose phone refuses its location picks the place on a map.
 * Only what the county publishes anyway: nothing of its grids, people or events.
 */
export const publicSettingsRoutes: RoutePlugin = async (app) => {
  const limit = app.rateLimit({
    max: READS_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, GRID_ERRORS.RATE_LIMITED, `Too many requests from this address; try again in ${context.after}`),
  });
  app.get('/public/settings', { schema: publicSettingsRoute, config: { public: true }, onRequest: limit }, async (request) => {
    await requirePublicReports(request.db);
    const config = await gridEventsConfig(request.db);
    const extent = await countyExtent(request.db, config);
    const [minLon, minLat, maxLon, maxLat] = extent;
    return {
      tileUrl: config.tileUrl,
      extent,
      center: [(minLon + maxLon) / 2, (minLat + maxLat) / 2],
      maxPhotos: config.maxPhotos,
    };
  });
};
