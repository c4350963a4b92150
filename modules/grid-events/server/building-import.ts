import { uuidv7 } from 'uuidv7';
import {
  badRequest,
  createAjv,
  plainName,
  unitFacts,
  unitsNamed,
  type DataScope,
  type ErrorDetail,
  type ModuleContext,
  type SheetSpec,
  type SheetTable,
} from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import { MAX_HOUSEHOLDS_PER_BUILDING } from '../schemas/building.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { inAnyScope } from './building-access.ts';
import { insertHouseholds, newBuildingToken } from './building.service.ts';
import { toWgs84, type Crs } from './geo.ts';
import { countyExtent, gridAt } from './routing.ts';

export type ImportLang = 'zh-CN' | 'en';
type Column = 'name' | 'address' | 'lon' | 'lat' | 'crs' | 'grid' | 'units' | 'floors' | 'perFloor';

/** The template's columns in each language; a workbook may use either header set. */
export const BUILDING_COLUMNS: Record<Column, Record<ImportLang, string>> = {
  name: { 'zh-CN': '楼栋名称', en: 'Building' },
  address: { 'zh-CN': '地址', en: 'Address' },
  lon: { 'zh-CN': '经度', en: 'Longitude' },
  lat: { 'zh-CN': '纬度', en: 'Latitude' },
  crs: { 'zh-CN': '坐标系', en: 'Coordinates' },
  grid: { 'zh-CN': '网格', en: 'Grid' },
  units: { 'zh-CN': '单元数', en: 'Units' },
  floors: { 'zh-CN': '层数', en: 'Floors' },
  perFloor: { 'zh-CN': '每层户数', en: 'Households per floor' },
};
const REQUIRED: Column[] = ['name', 'lon', 'lat', 'units', 'floors', 'perFloor'];
/** A county's whole floor model (Donggang: 2,054 buildings, about 120,000 households) fits one import. */
const MAX_IMPORT_HOUSEHOLDS = 300_000;
const CRS: Record<string, Crs> = { 'wgs-84': 'wgs84', wgs84: 'wgs84', cgcs2000: 'wgs84', 'gcj-02': 'gcj02', gcj02: 'gcj02' };
const validName = createAjv('body').compile(plainName);
const CHUNK = 500;

/** `rows[3].楼栋名称`: the row number Excel shows and the column's header. */
const rowPath = (row: number, header: string) => `rows[${row}].${header}`;

export function importTemplate(lang: ImportLang): SheetSpec[] {
  const h = (c: Column) => BUILDING_COLUMNS[c][lang];
  const zh = lang === 'zh-CN';
  return [
    {
      name: zh ? '楼栋' : 'Buildings',
      columns: [
        { header: h('name'), width: 20 },
        { header: h('address'), width: 30 },
        { header: h('lon'), width: 14, text: true },
        { header: h('lat'), width: 14, text: true },
        { header: h('crs'), width: 12, choices: ['WGS-84', 'GCJ-02'] },
        { header: h('grid'), width: 18 },
        { header: h('units'), width: 8 },
        { header: h('floors'), width: 8 },
        { header: h('perFloor'), width: 10 },
      ],
      rows: [
        zh
          ? ['翠园小区3号楼', '东港市大东街道翠园路8号', '124.1521', '39.8632', 'WGS-84', '', 3, 6, 2]
          : ['Cuiyuan Block 3', '8 Cuiyuan Road, Dadong', '124.1521', '39.8632', 'WGS-84', '', 3, 6, 2],
      ],
    },
  ];
}

/** One building as its row states it, the grid still as typed (a code or a name; empty: by its place). */
interface ImportRow {
  row: number;
  name: string;
  address: string;
  lon: number;
  lat: number;
  crs: Crs;
  grid: string;
  units: number;
  floors: number;
  perFloor: number;
}

