import type { Knex } from 'knex';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { ancestorIds, badRequest, unitFacts, type UnitFacts } from '../../../core/module-kit.ts';
import type { GridEventsConfig } from '../grid-events-config.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type { AreaGeometry } from '../schemas/area.schema.ts';
import type { BBox, LonLat } from './geo.ts';

/** Levels of the escalation chain: grid → village/community → town (综治中心) → department. */
export const LEVEL = { grid: 0, community: 1, town: 2, department: 3 } as const;

/** The level a unit of this kind handles at. */
export function levelOfKind(kind: string): number {
  if (kind === 'grid') return LEVEL.grid;
  if (kind === 'village' || kind === 'community') return LEVEL.community;
  if (kind === 'town') return LEVEL.town;
  return LEVEL.department;
}

export interface Route {
  unitId: string | null;
  level: number;
  routedBy: 'grid' | 'category' | null;
  areaId: string | null;
  gridUnitId: string | null;
}

/**
 * The grid whose polygon holds the point. The bounding boxes pick the candidates in the database
 * (an index on them), turf decides exactly: a point on an edge or a vertex is inside, a point in a
 * hole is not. Where two grids share an edge and the point lies on it, the smaller grid (then the
 * lower id) takes it, so the same point always goes to the same grid.
 */
export async function gridAt(trx: Knex.Transaction, point: LonLat): Promise<{ areaId: string; unitId: string } | null> {
  const candidates: { id: string; unit_id: string; geometry: AreaGeometry; size: number }[] = await trx('grid_area')
    .where('min_lon', '<=', point.lon)
    .andWhere('max_lon', '>=', point.lon)
    .andWhere('min_lat', '<=', point.lat)
    .andWhere('max_lat', '>=', point.lat)
    .select('id', 'unit_id', 'geometry', trx.raw('(max_lon - min_lon) * (max_lat - min_lat) as size'))
    .orderBy([{ column: 'size' }, { column: 'id' }]);
  const hit = candidates.find((c) => booleanPointInPolygon([point.lon, point.lat], c.geometry));
  return hit ? { areaId: hit.id, unitId: hit.unit_id } : null;
}

/**
 * Where a new event goes: the grid holding its place (the place of the event, never where the
 * reporter stands), else the category's department, else nobody yet (a manager routes it).
 */
export async function routeEvent(trx: Knex.Transaction, point: LonLat, category: { department_unit_id: string | null }): Promise<Route> {
  const grid = await gridAt(trx, point);
  if (grid) return { unitId: grid.unitId, level: LEVEL.grid, routedBy: 'grid', areaId: grid.areaId, gridUnitId: grid.unitId };
  if (category.department_unit_id)
    return { unitId: category.department_unit_id, level: LEVEL.department, routedBy: 'category', areaId: null, gridUnitId: null };
  return { unitId: null, level: LEVEL.grid, routedBy: null, areaId: null, gridUnitId: null };
}

/**
 * The next level up from the unit handling an event: the nearest ancestor of a higher level
 * (a grid's village or community, then its town), and above the town the category's department.
 * Null when there is nowhere higher to go.
 */
export async function nextLevelUnit(
  trx: Knex.Transaction,
  handlingUnitId: string,
  departmentUnitId: string | null,
): Promise<{ unit: UnitFacts; level: number } | null> {
  const current = (await unitFacts(trx, [handlingUnitId])).get(handlingUnitId);
  if (!current) return null;
  const currentLevel = levelOfKind(current.kind);
  if (currentLevel < LEVEL.department) {
    const ancestors = ancestorIds(current);
    const facts = await unitFacts(trx, ancestors);
    for (const id of ancestors) {
      const unit = facts.get(id);
      if (!unit) continue;
      const level = levelOfKind(unit.kind);
      if (level > currentLevel && level < LEVEL.department) return { unit, level };
    }
  }
  if (departmentUnitId && departmentUnitId !== handlingUnitId && currentLevel < LEVEL.department) {
    const department = (await unitFacts(trx, [departmentUnitId])).get(departmentUnitId);
    if (department) return { unit: department, level: LEVEL.department };
  }
  return null;
}

/** Mainland China with its islands: where a county without grids or bounds accepts places. */
const CHINA: BBox = [73.4, 3.8, 135.1, 53.6];
/** Grids rarely cover a county's every edge: places this far beyond them are still taken. */
const GRID_MARGIN_DEGREES = 0.05;

/** The county's extent: its configured bounds, else its grids' extent with a margin, else China. */
export async function countyExtent(trx: Knex.Transaction, config: GridEventsConfig): Promise<BBox> {
  const b = config.bounds;
  if (b.maxLon > b.minLon && b.maxLat > b.minLat) return [b.minLon, b.minLat, b.maxLon, b.maxLat];
  const grids = (await trx('grid_area')
    .min('min_lon as min_lon')
    .min('min_lat as min_lat')
    .max('max_lon as max_lon')
    .max('max_lat as max_lat')
    .first()) as { min_lon: number | null; min_lat: number; max_lon: number; max_lat: number } | undefined;
  if (!grids || grids.min_lon === null) return CHINA;
  const m = GRID_MARGIN_DEGREES;
  return [Number(grids.min_lon) - m, Number(grids.min_lat) - m, Number(grids.max_lon) + m, Number(grids.max_lat) + m];
}

/** 400 naming the field when the place lies outside the county. */
export async function requireInCounty(trx: Knex.Transaction, config: GridEventsConfig, point: LonLat, path: string): Promise<void> {
  const [minLon, minLat, maxLon, maxLat] = await countyExtent(trx, config);
  if (point.lon < minLon || point.lon > maxLon || point.lat < minLat || point.lat > maxLat)
    throw badRequest(GRID_ERRORS.LOCATION_OUTSIDE, 'The place lies outside this county', [{ path, message: 'is outside the county' }]);
}
