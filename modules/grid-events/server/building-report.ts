import type { Knex } from 'knex';
import { badRequest } from '../../../core/module-kit.ts';
import type { LocationInput } from '../schemas/common.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import { buildingQuery, type BuildingRow } from './building-access.ts';
import { toWgs84, type LonLat } from './geo.ts';
import { LEVEL, requireInCounty, type Route } from './routing.ts';

/** The building an event names (from a QR code or picked in the app) and the unit (单元), as the event stores them. */
export interface EventBuilding {
  id: string;
  unit: number | null;
  gridUnitId: string;
}

/** What a report says of its place: a point, a building (by id in the app, by QR token on the public page), or both. */
export interface ReportPlaceInput {
  location?: LocationInput;
  buildingId?: string;
  buildingToken?: string;
  buildingUnit?: number;
}

/** Where a report happened: the point, the location as stored (address filled in from the building), and the building. */
export interface ReportPlace {
  point: LonLat;
  location: LocationInput;
  building?: EventBuilding;
}

/** How a building and unit read as an address when the reporter gave none: "翠园小区 3号楼 2单元". */
export function buildingAddress(building: Pick<BuildingRow, 'name' | 'address'>, unit: number | null): string {
  return [building.address, building.name, unit ? `${unit}单元` : ''].filter(Boolean).join(' ');
}

/**
 * The place of a report. A sent location is the event's place (checked against the county); with
 * none, the building's. A building, when named, must exist (a token only from its QR code) and its
 * unit must be one of its units. Either a location or a building is required.
 */
export async function reportPlace(trx: Knex.Transaction, input: ReportPlaceInput): Promise<ReportPlace> {
  const building = await namedBuilding(trx, input);
  const unit = input.buildingUnit ?? null;
  if (unit !== null && (!building || unit > building.unit_count))
    throw badRequest(GRID_ERRORS.BUILDING_INVALID, 'The building has no such unit', [
      { path: 'body.buildingUnit', message: building ? `is not one of the building’s ${building.unit_count} units` : 'names no building' },
    ]);
  const eventBuilding = building ? { id: building.id, unit, gridUnitId: building.grid_unit_id } : undefined;
  if (input.location) {
    const point = toWgs84(input.location.lon, input.location.lat, input.location.crs ?? 'wgs84');
    await requireInCounty(trx, await gridEventsConfig(trx), point, 'body.location');
    const address = input.location.address?.trim() || (building ? buildingAddress(building, unit) : '');
    return { point, location: { ...input.location, address }, building: eventBuilding };
  }
  if (!building)
    throw badRequest(GRID_ERRORS.LOCATION_MISSING, 'Say where it happened', [
      { path: 'body.location', message: 'is required without a building' },
    ]);
  const point = { lon: Number(building.lon), lat: Number(building.lat) };
  return { point, location: { ...point, crs: 'wgs84', address: buildingAddress(building, unit) }, building: eventBuilding };
}

async function namedBuilding(trx: Knex.Transaction, input: ReportPlaceInput): Promise<BuildingRow | undefined> {
  if (input.buildingId) {
    const found: BuildingRow | undefined = await buildingQuery(trx).where('b.id', input.buildingId).first();
    if (!found)
      throw badRequest(GRID_ERRORS.BUILDING_NOT_FOUND, 'No such building', [
        { path: 'body.buildingId', message: 'is not a building of the county' },
      ]);
    return found;
  }
  if (input.buildingToken) {
    const found: BuildingRow | undefined = await buildingQuery(trx).where('b.qr_token', input.buildingToken).first();
    if (!found)
      throw badRequest(GRID_ERRORS.BUILDING_NOT_FOUND, 'The QR code names no building', [
        { path: 'body.buildingToken', message: 'names no building' },
      ]);
    return found;
  }
  return undefined;
}

/**
 * An event at a building goes to the building's grid: the county placed the building there (by
 * its polygon, or by hand where a polygon is not drawn precisely), whatever point the phone sent.
 */
export async function routeToBuildingGrid(trx: Knex.Transaction, building: EventBuilding): Promise<Route> {
  const area: { id: string } | undefined = await trx('grid_area').where({ unit_id: building.gridUnitId }).first('id');
  return { unitId: building.gridUnitId, level: LEVEL.grid, routedBy: 'grid', areaId: area?.id ?? null, gridUnitId: building.gridUnitId };
}
