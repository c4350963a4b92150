import {
  attachFiles,
  badRequest,
  conflict,
  countyDateTime,
  fileReferences,
  unitFacts,
  type ModuleContext,
  HOUR_MS,
} from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import type { EventStatus } from '../schemas/common.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type { EventAction } from '../schemas/event.schema.ts';
import { findCategory } from './category.service.ts';
import { mergedReporters } from './duplicates.service.ts';
import { allowedActions, type EventAccess } from './event-access.ts';
import { textCitizensResolved } from './citizen-texts.ts';
import { checkPhotoCount, checkPhotos } from './event.service.ts';
import type { EventRow } from './event-row.ts';
import { gridMessage, tellHandlers, tellManagers, tellUnitHandlers, tellUser, type NoticeEvent } from './handler-notices.ts';
import { levelOfKind } from './routing.ts';
import { appendStep } from './timeline.ts';

const addHours = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

/** Who acts: the account and the name the timeline shows. */
export interface Actor {
  userId: string;
  name: string;
}

/** 409 unless the caller may take this step now (the state allows it and it is theirs to take). */
function requireAction(access: EventAccess, action: EventAction): void {
  if (!allowedActions(access).includes(action)) {
    throw conflict(GRID_ERRORS.STATE_CONFLICT, `The event cannot be given “${action}” now (it is ${access.event.status})`, [
      { path: 'status', message: `is ${access.event.status}` },
    ]);
  }
}

const noticeOf = (event: EventRow): NoticeEvent => ({
  id: event.id,
  code: event.code,
  categoryName: event.category_name,
  description: event.description,
  address: event.address,
});

async function update(ctx: ModuleContext, event: EventRow, columns: Record<string, unknown>): Promise<void> {
  await ctx
    .trx('grid_event')
    .where({ id: event.id })
    .update({ ...columns, updated_at: ctx.now });
}

async function step(
  ctx: ModuleContext,
  event: EventRow,
  actor: Actor,
  action: string,
  to: EventStatus,
  extra: { note?: string; photoIds?: string[] } = {},
) {
  await appendStep(ctx, event.id, {
    action,
    actorUserId: actor.userId,
    actorName: actor.name,
    fromStatus: event.status,
    toStatus: to,
    unitId: event.handling_unit_id,
    ...extra,
  });
}

/** 签收: the handling unit takes the event on; from now the resolve deadline is what escalates it. */
export async function acceptEvent(ctx: ModuleContext, access: EventAccess, actor: Actor): Promise<void> {
  requireAction(access, 'accept');
  const { event } = access;
  await update(ctx, event, { status: 'accepted', accepted_at: ctx.now, escalate_at: event.resolve_due_at });
  await step(ctx, event, actor, 'accept', 'accepted');
}

export async function startEvent(ctx: ModuleContext, access: EventAccess, actor: Actor): Promise<void> {
  requireAction(access, 'start');
  await update(ctx, access.event, { status: 'in_progress' });
  await step(ctx, access.event, actor, 'start', 'in_progress');
}

/**
 * 办结: what was done and at least one photo of it. A share of resolved events (the county's
 * call-back percentage) is drawn for a call-back (回访). The grid workers who reported it (or a
 * report merged into it) hear of it.
 */
export async function resolveEvent(
  ctx: ModuleContext,
  access: EventAccess,
  actor: Actor,
  input: { note: string; photoIds: string[] },
  draw = Math.random(),
) {
  requireAction(access, 'resolve');
  const { event } = access;
  await checkPhotoCount(ctx.trx, input.photoIds, 'body.photoIds');
  await checkPhotos(ctx.trx, input.photoIds, 'body.photoIds');
  const config = await gridEventsConfig(ctx.trx);
  const drawn = draw * 100 < config.callbackPercent;
  await update(ctx, event, {
    status: 'resolved',
    resolved_at: ctx.now,
    escalate_at: null,
    extension_hours: null,
    extension_reason: null,
    resolution_note: input.note.trim(),
    resolution_photo_ids: JSON.stringify(input.photoIds),
    callback_status: drawn ? 'drawn' : event.callback_status,
  });
  const allPhotos = [...new Set([...event.photo_ids, ...event.resolution_photo_ids, ...input.photoIds])];
  await attachFiles(ctx.trx, ctx.tenantId, actor.userId, { module: 'grid-events', kind: 'event', id: event.id }, [
    ...fileReferences(event.photo_ids, 'photoIds'),
    ...fileReferences(
      allPhotos.filter((id) => !event.photo_ids.includes(id)),
      'body.photoIds',
    ),
  ]);
  await step(ctx, event, actor, 'resolve', 'resolved', { note: input.note.trim(), photoIds: input.photoIds });
  // The grid worker who reported it, and those whose reports of the same matter were merged into it.
  const reporters = [event.reporter_user_id, ...(await mergedReporters(ctx.trx, event.id))].filter(
    (id): id is string => id !== null && id !== actor.userId,
  );
  await tellUser(
    ctx,
    noticeOf(event),
    [...new Set(reporters)],
    gridMessage('event.resolved', { category: event.category_name, code: event.code, note: input.note.trim() }),
    'grid-events.event.resolved',
  );
  await textCitizensResolved(ctx, event, input.note.trim());
  await ctx.emitEvent(ctx.trx, ctx.tenantId, 'grid-events.resolved', {
    eventId: event.id,
    unitId: event.handling_unit_id,
    onTime: !event.resolve_due_at || ctx.now <= new Date(event.resolve_due_at),
  });
}

