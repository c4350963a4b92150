import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, type ConfigDataContext, type ErrorDetail, type ModuleConfigData } from '../../../core/module-kit.ts';
import { areaGeometry, type AreaGeometry } from '../schemas/area.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { applyBuildings, buildingsDataSchema, exportBuildings, type BuildingEntry } from './config-data-buildings.ts';
import { bboxOf, polygonProblems } from './geo.ts';

/**
 * Grid events' part of a tenant-config file (`modules[i].data`): the county's categories, its
 * grid polygons and its buildings (config-data-buildings.ts), named by codes — what a county sets
 * up once and keeps as code (the demo counties do). Applying upserts by code (a category's code, a
 * grid unit's code; a building by its grid and name) and never deletes.
 */
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    categories: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['code', 'name', 'acceptHours', 'resolveHours'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
          name: { type: 'string', minLength: 1, maxLength: 40 },
          parent: { type: 'string', description: 'The code of the parent category' },
          description: { type: 'string', maxLength: 500 },
          keywords: { type: 'string', maxLength: 200 },
          department: { type: 'string', description: 'The code of the handling department (a unit)' },
          acceptHours: { type: 'integer', minimum: 1, maximum: 2160 },
          resolveHours: { type: 'integer', minimum: 1, maximum: 2160 },
          smsTemplate: { type: 'string', maxLength: 200 },
          sort: { type: 'integer', minimum: 0, maximum: 10000 },
          active: { type: 'boolean' },
        },
      },
    },
    grids: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        required: ['unit', 'geometry'],
        additionalProperties: false,
        properties: { unit: { type: 'string', description: 'The code of the grid unit' }, geometry: areaGeometry },
      },
    },
    buildings: buildingsDataSchema,
  },
} as const;

interface CategoryEntry {
  code: string;
  name: string;
  parent?: string;
  description?: string;
  keywords?: string;
  department?: string;
  acceptHours: number;
  resolveHours: number;
  smsTemplate?: string;
  sort?: number;
  active?: boolean;
}

interface Data {
  categories?: CategoryEntry[];
  grids?: { unit: string; geometry: AreaGeometry }[];
  buildings?: BuildingEntry[];
}

function invalid(details: ErrorDetail[]) {
  return badRequest(GRID_ERRORS.CATEGORY_INVALID, 'The grid-events data has problems', details);
}

