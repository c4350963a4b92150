import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import {
  AppError,
  badRequest,
  notFound,
  permissionScopes,
  unitFacts,
  unitPathInScope,
  whereInScope,
  type DataScope,
  type UnitFacts,
} from '../../../core/module-kit.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { ANY_GRID_PERMISSION, PERMISSION } from './permissions.ts';

/** Who reads buildings and their households: anyone with a grid-events permission for the building's grid. */
export const BUILDING_READERS = ANY_GRID_PERMISSION;
/** Who tags households and records visits: grid workers, handlers and managers of the building's grid. */
export const HOUSEHOLD_WORKERS = [PERMISSION.report, PERMISSION.handle, PERMISSION.manage];

/** A grid_building row with its grid's name and path, as `buildingQuery` reads it. */
export interface BuildingRow {
  tenant_id: string;
  id: string;
  name: string;
  address: string;
  lon: number;
  lat: number;
  grid_unit_id: string;
  grid_unit_name: string;
  grid_unit_path: string;
  unit_count: number;
  floor_count: number;
  households_per_floor: number;
  qr_token: string;
  created_at: Date;
  updated_at: Date;
}

export function buildingQuery(trx: Knex.Transaction) {
  return trx('grid_building as b')
    .join('core_unit as g', function joinGrid() {
      this.on('g.tenant_id', 'b.tenant_id').andOn('g.id', 'b.grid_unit_id');
    })
    .select('b.*', 'g.name as grid_unit_name', 'g.path as grid_unit_path');
}

/** The scopes the caller holds of any of these permissions (none: an empty list). */
export async function scopesOf(request: FastifyRequest, permissions: readonly string[]): Promise<DataScope[]> {
  return [...(await permissionScopes(request, [...permissions])).values()];
}

export const inAnyScope = (unitPath: string, scopes: DataScope[]) => scopes.some((s) => unitPathInScope(unitPath, s));

/** Narrows a query to rows whose grid unit (`column`) lies in one of the scopes; no scope: nothing. */
export function whereInAnyScope<T extends Knex.QueryBuilder>(query: T, column: string, scopes: DataScope[], trx: Knex.Transaction): T {
  if (scopes.some((s) => s.kind === 'tenant')) return query;
  if (scopes.length === 0) return query.whereRaw('false') as T;
  return query.where((q) => {
    for (const scope of scopes) q.orWhere((inner) => whereInScope(inner, column, scope, trx));
  }) as T;
}

/**
 * The building if its grid lies in the scope of one of `permissions` the caller holds, else 404
 * as if it did not exist. `forUpdate` locks it for a change.
 */
export async function buildingAccess(
  request: FastifyRequest,
  id: string,
  permissions: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<BuildingRow> {
  const query = buildingQuery(request.db).where('b.id', id);
  if (options.forUpdate) query.forUpdate('b');
  const building: BuildingRow | undefined = await query.first();
  if (!building || !inAnyScope(building.grid_unit_path, await scopesOf(request, permissions)))
    throw notFound(GRID_ERRORS.BUILDING_NOT_FOUND, 'No such building');
  return building;
}

/** A unit of kind grid inside one of the scopes (a manager places buildings only in grids they manage). */
export async function requireGridInScope(trx: Knex.Transaction, unitId: string, scopes: DataScope[], path: string): Promise<UnitFacts> {
  const unit = (await unitFacts(trx, [unitId])).get(unitId);
  if (!unit || unit.kind !== 'grid')
    throw badRequest(GRID_ERRORS.UNIT_INVALID, 'A building stands in a grid', [{ path, message: 'is not a unit of kind grid' }]);
  if (!inAnyScope(unit.path, scopes))
    throw new AppError(403, GRID_ERRORS.OUT_OF_SCOPE, 'That grid lies outside what you manage', [
      { path, message: 'is outside your scope' },
    ]);
  return unit;
}
