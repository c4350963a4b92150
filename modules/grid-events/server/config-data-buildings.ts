import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, type ConfigDataContext, type ErrorDetail } from '../../../core/module-kit.ts';
import { MAX_HOUSEHOLDS_PER_BUILDING } from '../schemas/building.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { householdTag } from '../schemas/household.schema.ts';
import { insertHouseholds, newBuildingToken, roomNumber } from './building.service.ts';
import { updateHousehold, type HouseholdRow } from './household.service.ts';

/**
 * Buildings in a tenant-config file (`modules[i].data.buildings`): Donggang's floor models kept as
 * code — a building named in its grid (by the grid unit's code), its place and floor model, and
 * the households that carry tags or notes. Applying upserts a building by grid and name (a name is
 * unique in its grid), lays out the rooms it lacks and sets the listed households' tags (their
 * visits fall due by the new tags); it never deletes. The QR token is the county's, not the file's:
 * printed codes keep working when the file is applied again.
 */
export const buildingsDataSchema = {
  type: 'array',
  maxItems: 5000,
  items: {
    type: 'object',
    required: ['grid', 'name', 'lon', 'lat', 'unitCount', 'floorCount', 'householdsPerFloor'],
    additionalProperties: false,
    properties: {
      grid: { type: 'string', description: 'The code of the grid unit it stands in' },
      name: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^<>]*$' },
      address: { type: 'string', maxLength: 200, pattern: '^[^<>]*$' },
      lon: { type: 'number', minimum: -180, maximum: 180, description: 'WGS-84' },
      lat: { type: 'number', minimum: -90, maximum: 90 },
      unitCount: { type: 'integer', minimum: 1, maximum: 50 },
      floorCount: { type: 'integer', minimum: 1, maximum: 200 },
      householdsPerFloor: { type: 'integer', minimum: 1, maximum: 50 },
      households: {
        type: 'array',
        maxItems: MAX_HOUSEHOLDS_PER_BUILDING,
        description: 'Households with tags or notes (the others are laid out bare)',
        items: {
          type: 'object',
          required: ['unit', 'floor', 'room'],
          additionalProperties: false,
          properties: {
            unit: { type: 'integer', minimum: 1, maximum: 50 },
            floor: { type: 'integer', minimum: 1, maximum: 200 },
            room: { type: 'string', minLength: 1, maxLength: 10 },
            tags: { type: 'array', items: householdTag, maxItems: 10, uniqueItems: true },
            notes: { type: 'string', maxLength: 500, pattern: '^[^<>]*$' },
          },
        },
      },
    },
  },
} as const;

export interface HouseholdEntry {
  unit: number;
  floor: number;
  room: string;
  tags?: string[];
  notes?: string;
}

export interface BuildingEntry {
  grid: string;
  name: string;
  address?: string;
  lon: number;
  lat: number;
  unitCount: number;
  floorCount: number;
  householdsPerFloor: number;
  households?: HouseholdEntry[];
}

interface StoredBuilding {
  id: string;
  grid_unit_id: string;
  name: string;
  address: string;
  lon: string | number;
  lat: string | number;
  unit_count: number;
  floor_count: number;
  households_per_floor: number;
}

/** Every problem of the entries at once, each naming its place in the file. */
async function problemsOf(ctx: ConfigDataContext, entries: BuildingEntry[]): Promise<ErrorDetail[]> {
  const gridIds = entries.map((e) => ctx.unitIdsByCode.get(e.grid)).filter((id): id is string => id !== undefined);
  const kinds = new Map(
    ((await ctx.trx('core_unit').whereIn('id', gridIds).select('id', 'kind')) as { id: string; kind: string }[]).map((r) => [r.id, r.kind]),
  );
  const seen = new Set<string>();
  return entries.flatMap((e, i): ErrorDetail[] => {
    const at = `body.buildings[${i}]`;
    const gridId = ctx.unitIdsByCode.get(e.grid);
    const problems: ErrorDetail[] = [];
    if (!gridId) problems.push({ path: `${at}.grid`, message: `“${e.grid}” is no unit’s code` });
    else if (kinds.get(gridId) !== 'grid') problems.push({ path: `${at}.grid`, message: 'is not a unit of kind grid' });
    const key = `${e.grid}\u0000${e.name.trim()}`;
    if (seen.has(key)) problems.push({ path: `${at}.name`, message: 'names another building of the file in the same grid' });
    seen.add(key);
    const total = e.unitCount * e.floorCount * e.householdsPerFloor;
    if (total > MAX_HOUSEHOLDS_PER_BUILDING)
      problems.push({
        path: `${at}.householdsPerFloor`,
        message: `units × floors × households per floor is ${total}, more than ${MAX_HOUSEHOLDS_PER_BUILDING}`,
      });
    // A listed household must be a room the floor model lays out.
    (e.households ?? []).forEach((h, j) => {
      const rooms = Array.from({ length: e.householdsPerFloor }, (_, p) => roomNumber(h.floor, p + 1));
      if (h.unit > e.unitCount || h.floor > e.floorCount || !rooms.includes(h.room))
        problems.push({ path: `${at}.households[${j}]`, message: `${h.unit}单元-${h.floor}层-${h.room} is not a room of the floor model` });
    });
    return problems;
  });
}