/** Reads the first sheet, with an error naming `rows[n].<column>` for each missing or malformed cell. */
function parseSheet(table: SheetTable | undefined): { rows: ImportRow[]; errors: ErrorDetail[]; header: Record<Column, string> } {
  const lang: ImportLang = table?.headers.includes(BUILDING_COLUMNS.name.en) ? 'en' : 'zh-CN';
  const header = Object.fromEntries(Object.entries(BUILDING_COLUMNS).map(([c, names]) => [c, names[lang]])) as Record<Column, string>;
  if (!table) return { rows: [], errors: [{ path: 'body', message: 'has no sheet' }], header };
  const missing = REQUIRED.filter((c) => !table.headers.includes(header[c]));
  if (missing.length > 0)
    return { rows: [], errors: missing.map((c) => ({ path: `columns.${header[c]}`, message: 'is missing (use the template)' })), header };
  if (table.rows.length === 0) return { rows: [], errors: [{ path: 'rows', message: 'holds no building' }], header };

  const errors: ErrorDetail[] = [];
  const rows: ImportRow[] = [];
  for (const { rowNumber: row, cells } of table.rows) {
    const cell = (c: Column) => (cells[header[c]] ?? '').trim();
    const fail = (c: Column, message: string) => errors.push({ path: rowPath(row, header[c]), message });
    const before = errors.length;
    const name = cell('name');
    if (!validName(name)) fail('name', name ? 'must be at most 100 characters, without < > or control characters' : 'is required');
    const address = cell('address');
    if (address.length > 200 || /[<>\u0000-\u001f\u007f]/.test(address))
      fail('address', 'must be at most 200 characters, without < > or control characters');
    const number = (c: Column, min: number, max: number) => {
      const text = cell(c);
      const value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (!(value >= min && value <= max)) fail(c, text ? `“${text}” is not a number from ${min} to ${max}` : 'is required');
      return value;
    };
    const integer = (c: Column, max: number) => {
      const text = cell(c);
      const value = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
      if (!(value >= 1 && value <= max)) fail(c, text ? `“${text}” is not a whole number from 1 to ${max}` : 'is required');
      return value;
    };
    const lon = number('lon', -180, 180);
    const lat = number('lat', -90, 90);
    const crsText = cell('crs').toLowerCase();
    const crs = crsText ? CRS[crsText] : 'wgs84';
    if (!crs) fail('crs', `“${cell('crs')}” is neither WGS-84 nor GCJ-02`);
    const units = integer('units', 50);
    const floors = integer('floors', 200);
    const perFloor = integer('perFloor', 50);
    if (errors.length === before && units * floors * perFloor > MAX_HOUSEHOLDS_PER_BUILDING)
      fail('perFloor', `units × floors × households per floor is ${units * floors * perFloor}, more than ${MAX_HOUSEHOLDS_PER_BUILDING}`);
    if (errors.length === before) rows.push({ row, name, address, lon, lat, crs, grid: cell('grid'), units, floors, perFloor });
  }
  return { rows, errors, header };
}

/**
 * Imports buildings from a workbook, all or nothing: each row's grid is the one it names (a grid
 * unit's code or name) or the one whose polygon holds its place, and must lie in the manager's
 * scope; a name twice in one grid, in the file or already there, is an error. Any problem is a 400
 * listing the rows and columns (the first 100); nothing is saved. Each building's households are
 * laid out. `dryRun` checks only.
 */
