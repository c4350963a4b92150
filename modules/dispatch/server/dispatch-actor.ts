import type { FastifyRequest } from 'fastify';
import { AppError, type DataScope, permissionScopes, requirePermission } from '../../../core/module-kit.ts';

export type DispatchPermission = 'dispatch.supervise' | 'dispatch.handle' | 'dispatch.instruct' | 'dispatch.request';

/** The signed-in user as dispatch sees them: their directory entry and its unit. */
export interface DispatchActor {
  userId: string;
  isTenantAdmin: boolean;
  personId: string | null;
  unitId: string | null;
  unitPath: string | null;
}

export async function dispatchActor(request: FastifyRequest): Promise<DispatchActor> {
  const user = request.user;
  if (!user) throw new Error('dispatch routes run after sign-in');
  let unit: { id: string; path: string } | undefined;
  if (user.personId) {
    unit = await request.db('core_person as p').join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
    }).where('p.id', user.personId).first('u.id', 'u.path');
  }
  return { userId: user.id, isTenantAdmin: user.isTenantAdmin, personId: user.personId, unitId: unit?.id ?? null, unitPath: unit?.path ?? null };
}

/** The scopes of every dispatch permission, in one query; null for those the user lacks. */
export async function dispatchScopes(request: FastifyRequest): Promise<Record<'supervise' | 'handle' | 'instruct' | 'request', DataScope | null>> {
  const scopes = await permissionScopes(request, ['dispatch.supervise', 'dispatch.handle', 'dispatch.instruct', 'dispatch.request']);
  return {
    supervise: scopes.get('dispatch.supervise') ?? null,
    handle: scopes.get('dispatch.handle') ?? null,
    instruct: scopes.get('dispatch.instruct') ?? null,
    request: scopes.get('dispatch.request') ?? null,
  };
}

/** The scope of a permission, or null when the user lacks it (callers answer 404, not 403, for records). */
export async function scopeOrNull(request: FastifyRequest, permission: DispatchPermission): Promise<DataScope | null> {
  try {
    return await requirePermission(request, permission);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return null;
    throw error;
  }
}