const sameBuilding = (row: StoredBuilding, e: BuildingEntry) =>
  row.address === (e.address ?? '') &&
  Number(row.lon) === e.lon &&
  Number(row.lat) === e.lat &&
  row.unit_count === e.unitCount &&
  row.floor_count === e.floorCount &&
  row.households_per_floor === e.householdsPerFloor;

/** Sets the listed households' tags and notes where they differ; answers how many changed. */
async function applyHouseholds(ctx: ConfigDataContext, buildingId: string, entries: HouseholdEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const rows: HouseholdRow[] = await ctx.trx('grid_household').where({ building_id: buildingId }).select('*');
  const byRoom = new Map(rows.map((r) => [`${r.unit_no}-${r.floor}-${r.room}`, r]));
  let changed = 0;
  for (const entry of entries) {
    const row = byRoom.get(`${entry.unit}-${entry.floor}-${entry.room}`);
    if (!row) continue;
    const tags = entry.tags ?? [];
    const notes = entry.notes ?? '';
    if (JSON.stringify(row.tags) === JSON.stringify(tags) && row.notes === notes) continue;
    await updateHousehold(ctx, row, { tags, notes });
    changed++;
  }
  return changed;
}

export async function applyBuildings(ctx: ConfigDataContext, entries: BuildingEntry[]): Promise<{ created: number; updated: number }> {
  const problems = await problemsOf(ctx, entries);
  if (problems.length > 0) throw badRequest(GRID_ERRORS.BUILDING_INVALID, 'The buildings of the grid-events data have problems', problems);
  let created = 0;
  let updated = 0;
  for (const e of entries) {
    const gridUnitId = ctx.unitIdsByCode.get(e.grid) as string;
    const name = e.name.trim();
    const model = { unit_count: e.unitCount, floor_count: e.floorCount, households_per_floor: e.householdsPerFloor };
    const columns = { address: e.address ?? '', lon: e.lon, lat: e.lat, ...model };
    const current: StoredBuilding | undefined = await ctx.trx('grid_building').where({ grid_unit_id: gridUnitId, name }).first('*');
    let id: string;
    if (!current) {
      id = uuidv7();
      await ctx.trx('grid_building').insert({
        tenant_id: ctx.tenantId,
        id,
        name,
        grid_unit_id: gridUnitId,
        ...columns,
        qr_token: newBuildingToken(),
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      created++;
    } else {
      id = current.id;
      if (!sameBuilding(current, e)) {
        await ctx
          .trx('grid_building')
          .where({ id })
          .update({ ...columns, updated_at: ctx.now });
        updated++;
      }
    }
    // Rooms the model lacks are laid out (on a new building: all); existing ones keep their tags and visits.
    const laidOut = await insertHouseholds(ctx, [{ id, ...model }]);
    if (current && laidOut > 0 && sameBuilding(current, e)) updated++;
    updated += await applyHouseholds(ctx, id, e.households ?? []);
  }
  return { created, updated };
}

/** The county's buildings as the file names them: grids by code, households with tags or notes only. */
export async function exportBuildings(trx: Knex.Transaction): Promise<BuildingEntry[]> {
  const buildings: (StoredBuilding & { grid_code: string | null })[] = await trx('grid_building as b')
    .join('core_unit as u', function joinGrid() {
      this.on('u.tenant_id', 'b.tenant_id').andOn('u.id', 'b.grid_unit_id');
    })
    .orderBy([{ column: 'u.code' }, { column: 'b.name' }])
    .select('b.*', 'u.code as grid_code');
  const tagged: HouseholdRow[] = await trx('grid_household')
    .whereIn(
      'building_id',
      buildings.map((b) => b.id),
    )
    .andWhere((w) => w.whereRaw("tags <> '[]'::jsonb").orWhereNot('notes', ''))
    .orderBy([{ column: 'unit_no' }, { column: 'floor' }, { column: 'room' }]);
  const byBuilding = new Map<string, HouseholdRow[]>();
  for (const h of tagged) byBuilding.set(h.building_id, [...(byBuilding.get(h.building_id) ?? []), h]);
  // A grid unit without a code cannot be named in a file: its buildings stay out of the export.
  return buildings.flatMap((b) => {
    if (!b.grid_code) return [];
    const households = (byBuilding.get(b.id) ?? []).map((h) => ({
      unit: h.unit_no,
      floor: h.floor,
      room: h.room,
      ...(h.tags.length ? { tags: h.tags } : {}),
      ...(h.notes ? { notes: h.notes } : {}),
    }));
    return [
      {
        grid: b.grid_code,
        name: b.name,
        ...(b.address ? { address: b.address } : {}),
        lon: Number(b.lon),
        lat: Number(b.lat),
        unitCount: b.unit_count,
        floorCount: b.floor_count,
        householdsPerFloor: b.households_per_floor,
        ...(households.length ? { households } : {}),
      },
    ];
  });
}