/** 结案 by a manager, once resolved. */
export async function closeEvent(ctx: ModuleContext, access: EventAccess, actor: Actor, note = ''): Promise<void> {
  requireAction(access, 'close');
  await update(ctx, access.event, { status: 'closed', closed_at: ctx.now });
  await step(ctx, access.event, actor, 'close', 'closed', { note });
}

/** 退单: not this unit's; it waits, unassigned, for a manager above to route it. */
export async function returnEvent(ctx: ModuleContext, access: EventAccess, actor: Actor, reason: string): Promise<void> {
  requireAction(access, 'return');
  const { event } = access;
  await update(ctx, event, {
    status: 'unassigned',
    handling_unit_id: null,
    escalate_at: null,
    extension_hours: null,
    extension_reason: null,
  });
  await step(ctx, event, actor, 'return', 'unassigned', { note: reason });
  const unit = event.handling_unit_name ?? '';
  await tellManagers(
    ctx,
    noticeOf(event),
    event.handling_unit_id,
    gridMessage('event.returned', { category: event.category_name, code: event.code, unit, reason }),
    'grid-events.event.returned',
  );
}

/** A manager routes (or re-routes) the event to a unit: it starts there afresh, with the category's limits. */
export async function rerouteEvent(
  ctx: ModuleContext,
  access: EventAccess,
  actor: Actor,
  input: { unitId: string; reason: string },
): Promise<void> {
  requireAction(access, 'reroute');
  const { event } = access;
  const unit = (await unitFacts(ctx.trx, [input.unitId])).get(input.unitId);
  if (!unit) throw badRequest(GRID_ERRORS.UNIT_INVALID, 'No such unit', [{ path: 'body.unitId', message: 'is not a unit' }]);
  if (unit.id === event.handling_unit_id && event.status !== 'unassigned')
    throw badRequest(GRID_ERRORS.UNIT_INVALID, 'The event is with that unit already', [
      { path: 'body.unitId', message: 'handles it already' },
    ]);
  const category = await findCategory(ctx.trx, event.category_id);
  const acceptDue = addHours(ctx.now, category.accept_hours);
  await update(ctx, event, {
    status: 'reported',
    handling_unit_id: unit.id,
    level: levelOfKind(unit.kind),
    routed_by: 'admin',
    accept_due_at: acceptDue,
    resolve_due_at: addHours(ctx.now, category.resolve_hours),
    escalate_at: acceptDue,
    accepted_at: null,
    extension_hours: null,
    extension_reason: null,
  });
  await appendStep(ctx, event.id, {
    action: 'reroute',
    actorUserId: actor.userId,
    actorName: actor.name,
    fromStatus: event.status,
    toStatus: 'reported',
    unitId: unit.id,
    note: input.reason,
  });
  await tellHandlers(ctx, noticeOf(event), unit.id, { acceptBy: acceptDue, smsTemplate: category.sms_template });
}

/** 延期申请: the handler asks for more hours; managers above decide. One request pending at a time. */
export async function requestExtension(
  ctx: ModuleContext,
  access: EventAccess,
  actor: Actor,
  input: { hours: number; reason: string },
): Promise<void> {
  requireAction(access, 'requestExtension');
  const { event } = access;
  await update(ctx, event, { extension_hours: input.hours, extension_reason: input.reason });
  await step(ctx, event, actor, 'extension_request', event.status, { note: `+${input.hours}h ${input.reason}` });
  await tellManagers(
    ctx,
    noticeOf(event),
    event.handling_unit_id,
    gridMessage('extension.requested', {
      category: event.category_name,
      code: event.code,
      unit: event.handling_unit_name ?? '',
      hours: input.hours,
      reason: input.reason,
    }),
    'grid-events.extension.requested',
  );
}

