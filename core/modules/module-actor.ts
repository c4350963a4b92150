import type { FastifyRequest } from 'fastify';
import { currentUser } from '../http/request-context.ts';

/** The signed-in user as a module sees them: their account, their directory entry and its unit. */
export interface ModuleActor {
  userId: string;
  isTenantAdmin: boolean;
  /** Null for an account not linked to a person of the directory (an admin-only account). */
  personId: string | null;
  unitId: string | null;
  /** The unit's materialized path (`/county/town/`): "inside my unit" is a prefix test. */
  unitPath: string | null;
}

const actors = new WeakMap<FastifyRequest, Promise<ModuleActor>>();

/** The request's actor, read once per request (one query when the account is linked to a person). */
export function moduleActor(request: FastifyRequest): Promise<ModuleActor> {
  let actor = actors.get(request);
  if (!actor) {
    actor = loadActor(request);
    actors.set(request, actor);
  }
  return actor;
}

async function loadActor(request: FastifyRequest): Promise<ModuleActor> {
  const user = currentUser(request);
  const unit: { id: string; path: string } | undefined = user.personId
    ? await request
        .db('core_person as p')
        .join('core_unit as u', function joinUnit() {
          this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
        })
        .where({ 'p.tenant_id': request.tenant.id, 'p.id': user.personId })
        .first('u.id', 'u.path')
    : undefined;
  return {
    userId: user.id,
    isTenantAdmin: user.isTenantAdmin,
    personId: user.personId,
    unitId: unit?.id ?? null,
    unitPath: unit?.path ?? null,
  };
}