async function applyCategories(ctx: ConfigDataContext, entries: CategoryEntry[]): Promise<{ created: number; updated: number }> {
  const { trx } = ctx;
  const problems: ErrorDetail[] = [];
  const codes = new Set(entries.map((e) => e.code));
  entries.forEach((e, i) => {
    if (e.department && !ctx.unitIdsByCode.has(e.department))
      problems.push({ path: `body.categories[${i}].department`, message: `“${e.department}” is no unit’s code` });
    if (e.parent && !codes.has(e.parent))
      problems.push({ path: `body.categories[${i}].parent`, message: `“${e.parent}” is no category of the file` });
  });
  if (problems.length > 0) throw invalid(problems);
  const existing = new Map(
    ((await trx('grid_category').select('id', 'code')) as { id: string; code: string }[]).map((r) => [r.code, r.id]),
  );
  let created = 0;
  let updated = 0;
  for (const e of entries) {
    const columns = {
      name: e.name,
      description: e.description ?? '',
      keywords: e.keywords ?? '',
      department_unit_id: e.department ? ctx.unitIdsByCode.get(e.department) : null,
      accept_hours: e.acceptHours,
      resolve_hours: e.resolveHours,
      sms_template: e.smsTemplate ?? '',
      sort: e.sort ?? 0,
      active: e.active ?? true,
    };
    const id = existing.get(e.code);
    if (id) {
      const changed = await trx('grid_category')
        .where({ id })
        .whereRaw(
          '(name, description, keywords, department_unit_id, accept_hours, resolve_hours, sms_template, sort, active) is distinct from (?, ?, ?, ?::uuid, ?, ?, ?, ?, ?)',
          [
            columns.name,
            columns.description,
            columns.keywords,
            columns.department_unit_id ?? null,
            columns.accept_hours,
            columns.resolve_hours,
            columns.sms_template,
            columns.sort,
            columns.active,
          ],
        )
        .update({ ...columns, updated_at: ctx.now });
      updated += changed;
    } else {
      const newId = uuidv7();
      await trx('grid_category').insert({
        tenant_id: ctx.tenantId,
        id: newId,
        code: e.code,
        ...columns,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      existing.set(e.code, newId);
      created++;
    }
  }
  for (const e of entries) {
    const parentId = e.parent ? existing.get(e.parent)! : null;
    updated += await trx('grid_category')
      .where({ id: existing.get(e.code)! })
      .whereRaw('parent_id is distinct from ?::uuid', [parentId])
      .update({ parent_id: parentId });
  }
  return { created, updated };
}

async function applyGrids(
  ctx: ConfigDataContext,
  grids: { unit: string; geometry: AreaGeometry }[],
): Promise<{ created: number; updated: number }> {
  const { trx } = ctx;
  const unitIds = grids.map((g) => ctx.unitIdsByCode.get(g.unit));
  const known = unitIds.filter((id): id is string => id !== undefined);
  const kinds = new Map(
    ((await trx('core_unit').whereIn('id', known).select('id', 'kind')) as { id: string; kind: string }[]).map((r) => [r.id, r.kind]),
  );
  const problems = grids.flatMap((g, i): ErrorDetail[] => [
    ...(unitIds[i] === undefined
      ? [{ path: `body.grids[${i}].unit`, message: `“${g.unit}” is no unit’s code` }]
      : kinds.get(unitIds[i] as string) !== 'grid'
        ? [{ path: `body.grids[${i}].unit`, message: 'is not a unit of kind grid' }]
        : []),
    ...polygonProblems(g.geometry, `body.grids[${i}].geometry`),
  ]);
  if (problems.length > 0) throw invalid(problems);
  let created = 0;
  let updated = 0;
  for (const [i, grid] of grids.entries()) {
    const [minLon, minLat, maxLon, maxLat] = bboxOf(grid.geometry);
    const columns = {
      geometry: JSON.stringify(grid.geometry),
      min_lon: minLon,
      min_lat: minLat,
      max_lon: maxLon,
      max_lat: maxLat,
      updated_at: ctx.now,
    };
    const unitId = unitIds[i] as string;
    const current: { geometry: AreaGeometry } | undefined = await trx('grid_area').where({ unit_id: unitId }).first('geometry');
    if (!current) {
      await trx('grid_area').insert({ tenant_id: ctx.tenantId, id: uuidv7(), unit_id: unitId, ...columns, created_at: ctx.now });
      created++;
    } else if (JSON.stringify(current.geometry) !== JSON.stringify(grid.geometry)) {
      await trx('grid_area').where({ unit_id: unitId }).update(columns);
      updated++;
    }
  }
  return { created, updated };
}

async function exportData(trx: Knex.Transaction): Promise<Data | undefined> {
  const categories: {
    id: string;
    parent_id: string | null;
    code: string;
    name: string;
    description: string;
    keywords: string;
    department_code: string | null;
    accept_hours: number;
    resolve_hours: number;
    sms_template: string;
    sort: number;
    active: boolean;
  }[] = await trx('grid_category as c')
    .leftJoin('core_unit as d', function joinDepartment() {
      this.on('d.tenant_id', 'c.tenant_id').andOn('d.id', 'c.department_unit_id');
    })
    .orderBy([{ column: 'c.sort' }, { column: 'c.code' }])
    .select('c.*', 'd.code as department_code');
  const codeOf = new Map(categories.map((c) => [c.id, c.code]));
  const grids: { code: string | null; geometry: AreaGeometry }[] = await trx('grid_area as a')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .orderBy('u.code')
    .select('u.code', 'a.geometry');
  const buildings = await exportBuildings(trx);
  if (categories.length === 0 && grids.length === 0 && buildings.length === 0) return undefined;
  return {
    categories: categories.map((c) => ({
      code: c.code,
      name: c.name,
      ...(c.parent_id ? { parent: codeOf.get(c.parent_id) } : {}),
      ...(c.description ? { description: c.description } : {}),
      ...(c.keywords ? { keywords: c.keywords } : {}),
      ...(c.department_code ? { department: c.department_code } : {}),
      acceptHours: c.accept_hours,
      resolveHours: c.resolve_hours,
      ...(c.sms_template ? { smsTemplate: c.sms_template } : {}),
      sort: c.sort,
      active: c.active,
    })),
    // A grid unit without a code cannot be named in a file: its polygon stays out of the export.
    grids: grids.flatMap((g) => (g.code ? [{ unit: g.code, geometry: g.geometry }] : [])),
    ...(buildings.length ? { buildings } : {}),
  };
}

export const gridEventsConfigData: ModuleConfigData = {
  schema,
  async apply(ctx, data) {
    const { categories = [], grids = [], buildings = [] } = data as Data;
    const a = await applyCategories(ctx, categories);
    const b = await applyGrids(ctx, grids);
    // After the grids: a building names its grid, whose polygon may have come with the same file.
    const c = await applyBuildings(ctx, buildings);
    return { created: a.created + b.created + c.created, updated: a.updated + b.updated + c.updated };
  },
  export: (ctx) => exportData(ctx.trx),
};
