import type { Knex } from 'knex';
import { badRequest, type ModuleContext, HOUR_MS } from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type { EventSummary } from '../schemas/event.schema.ts';
import { whereVisible, type CallerScopes, type EventAccess } from './event-access.ts';
import { eventQuery, OPEN_STATES, type EventRow } from './event-row.ts';
import { toEventSummary } from './event-view.ts';
import { distanceMeters } from './geo.ts';
import { gridMessage, tellUser } from './handler-notices.ts';
import { textCitizenMerged } from './citizen-texts.ts';
import { appendStep } from './timeline.ts';

const METRES_PER_DEGREE = 111_320;
const MAX_CANDIDATES = 20;

export interface DuplicateCandidate extends EventSummary {
  distanceMeters: number;
}

/**
 * Likely duplicates of an event, as its handler is offered them: events the caller sees of the same
 * category, within the county's radius and time window of it, not closed or merged, nearest first.
 * A bounding box around the place narrows the rows in SQL (the category/time index), the exact
 * distance decides.
 */
export async function likelyDuplicates(
  trx: Knex.Transaction,
  scopes: CallerScopes,
  event: EventRow,
  now: Date,
): Promise<DuplicateCandidate[]> {
  const config = await gridEventsConfig(trx);
  const radius = config.duplicateRadiusMeters;
  const window = config.duplicateWindowHours * HOUR_MS;
  const dLat = radius / METRES_PER_DEGREE;
  const dLon = radius / (METRES_PER_DEGREE * Math.max(Math.cos((event.lat * Math.PI) / 180), 0.01));
  const created = new Date(event.created_at).getTime();
  const rows: EventRow[] = await whereVisible(eventQuery(trx), scopes, trx)
    .where('e.category_id', event.category_id)
    .whereNot('e.id', event.id)
    .whereIn('e.status', ['unassigned', ...OPEN_STATES, 'resolved'])
    .whereBetween('e.created_at', [new Date(created - window), new Date(created + window)])
    .whereBetween('e.lat', [event.lat - dLat, event.lat + dLat])
    .whereBetween('e.lon', [event.lon - dLon, event.lon + dLon])
    .limit(200);
  return rows
    .map((row) => ({ ...toEventSummary(row, now), distanceMeters: Math.round(distanceMeters(event, row)) }))
    .filter((c) => c.distanceMeters <= radius)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, MAX_CANDIDATES);
}

/**
 * Merges an event into the one that survives: it leaves every list (`merged`), both timelines say
 * so, and everyone who reported it is pointed at the survivor — a citizen following the old code
 * sees the survivor's code, a grid worker is told — and hears of the survivor's resolution.
 */
export async function mergeEvent(
  ctx: ModuleContext,
  access: EventAccess,
  survivor: EventAccess,
  actor: { userId: string; name: string },
): Promise<void> {
  const { event } = access;
  if (!(access.canHandle || access.canManage) || !(OPEN_STATES.includes(event.status) || event.status === 'unassigned'))
    throw badRequest(GRID_ERRORS.STATE_CONFLICT, 'Only an open event you handle or manage can be merged', [
      { path: 'id', message: `is ${event.status}` },
    ]);
  if (survivor.event.id === event.id || survivor.event.status === 'merged' || survivor.event.status === 'closed')
    throw badRequest(GRID_ERRORS.EVENT_NOT_FOUND, 'Merge into another open event', [
      { path: 'body.intoId', message: 'is this event, or merged or closed' },
    ]);
  await ctx.trx('grid_event').where({ id: event.id }).update({
    status: 'merged',
    merged_into_id: survivor.event.id,
    escalate_at: null,
    extension_hours: null,
    extension_reason: null,
    updated_at: ctx.now,
  });
  // Reports merged earlier into this one follow it to the survivor.
  await ctx.trx('grid_event').where({ merged_into_id: event.id }).update({ merged_into_id: survivor.event.id, updated_at: ctx.now });
  await appendStep(ctx, event.id, {
    action: 'merge',
    actorUserId: actor.userId,
    actorName: actor.name,
    fromStatus: event.status,
    toStatus: 'merged',
    note: survivor.event.code,
  });
  await appendStep(ctx, survivor.event.id, { action: 'merged_in', actorUserId: actor.userId, actorName: actor.name, note: event.code });
  await textCitizenMerged(ctx, event, survivor.event.code);
  if (event.reporter_user_id && event.reporter_user_id !== actor.userId) {
    await tellUser(
      ctx,
      {
        id: survivor.event.id,
        code: survivor.event.code,
        categoryName: event.category_name,
        description: event.description,
        address: event.address,
      },
      [event.reporter_user_id],
      gridMessage('event.merged', { category: event.category_name, code: event.code, into: survivor.event.code }),
      'grid-events.event.merged',
    );
  }
}

/** Grid workers whose reports were merged into this event: they hear of its resolution too. */
export async function mergedReporters(trx: Knex.Transaction, eventId: string): Promise<string[]> {
  return trx('grid_event').where({ merged_into_id: eventId }).whereNotNull('reporter_user_id').distinct().pluck('reporter_user_id');
}
