import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, notFound, unitFacts, unitsNamed, type ErrorDetail, type ModuleContext } from '../../../core/module-kit.ts';
import type { AreaGeometry, AreaView } from '../schemas/area.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { bboxOf, geometryToWgs84, polygonProblems, type Crs } from './geo.ts';

interface AreaRow {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  geometry: AreaGeometry;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  updated_at: Date;
}

function toAreaView(row: AreaRow): AreaView {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name, path: row.unit_path },
    geometry: row.geometry,
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat].map(Number),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function areaQuery(trx: Knex.Transaction) {
  return trx('grid_area as a')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .select('a.*', 'u.name as unit_name', 'u.path as unit_path');
}

export async function listAreas(trx: Knex.Transaction): Promise<AreaView[]> {
  return ((await areaQuery(trx).orderBy('u.path')) as AreaRow[]).map(toAreaView);
}

function invalid(details: ErrorDetail[]) {
  return badRequest(GRID_ERRORS.AREA_INVALID, 'The grid polygon is not valid', details);
}

/** Stores a grid's polygon (checked already), replacing the one it had; true when it had none. */
async function storeArea(ctx: ModuleContext, unitId: string, geometry: AreaGeometry): Promise<boolean> {
  const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
  const columns = {
    geometry: JSON.stringify(geometry),
    min_lon: minLon,
    min_lat: minLat,
    max_lon: maxLon,
    max_lat: maxLat,
    updated_at: ctx.now,
  };
  const updated = await ctx.trx('grid_area').where({ unit_id: unitId }).update(columns);
  if (updated > 0) return false;
  await ctx.trx('grid_area').insert({ tenant_id: ctx.tenantId, id: uuidv7(), unit_id: unitId, ...columns, created_at: ctx.now });
  return true;
}

/** Sets a grid unit's polygon (drawn on the map); answers its view. */
export async function saveArea(ctx: ModuleContext, unitId: string, geometry: AreaGeometry): Promise<AreaView> {
  const unit = (await unitFacts(ctx.trx, [unitId])).get(unitId);
  if (!unit || unit.kind !== 'grid')
    throw badRequest(GRID_ERRORS.UNIT_INVALID, 'A polygon belongs to a grid unit', [
      { path: 'body.unitId', message: 'is not a unit of kind grid' },
    ]);
  const problems = polygonProblems(geometry, 'body.geometry');
  if (problems.length > 0) throw invalid(problems);
  await storeArea(ctx, unitId, geometry);
  return toAreaView(await areaQuery(ctx.trx).where('a.unit_id', unitId).first());
}

export async function deleteArea(trx: Knex.Transaction, id: string): Promise<void> {
  const area = await trx('grid_area').where({ id }).first('id');
  if (!area) throw notFound(GRID_ERRORS.AREA_NOT_FOUND, 'No such grid polygon');
  await trx('grid_event').where({ area_id: id }).update({ area_id: null });
  await trx('grid_area').where({ id }).delete();
}

export interface AreaImport {
  unitProperty: string;
  crs: Crs;
  features: { geometry: AreaGeometry; properties: Record<string, unknown> }[];
}

/**
 * Imports grid polygons from GeoJSON, all or nothing: every feature must name exactly one grid unit
 * (by code, else name) and carry a valid polygon; a unit named twice is an error. Any problem is a
 * 400 listing each bad feature by its index; nothing is saved.
 */
export async function importAreas(ctx: ModuleContext, input: AreaImport): Promise<{ created: number; replaced: number }> {
  const keys = input.features.map((f) => {
    const value = f.properties[input.unitProperty];
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  });
  const units = await unitsNamed(ctx.trx, keys.filter(Boolean), 'grid');
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  const rows: { unitId: string; geometry: AreaGeometry }[] = [];
  input.features.forEach((feature, i) => {
    const path = `body.collection.features[${i}]`;
    const key = keys[i];
    if (!key) return problems.push({ path: `${path}.properties.${input.unitProperty}`, message: 'is missing: it names the grid unit' });
    const matches = units.get(key) ?? [];
    if (matches.length !== 1)
      return problems.push({
        path: `${path}.properties.${input.unitProperty}`,
        message: matches.length === 0 ? `“${key}” is no grid unit` : `“${key}” names ${matches.length} grid units`,
      });
    const unitId = matches[0].id;
    if (seen.has(unitId)) return problems.push({ path, message: `names the same grid as feature ${seen.get(unitId)}` });
    seen.set(unitId, i);
    const geometry = geometryToWgs84(feature.geometry, input.crs);
    const bad = polygonProblems(geometry, `${path}.geometry`);
    if (bad.length > 0) return problems.push(...bad);
    rows.push({ unitId, geometry });
  });
  if (problems.length > 0) throw invalid(problems.slice(0, 100));
  let created = 0;
  for (const row of rows) if (await storeArea(ctx, row.unitId, row.geometry)) created++;
  return { created, replaced: rows.length - created };
}
