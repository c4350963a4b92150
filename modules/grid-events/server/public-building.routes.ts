import { AppError, notFound, type RoutePlugin } from '../../../core/module-kit.ts';
import { publicBuildingRoute } from '../schemas/building.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type { BuildingRow } from './building-access.ts';
import { requirePublicReports } from './public.service.ts';

/** Per client address a minute: a page filling in a scanned building passes, a script walking tokens gets 429. */
const LOOKUPS_PER_MINUTE = 60;

/**
 * What a scanned QR code opens (no sign-in): the building's name, address, place and number of
 * units, so the report page shows where the citizen is. Nothing of its households, its grid or
 * its people; a token is 100 random bits, so codes cannot be walked.
 */
export const publicBuildingRoutes: RoutePlugin = async (app) => {
  const limit = app.rateLimit({
    max: LOOKUPS_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, GRID_ERRORS.RATE_LIMITED, `Too many requests from this address; try again in ${context.after}`),
  });
  app.get('/public/buildings/:token', { schema: publicBuildingRoute, config: { public: true }, onRequest: limit }, async (request) => {
    await requirePublicReports(request.db);
    const building: Pick<BuildingRow, 'name' | 'address' | 'lon' | 'lat' | 'unit_count'> | undefined = await request
      .db('grid_building')
      .where({ qr_token: request.params.token })
      .first('name', 'address', 'lon', 'lat', 'unit_count');
    if (!building) throw notFound(GRID_ERRORS.BUILDING_NOT_FOUND, 'The QR code names no building');
    return {
      name: building.name,
      address: building.address,
      lon: Number(building.lon),
      lat: Number(building.lat),
      unitCount: building.unit_count,
    };
  });
};