export async function importBuildings(
  ctx: ModuleContext,
  scopes: DataScope[],
  table: SheetTable | undefined,
  dryRun: boolean,
): Promise<{ buildings: number; households: number }> {
  const { trx } = ctx;
  const { rows, errors, header } = parseSheet(table);
  const placed = rows.length > 0 ? await placeRows(ctx, scopes, rows, header, errors) : [];
  const households = placed.reduce((n, b) => n + b.unit_count * b.floor_count * b.households_per_floor, 0);
  if (households > MAX_IMPORT_HOUSEHOLDS)
    errors.push({ path: 'rows', message: `lay out ${households} households, more than ${MAX_IMPORT_HOUSEHOLDS}` });
  if (errors.length > 0)
    throw badRequest(GRID_ERRORS.IMPORT_INVALID, 'The workbook has errors: nothing was imported', errors.slice(0, 100));
  if (dryRun) return { buildings: placed.length, households };
  for (let i = 0; i < placed.length; i += CHUNK) await trx('grid_building').insert(placed.slice(i, i + CHUNK));
  const created = await insertHouseholds(ctx, placed);
  return { buildings: placed.length, households: created };
}

type BuildingInsert = {
  tenant_id: string;
  id: string;
  name: string;
  address: string;
  lon: number;
  lat: number;
  grid_unit_id: string;
  unit_count: number;
  floor_count: number;
  households_per_floor: number;
  qr_token: string;
  created_at: Date;
  updated_at: Date;
};

/** Each row's place and grid, and the rows to insert; problems are added to `errors`. */
async function placeRows(
  ctx: ModuleContext,
  scopes: DataScope[],
  rows: ImportRow[],
  header: Record<Column, string>,
  errors: ErrorDetail[],
): Promise<BuildingInsert[]> {
  const { trx } = ctx;
  const named = await unitsNamed(trx, rows.map((r) => r.grid).filter(Boolean), 'grid');
  const [minLon, minLat, maxLon, maxLat] = await countyExtent(trx, await gridEventsConfig(trx));
  const existing: { grid_unit_id: string; name: string }[] = await trx('grid_building').select('grid_unit_id', 'name');
  const taken = new Set(existing.map((b) => `${b.grid_unit_id}\u0000${b.name}`));
  const inFile = new Map<string, number>();
  const gridsFound = new Map<string, { id: string; path: string }>();
  const placed: BuildingInsert[] = [];
  for (const r of rows) {
    const fail = (c: Column, message: string) => errors.push({ path: rowPath(r.row, header[c]), message });
    const point = toWgs84(r.lon, r.lat, r.crs);
    if (point.lon < minLon || point.lon > maxLon || point.lat < minLat || point.lat > maxLat) {
      fail('lon', 'the place is outside the county');
      continue;
    }
    let grid: { id: string; path: string } | undefined;
    if (r.grid) {
      const matches = named.get(r.grid) ?? [];
      if (matches.length !== 1) {
        fail('grid', matches.length === 0 ? `“${r.grid}” is no grid unit` : `“${r.grid}” names ${matches.length} grid units`);
        continue;
      }
      grid = matches[0];
    } else {
      const found = await gridAt(trx, point);
      if (!found) {
        fail('grid', 'is required: the place lies in no grid polygon');
        continue;
      }
      grid = gridsFound.get(found.unitId) ?? (await unitFacts(trx, [found.unitId])).get(found.unitId);
      if (grid) gridsFound.set(grid.id, grid);
    }
    if (!grid) {
      fail('grid', 'is required: the place lies in no grid polygon');
      continue;
    }
    if (!inAnyScope(grid.path, scopes)) {
      fail('grid', 'is outside your scope');
      continue;
    }
    const key = `${grid.id}\u0000${r.name}`;
    if (taken.has(key)) {
      fail('name', 'is taken in this grid already');
      continue;
    }
    if (inFile.has(key)) {
      fail('name', `names the same building of the grid as row ${inFile.get(key)}`);
      continue;
    }
    inFile.set(key, r.row);
    placed.push({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      name: r.name,
      address: r.address,
      lon: point.lon,
      lat: point.lat,
      grid_unit_id: grid.id,
      unit_count: r.units,
      floor_count: r.floors,
      households_per_floor: r.perFloor,
      qr_token: newBuildingToken(),
      created_at: ctx.now,
      updated_at: ctx.now,
    });
  }
  return placed;
}
