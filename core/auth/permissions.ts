import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { forbidden } from '../http/errors.ts';
import { currentUser } from '../http/request-context.ts';
import type { DataScopeKind } from './auth.types.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * What part of the tenant a grant reaches:
 * `tenant` everything; `unit_subtree` the person's unit and all below it; `own_unit` the unit alone.
 */
export type DataScope =
  { kind: 'tenant' } | { kind: 'unit_subtree'; unitId: string; unitPath: string } | { kind: 'own_unit'; unitId: string; unitPath: string };

const WIDTH: Record<DataScopeKind, number> = { own_unit: 1, unit_subtree: 2, tenant: 3 };

/**
 * Requires a permission (or any one of a list) of the signed-in user and returns the widest data
 * scope among the grants that give it (tenant admins: the whole tenant). Throws 403 when none does.
 */
export async function requirePermission(request: FastifyRequest, permission: string | readonly string[]): Promise<DataScope> {
  const scope = await scopeOf(request, permission);
  if (!scope) throw denied(permission);
  return scope;
}

/**
 * The widest data scope the signed-in user holds for a permission (or any one of a list), or null
 * when they hold none: for records, where the caller answers 404 rather than 403.
 */
export async function scopeOf(request: FastifyRequest, permission: string | readonly string[]): Promise<DataScope | null> {
  const permissions = typeof permission === 'string' ? [permission] : [...permission];
  const scopes = [...(await permissionScopes(request, permissions)).values()];
  if (scopes.length === 0) return null;
  return scopes.reduce((a, b) => (WIDTH[b.kind] > WIDTH[a.kind] ? b : a));
}

/**
 * The widest data scope of each of `permissions` the signed-in user holds, in one query (tenant
 * admins: the whole tenant for every one); a permission not held is absent from the map. For
 * pages that combine what several permissions allow.
 */
export async function permissionScopes(request: FastifyRequest, permissions: string[]): Promise<Map<string, DataScope>> {
  const user = currentUser(request);
  const scopes = new Map<string, DataScope>();
  if (user.isTenantAdmin) {
    for (const permission of permissions) scopes.set(permission, { kind: 'tenant' });
    return scopes;
  }
  if (!user.personId || permissions.length === 0) return scopes;
  const grants: { permission: string; scope: DataScopeKind; unit_id: string; unit_path: string }[] = await request
    .db('core_role_permission as rp')
    .join('core_person_role as pr', function joinRole() {
      this.on('pr.tenant_id', 'rp.tenant_id').andOn('pr.role_id', 'rp.role_id');
    })
    .join('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'pr.tenant_id').andOn('p.id', 'pr.person_id');
    })
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
    })
    .where('pr.person_id', user.personId)
    .whereIn('rp.permission', permissions)
    .select('rp.permission', 'rp.scope', 'u.id as unit_id', 'u.path as unit_path');
  for (const permission of permissions) {
    const held = grants.filter((g) => g.permission === permission);
    if (held.length === 0) continue;
    const widest = held.reduce((a, b) => (WIDTH[b.scope] > WIDTH[a.scope] ? b : a));
    scopes.set(
      permission,
      widest.scope === 'tenant' ? { kind: 'tenant' } : { kind: widest.scope, unitId: widest.unit_id, unitPath: widest.unit_path },
    );
  }
  return scopes;
}

/** Restricts a query to rows whose `unitColumn` lies inside the scope. */
export function whereInScope<T extends Knex.QueryBuilder>(query: T, unitColumn: string, scope: DataScope, trx: Knex.Transaction): T {
  if (scope.kind === 'tenant') return query;
  if (scope.kind === 'own_unit') return query.where(unitColumn, scope.unitId) as T;
  return query.whereIn(unitColumn, trx('core_unit').select('id').where('path', 'like', `${scope.unitPath}%`)) as T;
}

/** Units of `unitIds` that lie outside the scope (an empty list: all inside), in one query. */
export async function unitsOutsideScope(trx: Knex.Transaction, unitIds: string[], scope: DataScope): Promise<string[]> {
  if (scope.kind === 'tenant' || unitIds.length === 0) return [];
  const rows: { id: string; path: string }[] = await trx('core_unit').whereIn('id', unitIds).select('id', 'path');
  const inside = new Set(
    rows.filter((r) => (scope.kind === 'own_unit' ? r.id === scope.unitId : r.path.startsWith(scope.unitPath))).map((r) => r.id),
  );
  return unitIds.filter((id) => !inside.has(id));
}

/** Whether a unit (given by its path) lies inside the scope. */
export function unitPathInScope(unitPath: string, scope: DataScope): boolean {
  if (scope.kind === 'tenant') return true;
  if (scope.kind === 'own_unit') return unitPath === scope.unitPath;
  return unitPath.startsWith(scope.unitPath);
}

function denied(permission: string | readonly string[]) {
  if (typeof permission === 'string') return forbidden(CORE_ERRORS.PERMISSION_DENIED, `This needs the permission "${permission}"`);
  return forbidden(CORE_ERRORS.PERMISSION_DENIED, `This needs one of the permissions ${permission.map((p) => `"${p}"`).join(', ')}`);
}
