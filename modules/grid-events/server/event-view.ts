import type { Knex } from 'knex';
import type { FileView } from '../schemas/common.schema.ts';
import type { EventSummary, EventView, StepView } from '../schemas/event.schema.ts';
import { allowedActions, type EventAccess } from './event-access.ts';
import { isOverdue, type EventRow } from './event-row.ts';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function toEventSummary(row: EventRow, now: Date): EventSummary {
  return {
    id: row.id,
    code: row.code,
    category: { id: row.category_id, name: row.category_name },
    description: row.description,
    lon: Number(row.lon),
    lat: Number(row.lat),
    address: row.address,
    source: row.source,
    status: row.status,
    level: row.level,
    handlingUnit: ref(row.handling_unit_id, row.handling_unit_name),
    gridUnit: ref(row.grid_unit_id, row.grid_unit_name),
    quick: row.quick,
    overdue: isOverdue(row, now),
    acceptDueAt: iso(row.accept_due_at),
    resolveDueAt: iso(row.resolve_due_at),
    rating: row.rating,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Views of uploaded files by id, in one query. */
export async function fileViews(trx: Knex.Transaction, ids: string[]): Promise<Map<string, FileView>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string; content_type: string; size_bytes: string | number }[] = await trx('core_file')
    .whereIn('id', [...new Set(ids)])
    .select('id', 'name', 'content_type', 'size_bytes');
  return new Map(rows.map((f) => [f.id, { id: f.id, name: f.name, contentType: f.content_type, sizeBytes: Number(f.size_bytes) }]));
}

interface StepRow {
  id: string;
  action: string;
  actor_name: string;
  from_status: string | null;
  to_status: string | null;
  unit_id: string | null;
  unit_name: string | null;
  note: string;
  photo_ids: string[];
  created_at: Date;
}

export async function stepRows(trx: Knex.Transaction, eventId: string): Promise<StepRow[]> {
  return trx('grid_event_step as s')
    .leftJoin('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 's.tenant_id').andOn('u.id', 's.unit_id');
    })
    .where('s.event_id', eventId)
    .orderBy([{ column: 's.created_at' }, { column: 's.id' }])
    .select(
      's.id',
      's.action',
      's.actor_name',
      's.from_status',
      's.to_status',
      's.unit_id',
      'u.name as unit_name',
      's.note',
      's.photo_ids',
      's.created_at',
    );
}

/** The whole event as its page shows it: facts, photos, the timeline, and what the caller may do now. */
export async function toEventView(trx: Knex.Transaction, access: EventAccess, now: Date): Promise<EventView> {
  const { event } = access;
  const steps = await stepRows(trx, event.id);
  const files = await fileViews(trx, [...event.photo_ids, ...event.resolution_photo_ids, ...steps.flatMap((s) => s.photo_ids)]);
  const photos = (ids: string[]) => ids.flatMap((id) => files.get(id) ?? []);
  const merged: { code: string } | undefined = event.merged_into_id
    ? await trx('grid_event').where({ id: event.merged_into_id }).first('code')
    : undefined;
  const stepViews: StepView[] = steps.map((s) => ({
    id: s.id,
    action: s.action,
    actorName: s.actor_name,
    fromStatus: s.from_status,
    toStatus: s.to_status,
    unit: ref(s.unit_id, s.unit_name),
    note: s.note,
    photos: photos(s.photo_ids),
    createdAt: new Date(s.created_at).toISOString(),
  }));
  return {
    ...toEventSummary(event, now),
    reporterName: event.reporter_name,
    reporterPhone: access.seesReporter ? event.reporter_phone : null,
    routedBy: event.routed_by,
    acceptedAt: iso(event.accepted_at),
    resolvedAt: iso(event.resolved_at),
    closedAt: iso(event.closed_at),
    photos: photos(event.photo_ids),
    resolutionPhotos: photos(event.resolution_photo_ids),
    resolutionNote: event.resolution_note,
    extension: event.extension_hours !== null ? { hours: event.extension_hours, reason: event.extension_reason ?? '' } : null,
    ratingComment: event.rating_comment,
    reopenCount: event.reopen_count,
    mergedIntoCode: merged?.code ?? null,
    callbackStatus: event.callback_status,
    callbackResult: event.callback_result,
    callbackNote: event.callback_note,
    steps: stepViews,
    actions: allowedActions(access),
  };
}