/** A manager grants the pending extension (the resolve deadline moves by its hours) or refuses it. */
export async function decideExtension(
  ctx: ModuleContext,
  access: EventAccess,
  actor: Actor,
  input: { approve: boolean; note?: string },
): Promise<void> {
  requireAction(access, 'decideExtension');
  const { event } = access;
  const hours = event.extension_hours ?? 0;
  const base = event.resolve_due_at ? new Date(event.resolve_due_at) : ctx.now;
  const due = addHours(base > ctx.now ? base : ctx.now, hours);
  const columns: Record<string, unknown> = { extension_hours: null, extension_reason: null };
  if (input.approve) {
    columns.resolve_due_at = due;
    // Waiting to be accepted, the accept deadline still governs escalation.
    if (event.status !== 'reported') columns.escalate_at = due;
  }
  await update(ctx, event, columns);
  const note = input.note?.trim() ?? '';
  await step(ctx, event, actor, input.approve ? 'extension_granted' : 'extension_refused', event.status, {
    note: input.approve ? `+${hours}h ${note}`.trim() : note,
  });
  if (event.handling_unit_id) {
    const notice = input.approve
      ? gridMessage('extension.granted', { category: event.category_name, code: event.code, deadline: countyDateTime(due, ctx.timeZone) })
      : gridMessage('extension.refused', { category: event.category_name, code: event.code, note });
    await tellUnitHandlers(ctx, noticeOf(event), event.handling_unit_id, notice, 'grid-events.extension.decided');
  }
}

/** 回访: the result of calling the citizen back, on an event drawn for it. */
export async function recordCallback(
  ctx: ModuleContext,
  access: EventAccess,
  actor: Actor,
  input: { result: string; note?: string },
): Promise<void> {
  requireAction(access, 'callback');
  const { event } = access;
  await update(ctx, event, {
    callback_status: 'done',
    callback_result: input.result,
    callback_note: input.note ?? '',
    callback_at: ctx.now,
  });
  await step(ctx, event, actor, 'callback', event.status, { note: [input.result, input.note ?? ''].filter(Boolean).join(' ') });
}

/** A rating given after the latest resolution: a reopened and again resolved event may be rated anew (the last rating counts). */
const hasRatingOfThisResolution = (event: Pick<EventRow, 'rated_at' | 'resolved_at'>) =>
  event.rated_at !== null && (event.resolved_at === null || new Date(event.rated_at) >= new Date(event.resolved_at));

/** Whether the citizen may rate the event now: resolved (or closed after it) and not yet rated since. */
export const canRate = (event: Pick<EventRow, 'status' | 'rated_at' | 'resolved_at'>) =>
  (event.status === 'resolved' || event.status === 'closed') && event.resolved_at !== null && !hasRatingOfThisResolution(event);

/**
 * A citizen's rating of a resolved (or closed) event, once. At or below the county's threshold it
 * reopens the event: back to its handling unit, in progress, with the category's resolve limit.
 */
export async function rateEvent(ctx: ModuleContext, event: EventRow, input: { rating: number; comment?: string }): Promise<void> {
  if (!canRate(event))
    throw conflict(
      GRID_ERRORS.RATING_CLOSED,
      hasRatingOfThisResolution(event) ? 'The event is rated already' : 'The event is not resolved yet',
      [{ path: 'body.rating', message: hasRatingOfThisResolution(event) ? 'was given already' : `the event is ${event.status}` }],
    );
  const config = await gridEventsConfig(ctx.trx);
  const comment = input.comment?.trim() ?? '';
  const reopen = input.rating <= config.reopenAtOrBelowRating && event.handling_unit_id !== null;
  const columns: Record<string, unknown> = { rating: input.rating, rating_comment: comment, rated_at: ctx.now };
  if (reopen) {
    const category = await findCategory(ctx.trx, event.category_id);
    const due = addHours(ctx.now, category.resolve_hours);
    Object.assign(columns, {
      status: 'in_progress',
      resolved_at: null,
      closed_at: null,
      resolve_due_at: due,
      escalate_at: due,
      reopen_count: event.reopen_count + 1,
    });
  }
  await ctx
    .trx('grid_event')
    .where({ id: event.id })
    .update({ ...columns, updated_at: ctx.now });
  await appendStep(ctx, event.id, {
    action: 'rate',
    actorUserId: null,
    actorName: event.reporter_name,
    fromStatus: event.status,
    toStatus: event.status,
    note: `${input.rating} ${comment}`.trim(),
  });
  if (reopen && event.handling_unit_id) {
    await appendStep(ctx, event.id, {
      action: 'reopen',
      actorUserId: null,
      actorName: '',
      fromStatus: event.status,
      toStatus: 'in_progress',
      unitId: event.handling_unit_id,
      note: comment,
    });
    await tellUnitHandlers(
      ctx,
      noticeOf(event),
      event.handling_unit_id,
      gridMessage('event.reopened', { category: event.category_name, code: event.code, rating: input.rating, comment: comment || '—' }),
      'grid-events.event.reopened',
    );
  }
  await ctx.emitEvent(ctx.trx, ctx.tenantId, 'grid-events.rated', {
    eventId: event.id,
    unitId: event.handling_unit_id,
    rating: input.rating,
    reopened: reopen,
  });
}
