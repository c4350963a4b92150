import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { moduleActor, notFound, permissionScopes, unitPathInScope, whereInScope, type DataScope } from '../../../core/module-kit.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type { EventAction } from '../schemas/event.schema.ts';
import { eventQuery, OPEN_STATES, type EventRow } from './event-row.ts';
import { PERMISSION } from './permissions.ts';

/** What the caller may do with one event, and the event itself. */
export interface EventAccess {
  event: EventRow;
  userId: string;
  /** The handling unit lies in the caller's grid-events.handle scope. */
  canHandle: boolean;
  /** The handling unit or the grid lies in the caller's grid-events.manage scope (an unrouted event: a county-wide manager). */
  canManage: boolean;
  /** Handlers and managers see the reporter's phone; a viewer or another reporter does not. */
  seesReporter: boolean;
}

export interface CallerScopes {
  userId: string;
  report?: DataScope;
  handle?: DataScope;
  manage?: DataScope;
  view?: DataScope;
}

export async function callerScopes(request: FastifyRequest): Promise<CallerScopes> {
  const scopes = await permissionScopes(request, Object.values(PERMISSION));
  const actor = await moduleActor(request);
  return {
    userId: actor.userId,
    report: scopes.get(PERMISSION.report),
    handle: scopes.get(PERMISSION.handle),
    manage: scopes.get(PERMISSION.manage),
    view: scopes.get(PERMISSION.view),
  };
}

const inScope = (path: string | null, scope: DataScope | undefined) =>
  !!scope && (scope.kind === 'tenant' || (!!path && unitPathInScope(path, scope)));

function accessOf(event: EventRow, scopes: CallerScopes): EventAccess | null {
  const places = [event.handling_unit_path, event.grid_unit_path];
  const canHandle = inScope(event.handling_unit_path, scopes.handle);
  const canManage = places.some((p) => inScope(p, scopes.manage)) || scopes.manage?.kind === 'tenant';
  const sees = canHandle || canManage || places.some((p) => inScope(p, scopes.view) || inScope(p, scopes.handle));
  if (!sees && event.reporter_user_id !== scopes.userId) return null;
  return { event, userId: scopes.userId, canHandle, canManage, seesReporter: canHandle || canManage };
}

/**
 * The event if the caller may see it — its handling unit or its grid lies in the scope of one of
 * their grid permissions, or they reported it — else 404, as if it did not exist. `forUpdate`
 * locks the row for a step that changes it.
 */
export async function eventAccess(request: FastifyRequest, id: string, options: { forUpdate?: boolean } = {}): Promise<EventAccess> {
  const query = eventQuery(request.db).where('e.id', id);
  if (options.forUpdate) query.forUpdate('e');
  const event: EventRow | undefined = await query.first();
  const access = event ? accessOf(event, await callerScopes(request)) : null;
  if (!access) throw notFound(GRID_ERRORS.EVENT_NOT_FOUND, 'No such event');
  return access;
}

/** What the event page offers the caller now: every action the server would accept from them. */
export function allowedActions(access: EventAccess): EventAction[] {
  const { event, canHandle, canManage } = access;
  const actions: EventAction[] = [];
  const open = OPEN_STATES.includes(event.status);
  if (canHandle && event.status === 'reported') actions.push('accept');
  if (canHandle && event.status === 'accepted') actions.push('start');
  if (canHandle && (event.status === 'accepted' || event.status === 'in_progress')) actions.push('resolve');
  if (canHandle && open) actions.push('return');
  if (canHandle && (event.status === 'accepted' || event.status === 'in_progress') && event.extension_hours === null)
    actions.push('requestExtension');
  if (canManage && event.extension_hours !== null && open) actions.push('decideExtension');
  if (canManage && (open || event.status === 'unassigned')) actions.push('reroute');
  if (canManage && event.status === 'resolved') actions.push('close');
  if (canManage && event.callback_status === 'drawn') actions.push('callback');
  return actions;
}

/**
 * Narrows an event list to what the caller sees: the handling unit or the grid in one of their
 * scopes, or their own reports. Tenant-wide scopes add no condition.
 */
export function whereVisible(query: Knex.QueryBuilder, scopes: CallerScopes, trx: Knex.Transaction): Knex.QueryBuilder {
  const wide = [scopes.handle, scopes.manage, scopes.view].filter((s): s is DataScope => !!s);
  if (wide.some((s) => s.kind === 'tenant')) return query;
  return query.where((q) => {
    q.where('e.reporter_user_id', scopes.userId);
    for (const scope of wide) {
      q.orWhere((inner) => whereInScope(inner, 'e.handling_unit_id', scope, trx));
      q.orWhere((inner) => whereInScope(inner, 'e.grid_unit_id', scope, trx));
    }
  });
}
