import type { Knex } from 'knex';
import {
  claimablePublicPhotos,
  forbidden,
  fileReferences,
  notFound,
  tooManyRequests,
  verifyHumanCheck,
  type ModuleContext,
  DAY_MS,
} from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type { PublicEventView, PublicReportInput } from '../schemas/public.schema.ts';
import { canRate } from './event-flow.service.ts';
import { eventQuery, type EventRow } from './event-row.ts';
import { fileViews, stepRows } from './event-view.ts';
import { reportPlace } from './building-report.ts';
import { checkPhotoCount, recordEvent } from './event.service.ts';

/** Steps a citizen sees of their report: what happened and when, never who or internal reasons. */
const PUBLIC_STEPS = new Set([
  'report',
  'route',
  'accept',
  'start',
  'resolve',
  'quick_close',
  'close',
  'auto_close',
  'reopen',
  'rate',
  'escalate',
  'reroute',
  'merge',
]);
/** Of those, the ones whose note is meant for the citizen: what was done about it. */
const PUBLIC_NOTES = new Set(['resolve', 'quick_close']);

/** 403 when the county has closed its public report page. */
export async function requirePublicReports(trx: Knex.Transaction): Promise<void> {
  if (!(await gridEventsConfig(trx)).publicReports) throw forbidden(GRID_ERRORS.PUBLIC_CLOSED, 'This county does not take reports here');
}

/**
 * A citizen's report: the human check first (a solved challenge, once), then the phone's daily
 * limit, the place, the photos (uploaded on the public page for this report only); then it is
 * recorded and routed like any other. Answers the tracking code.
 */
export async function reportAsCitizen(ctx: ModuleContext, input: PublicReportInput): Promise<string> {
  const { trx, now } = ctx;
  await requirePublicReports(trx);
  await verifyHumanCheck(trx, ctx.tenantId, input.humanCheck, 'body.humanCheck', now);
  const config = await gridEventsConfig(trx);
  const sent = await trx('grid_event')
    .where({ reporter_phone: input.phone, source: 'citizen' })
    .andWhere('created_at', '>', new Date(now.getTime() - DAY_MS))
    .count<{ count: string }[]>('id as count');
  if (Number(sent[0].count) >= config.publicReportsPerPhonePerDay)
    throw tooManyRequests(GRID_ERRORS.PHONE_LIMIT, `At most ${config.publicReportsPerPhonePerDay} reports a day from one phone`, [
      { path: 'body.phone', message: 'has reached today’s limit' },
    ]);
  const place = await reportPlace(trx, { location: input.location, buildingToken: input.buildingToken, buildingUnit: input.buildingUnit });
  const photoIds = input.photoIds ?? [];
  await checkPhotoCount(trx, photoIds, 'body.photoIds');
  await claimablePublicPhotos(trx, fileReferences(photoIds, 'body.photoIds'), now);
  const { code } = await recordEvent(
    ctx,
    {
      categoryId: input.categoryId,
      description: input.description,
      location: place.location,
      building: place.building,
      photoIds,
      source: 'citizen',
      reporter: { userId: null, name: input.name?.trim() || '群众', phone: input.phone },
    },
    place.point,
  );
  return code;
}

/** The event a tracking code names, else 404 (a wrong code learns nothing). */
export async function eventByCode(trx: Knex.Transaction, code: string, options: { forUpdate?: boolean } = {}): Promise<EventRow> {
  const query = eventQuery(trx).where('e.code', code);
  if (options.forUpdate) query.forUpdate('e');
  const event: EventRow | undefined = await query.first();
  if (!event) throw notFound(GRID_ERRORS.EVENT_NOT_FOUND, 'No report with this code');
  return event;
}

/** What a citizen sees of an event: its state, the public steps, photos, and whether they may rate it. */
export async function publicEventView(trx: Knex.Transaction, event: EventRow): Promise<PublicEventView> {
  const steps = (await stepRows(trx, event.id)).filter((s) => PUBLIC_STEPS.has(s.action));
  const files = await fileViews(trx, [...event.photo_ids, ...event.resolution_photo_ids]);
  const photos = (ids: string[]) => ids.flatMap((id) => files.get(id) ?? []);
  const merged: { code: string } | undefined = event.merged_into_id
    ? await trx('grid_event').where({ id: event.merged_into_id }).first('code')
    : undefined;
  return {
    code: event.code,
    category: event.category_name,
    description: event.description,
    address: event.address,
    status: event.status,
    createdAt: new Date(event.created_at).toISOString(),
    resolvedAt: event.resolved_at ? new Date(event.resolved_at).toISOString() : null,
    photos: photos(event.photo_ids),
    resolutionNote: event.resolution_note,
    resolutionPhotos: photos(event.resolution_photo_ids),
    rating: event.rating,
    canRate: event.source === 'citizen' && canRate(event),
    mergedIntoCode: merged?.code ?? null,
    steps: steps.map((s) => ({
      action: s.action,
      note: PUBLIC_NOTES.has(s.action) ? s.note : '',
      createdAt: new Date(s.created_at).toISOString(),
    })),
  };
}
