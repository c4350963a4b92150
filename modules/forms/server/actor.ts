import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { AppError, type DataScope } from '../../../core/module-kit.ts';
import { requireAnyPermission, type FormsPermission } from './forms-access.ts';

/** The signed-in user as the forms module sees them: their directory entry and its unit. */
export interface FormsActor {
  userId: string;
  isTenantAdmin: boolean;
  personId: string | null;
  unitId: string | null;
}

export async function formsActor(request: FastifyRequest): Promise<FormsActor> {
  const user = request.user;
  if (!user) throw new Error('forms routes run after sign-in');
  let unitId: string | null = null;
  if (user.personId) {
    const person: { unit_id: string } | undefined = await request.db('core_person').where({ id: user.personId }).first('unit_id');
    unitId = person?.unit_id ?? null;
  }
  return { userId: user.id, isTenantAdmin: user.isTenantAdmin, personId: user.personId, unitId };
}

/** The widest scope among `permissions`, or null when the user holds none (the caller answers 404, not 403). */
export async function scopeOrNull(request: FastifyRequest, permissions: FormsPermission[]): Promise<DataScope | null> {
  try {
    return await requireAnyPermission(request, permissions);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return null;
    throw error;
  }
}

/** Units of `unitIds` that lie outside the scope (an empty list: all inside). */
export async function unitsOutsideScope(trx: Knex.Transaction, unitIds: string[], scope: DataScope): Promise<string[]> {
  if (scope.kind === 'tenant' || unitIds.length === 0) return [];
  const rows: { id: string; path: string }[] = await trx('core_unit').whereIn('id', unitIds).select('id', 'path');
  const inside = new Set(rows.filter((r) => (scope.kind === 'own_unit' ? r.id === scope.unitId : r.path.startsWith(scope.unitPath))).map((r) => r.id));
  return unitIds.filter((id) => !inside.has(id));
}
