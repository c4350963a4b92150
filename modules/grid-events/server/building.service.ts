import { randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import {
  badRequest,
  conflict,
  containsPattern,
  decodeCursor,
  encodeCursor,
  type DataScope,
  type ErrorDetail,
  type ModuleContext,
} from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import {
  MAX_HOUSEHOLDS_PER_BUILDING,
  type BuildingChanges,
  type BuildingInput,
  type BuildingView,
  type ListBuildingsQuery,
} from '../schemas/building.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { buildingQuery, requireGridInScope, whereInAnyScope, type BuildingRow } from './building-access.ts';
import { toWgs84, type Crs, type LonLat } from './geo.ts';
import { gridAt, requireInCounty } from './routing.ts';
import { visitCadences } from './visit-cadence.ts';

/** Crockford's base32, as tracking codes: read off a sticker, no I, L, O or U to mishear. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TOKEN_LENGTH = 20;
/** Rows per insert: well below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

/** A building's QR token: 20 random characters, 100 bits — a printed code must not lead to its neighbours'. */
export function newBuildingToken(): string {
  let token = '';
  for (let i = 0; i < TOKEN_LENGTH; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

export function toBuildingView(row: BuildingRow & { households?: number | string; overdue?: number | string }): BuildingView {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    lon: Number(row.lon),
    lat: Number(row.lat),
    gridUnit: { id: row.grid_unit_id, name: row.grid_unit_name },
    unitCount: row.unit_count,
    floorCount: row.floor_count,
    householdsPerFloor: row.households_per_floor,
    households: Number(row.households ?? 0),
    overdue: Number(row.overdue ?? 0),
    qrToken: row.qr_token,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Buildings with how many households each has and how many are due for a visit at `now`. */
function buildingsWithCounts(trx: Knex.Transaction, now: Date) {
  return buildingQuery(trx).select(
    trx.raw('(select count(*) from grid_household h where h.tenant_id = b.tenant_id and h.building_id = b.id) as households'),
    trx.raw(
      '(select count(*) from grid_household h where h.tenant_id = b.tenant_id and h.building_id = b.id and h.visit_due_at <= ?) as overdue',
      [now],
    ),
  );
}

export async function buildingView(trx: Knex.Transaction, id: string, now: Date): Promise<BuildingView> {
  await visitCadences(trx);
  return toBuildingView(await buildingsWithCounts(trx, now).where('b.id', id).first());
}

/** Buildings in the caller's scopes, by name (keyset on name and id). */
export async function listBuildings(
  trx: Knex.Transaction,
  scopes: DataScope[],
  filter: ListBuildingsQuery,
  now: Date,
): Promise<{ items: BuildingView[]; nextCursor: string | null }> {
  await visitCadences(trx);
  const limit = filter.limit ?? 20;
  const query = buildingsWithCounts(trx, now)
    .orderBy([{ column: 'b.name' }, { column: 'b.id' }])
    .limit(limit + 1);
  whereInAnyScope(query, 'b.grid_unit_id', scopes, trx);
  if (filter.gridUnitId) query.where('b.grid_unit_id', filter.gridUnitId);
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query.where((w) => w.whereILike('b.name', pattern).orWhereILike('b.address', pattern));
  }
  if (filter.cursor) {
    const [name, id] = decodeCursor(filter.cursor, ['text', 'uuid'], GRID_ERRORS.CURSOR_INVALID);
    query.whereRaw('(b.name, b.id) > (?, ?::uuid)', [name, id]);
  }
  const rows: BuildingRow[] = await query;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(toBuildingView), nextCursor: rows.length > limit ? encodeCursor([last.name, last.id]) : null };
}

/** 400 naming the field when a floor model would hold more households than a building may. */
export function floorModelProblems(
  model: { unitCount: number; floorCount: number; householdsPerFloor: number },
  path: string,
): ErrorDetail[] {
  const total = model.unitCount * model.floorCount * model.householdsPerFloor;
  return total > MAX_HOUSEHOLDS_PER_BUILDING
    ? [{ path, message: `units × floors × households per floor is ${total}, more than ${MAX_HOUSEHOLDS_PER_BUILDING}` }]
    : [];
}

/** The place converted to WGS-84 and checked against the county's extent. */
async function placeOfBuilding(trx: Knex.Transaction, place: { lon: number; lat: number; crs?: Crs }, path: string): Promise<LonLat> {
  const point = toWgs84(place.lon, place.lat, place.crs ?? 'wgs84');
  await requireInCounty(trx, await gridEventsConfig(trx), point, path);
  return point;
}

/** The grid a building stands in: the one named (in the manager's scope), else the grid whose polygon holds its place. */
export async function gridOfBuilding(
  trx: Knex.Transaction,
  scopes: DataScope[],
  point: LonLat,
  named: { id?: string; path: string; placePath: string },
): Promise<string> {
  if (named.id) return (await requireGridInScope(trx, named.id, scopes, named.path)).id;
  const grid = await gridAt(trx, point);
  if (!grid)
    throw badRequest(GRID_ERRORS.BUILDING_INVALID, 'The place lies in no grid: name the grid the building belongs to', [
      { path: named.placePath, message: 'lies in no grid polygon' },
    ]);
  return (await requireGridInScope(trx, grid.unitId, scopes, named.placePath)).id;
}

async function requireUniqueName(trx: Knex.Transaction, gridUnitId: string, name: string, path: string, except?: string): Promise<void> {
  const clash = await trx('grid_building')
    .where({ grid_unit_id: gridUnitId, name })
    .modify((q) => {
      if (except) q.whereNot('id', except);
    })
    .first('id');
  if (clash)
    throw conflict(GRID_ERRORS.BUILDING_INVALID, 'The grid has a building of that name', [{ path, message: 'is taken in this grid' }]);
}

/** A building as a manager adds it; its households are laid out unless asked not to. */
export async function createBuilding(ctx: ModuleContext, scopes: DataScope[], input: BuildingInput): Promise<string> {
  const problems = floorModelProblems(input, 'body.householdsPerFloor');
  if (problems.length > 0) throw badRequest(GRID_ERRORS.BUILDING_INVALID, 'The building has too many households', problems);
  const point = await placeOfBuilding(ctx.trx, input.location, 'body.location');
  const gridUnitId = await gridOfBuilding(ctx.trx, scopes, point, {
    id: input.gridUnitId,
    path: 'body.gridUnitId',
    placePath: 'body.location',
  });
  const name = input.name.trim();
  await requireUniqueName(ctx.trx, gridUnitId, name, 'body.name');
  const id = uuidv7();
  await ctx.trx('grid_building').insert({
    tenant_id: ctx.tenantId,
    id,
    name,
    address: input.address?.trim() ?? '',
    lon: point.lon,
    lat: point.lat,
    grid_unit_id: gridUnitId,
    unit_count: input.unitCount,
    floor_count: input.floorCount,
    households_per_floor: input.householdsPerFloor,
    qr_token: newBuildingToken(),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  if (input.generateHouseholds !== false)
    await insertHouseholds(ctx, [
      { id, unit_count: input.unitCount, floor_count: input.floorCount, households_per_floor: input.householdsPerFloor },
    ]);
  return id;
}

/** Changes a building; a new place finds its grid again unless one is named. */
export async function updateBuilding(
  ctx: ModuleContext,
  scopes: DataScope[],
  building: BuildingRow,
  changes: BuildingChanges,
): Promise<void> {
  const model = {
    unitCount: changes.unitCount ?? building.unit_count,
    floorCount: changes.floorCount ?? building.floor_count,
    householdsPerFloor: changes.householdsPerFloor ?? building.households_per_floor,
  };
  const problems = floorModelProblems(model, 'body.householdsPerFloor');
  if (problems.length > 0) throw badRequest(GRID_ERRORS.BUILDING_INVALID, 'The building has too many households', problems);
  const point = changes.location
    ? await placeOfBuilding(ctx.trx, changes.location, 'body.location')
    : { lon: building.lon, lat: building.lat };
  const gridUnitId =
    changes.gridUnitId || changes.location
      ? await gridOfBuilding(ctx.trx, scopes, point, { id: changes.gridUnitId, path: 'body.gridUnitId', placePath: 'body.location' })
      : building.grid_unit_id;
  const name = changes.name?.trim() ?? building.name;
  if (name !== building.name || gridUnitId !== building.grid_unit_id)
    await requireUniqueName(ctx.trx, gridUnitId, name, changes.name ? 'body.name' : 'body.gridUnitId', building.id);
  await ctx
    .trx('grid_building')
    .where({ id: building.id })
    .update({
      name,
      address: changes.address?.trim() ?? building.address,
      lon: point.lon,
      lat: point.lat,
      grid_unit_id: gridUnitId,
      unit_count: model.unitCount,
      floor_count: model.floorCount,
      households_per_floor: model.householdsPerFloor,
      updated_at: ctx.now,
    });
}

/** Removes a building with its households, unless a visit was recorded there or an event names it (409). */
export async function deleteBuilding(ctx: ModuleContext, building: BuildingRow): Promise<void> {
  const visited = await ctx
    .trx('grid_household_visit as v')
    .join('grid_household as h', function joinHousehold() {
      this.on('h.tenant_id', 'v.tenant_id').andOn('h.id', 'v.household_id');
    })
    .where('h.building_id', building.id)
    .first('v.id');
  const reported = await ctx.trx('grid_event').where({ building_id: building.id }).first('id');
  if (visited || reported)
    throw conflict(
      GRID_ERRORS.BUILDING_IN_USE,
      visited ? 'Visits were recorded in this building: it stays' : 'Events were reported at this building: it stays',
    );
  await ctx.trx('grid_household').where({ building_id: building.id }).delete();
  await ctx.trx('grid_building').where({ id: building.id }).delete();
}

type FloorModel = Pick<BuildingRow, 'id' | 'unit_count' | 'floor_count' | 'households_per_floor'>;

/** Room numbers as Chinese buildings number them: the floor, then the place on it in two digits (3层 → 301, 302…). */
export function roomNumber(floor: number, place: number): string {
  return `${floor}${String(place).padStart(2, '0')}`;
}

/**
 * Lays out the households of buildings (units × floors × households per floor); rooms that exist
 * are kept as they are, with their tags and visits. Answers how many were created.
 */
export async function insertHouseholds(ctx: Pick<ModuleContext, 'trx' | 'tenantId' | 'now'>, buildings: FloorModel[]): Promise<number> {
  const rows: Record<string, unknown>[] = [];
  for (const b of buildings)
    for (let unit = 1; unit <= b.unit_count; unit++)
      for (let floor = 1; floor <= b.floor_count; floor++)
        for (let place = 1; place <= b.households_per_floor; place++)
          rows.push({
            tenant_id: ctx.tenantId,
            id: uuidv7(),
            building_id: b.id,
            unit_no: unit,
            floor,
            room: roomNumber(floor, place),
            tagged_at: ctx.now,
            created_at: ctx.now,
            updated_at: ctx.now,
          });
  let created = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted: { id: string }[] = await ctx
      .trx('grid_household')
      .insert(rows.slice(i, i + CHUNK))
      .onConflict(['tenant_id', 'building_id', 'unit_no', 'floor', 'room'])
      .ignore()
      .returning('id');
    created += inserted.length;
  }
  return created;
}

/** `POST /buildings/:id/households/generate`: what was laid out now, and what was there already. */
export async function generateHouseholds(ctx: ModuleContext, building: BuildingRow): Promise<{ created: number; existing: number }> {
  const created = await insertHouseholds(ctx, [building]);
  const total = building.unit_count * building.floor_count * building.households_per_floor;
  return { created, existing: total - created };
}
