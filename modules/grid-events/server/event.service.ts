import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { attachFiles, badRequest, fileReferences, type ModuleContext } from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import type { LocationInput } from '../schemas/common.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { routeToBuildingGrid, type EventBuilding } from './building-report.ts';
import { reportableCategory, type CategoryRow } from './category.service.ts';
import { toWgs84, type LonLat } from './geo.ts';
import { gridMessage, tellHandlers, tellManagers } from './handler-notices.ts';
import { requireInCounty, routeEvent } from './routing.ts';
import { appendStep } from './timeline.ts';
import { newTrackingCode } from './tracking-code.ts';

const HOUR_MS = 3_600_000;
const addHours = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

export interface NewEvent {
  categoryId: string;
  description: string;
  location: LocationInput;
  photoIds: string[];
  source: 'worker' | 'citizen' | 'open311';
  reporter: { userId: string | null; name: string; phone: string | null };
  /** Handled on the spot: recorded and closed in one step. */
  quick?: { note: string };
  /** The building it happened at (a QR code, or picked in the app): the event goes to the building's grid. */
  building?: EventBuilding;
}

/** Where the request's place lands after conversion, checked against the county's extent. */
export async function placeOf(trx: Knex.Transaction, location: LocationInput, path: string): Promise<LonLat> {
  const point = toWgs84(location.lon, location.lat, location.crs ?? 'wgs84');
  await requireInCounty(trx, await gridEventsConfig(trx), point, path);
  return point;
}

/** 400 when more photos than the county allows are sent. */
export async function checkPhotoCount(trx: Knex.Transaction, photoIds: string[], path: string): Promise<void> {
  const { maxPhotos } = await gridEventsConfig(trx);
  if (photoIds.length > maxPhotos)
    throw badRequest(GRID_ERRORS.FILE_INVALID, `At most ${maxPhotos} photos`, [{ path, message: `holds ${photoIds.length} photos` }]);
}

/** 400 naming each id that is not an uploaded photo of the county. */
export async function checkPhotos(trx: Knex.Transaction, ids: string[], path: string): Promise<void> {
  if (ids.length === 0) return;
  const found: { id: string; content_type: string }[] = await trx('core_file').whereIn('id', ids).select('id', 'content_type');
  const types = new Map(found.map((f) => [f.id, f.content_type]));
  const problems = ids.flatMap((id, i) =>
    types.get(id)?.startsWith('image/')
      ? []
      : [{ path: `${path}[${i}]`, message: types.has(id) ? 'is not a photo' : 'is not an uploaded file' }],
  );
  if (problems.length > 0) throw badRequest(GRID_ERRORS.FILE_INVALID, 'Some photos are not uploaded photos', problems);
}

/**
 * Records a reported event and routes it: to the grid holding its place, else the category's
 * department, else it waits for a manager (unassigned). The handlers hear of it at once, in-app
 * and by SMS; a quick close is recorded closed and tells nobody. The timeline gets the report
 * and the routing. Photos are checked and attached by the caller's rules before this runs.
 */
export async function recordEvent(ctx: ModuleContext, input: NewEvent, point: LonLat): Promise<{ id: string; code: string }> {
  const { trx, now } = ctx;
  const category: CategoryRow = await reportableCategory(trx, input.categoryId, 'body.categoryId');
  const route = input.building ? await routeToBuildingGrid(trx, input.building) : await routeEvent(trx, point, category);
  const id = uuidv7();
  const code = await uniqueCode(trx);
  const quick = input.quick !== undefined;
  const acceptDue = addHours(now, category.accept_hours);
  const resolveDue = addHours(now, category.resolve_hours);
  const status = quick ? 'closed' : route.unitId ? 'reported' : 'unassigned';
  await trx('grid_event').insert({
    tenant_id: ctx.tenantId,
    id,
    code,
    category_id: category.id,
    description: input.description.trim(),
    lon: point.lon,
    lat: point.lat,
    address: input.location.address?.trim() ?? '',
    building_id: input.building?.id ?? null,
    building_unit: input.building?.unit ? String(input.building.unit) : null,
    source: input.source,
    reporter_user_id: input.reporter.userId,
    reporter_name: input.reporter.name,
    reporter_phone: input.reporter.phone,
    status,
    level: route.level,
    handling_unit_id: route.unitId,
    area_id: route.areaId,
    grid_unit_id: route.gridUnitId,
    routed_by: route.routedBy,
    accept_due_at: quick || !route.unitId ? null : acceptDue,
    resolve_due_at: quick || !route.unitId ? null : resolveDue,
    escalate_at: quick || !route.unitId ? null : acceptDue,
    accepted_at: quick ? now : null,
    resolved_at: quick ? now : null,
    closed_at: quick ? now : null,
    quick,
    photo_ids: JSON.stringify(input.photoIds),
    resolution_photo_ids: JSON.stringify(quick ? input.photoIds : []),
    resolution_note: input.quick?.note.trim() ?? '',
    created_at: now,
    updated_at: now,
  });
  await attachFiles(
    trx,
    ctx.tenantId,
    input.reporter.userId,
    { module: 'grid-events', kind: 'event', id },
    fileReferences(input.photoIds, 'body.photoIds'),
  );
  const actor = { actorUserId: input.reporter.userId, actorName: input.reporter.name };
  await appendStep(ctx, id, {
    ...actor,
    action: 'report',
    toStatus: quick ? 'closed' : 'reported',
    note: input.description.trim(),
    photoIds: input.photoIds,
  });
  const notice = { id, code, categoryName: category.name, description: input.description, address: input.location.address ?? '' };
  if (quick) {
    await appendStep(ctx, id, {
      ...actor,
      action: 'quick_close',
      fromStatus: 'reported',
      toStatus: 'closed',
      unitId: route.unitId,
      note: input.quick?.note,
    });
  } else if (route.unitId) {
    await appendStep(ctx, id, {
      action: 'route',
      actorUserId: null,
      actorName: '',
      toStatus: 'reported',
      unitId: route.unitId,
      note: route.routedBy ?? '',
    });
    await tellHandlers(ctx, notice, route.unitId, { acceptBy: acceptDue, smsTemplate: category.sms_template });
  } else {
    await appendStep(ctx, id, { action: 'unrouted', actorUserId: null, actorName: '', toStatus: 'unassigned' });
    await tellManagers(
      ctx,
      notice,
      null,
      gridMessage('event.unrouted', { category: category.name, code, place: notice.address || code }),
      'grid-events.event.unrouted',
    );
  }
  await ctx.emitEvent(trx, ctx.tenantId, 'grid-events.reported', { eventId: id, categoryId: category.id, unitId: route.unitId, quick });
  return { id, code };
}

async function uniqueCode(trx: Knex.Transaction): Promise<string> {
  for (;;) {
    const code = newTrackingCode();
    if (!(await trx('grid_event').where({ code }).first('id'))) return code;
  }
}
