import type { CategoryRow } from './category.service.ts';
import type { RequestView, ServiceView } from '../schemas/open311.schema.ts';
import type { EventStatus } from '../schemas/common.schema.ts';
import { isoInZone } from './open311-time.ts';

/** Where someone still has to act is `open` in the standard; done, closed or folded into another is `closed`. */
const CLOSED_STATES: EventStatus[] = ['resolved', 'closed', 'merged'];
export const OPEN311_STATES: Record<'open' | 'closed', EventStatus[]> = {
  open: ['unassigned', 'reported', 'accepted', 'in_progress'],
  closed: CLOSED_STATES,
};

/** What the GET routes read of a request: citizen-visible facts only, never the reporter. */
export interface Open311Row {
  code: string;
  status: EventStatus;
  resolution_note: string;
  description: string;
  address: string;
  lon: number;
  lat: number;
  created_at: Date;
  updated_at: Date;
  resolve_due_at: Date | null;
  photo_ids: string[];
  resolution_photo_ids: string[];
  category_name: string;
  category_code: string;
  handling_unit_name: string | null;
  media_url: string | null;
}

export interface ViewContext {
  timeZone: string;
  /** The absolute URL of one of the event's photos on the public photo route. */
  photoUrl(code: string, fileId: string): string;
}

/**
 * A request as GeoReport v2 shows it. media_url: the report's own photo, else the link the
 * client sent, else the photo of its resolution. expected_datetime: the resolve deadline while
 * it is open.
 */
export function toRequestView(row: Open311Row, context: ViewContext): RequestView {
  const open = !CLOSED_STATES.includes(row.status);
  const photo = (ids: string[]) => (ids.length > 0 ? context.photoUrl(row.code, ids[0]) : null);
  return {
    service_request_id: row.code,
    status: open ? 'open' : 'closed',
    status_notes: row.resolution_note || null,
    service_name: row.category_name,
    service_code: row.category_code,
    description: row.description,
    agency_responsible: row.handling_unit_name,
    service_notice: null,
    requested_datetime: isoInZone(row.created_at, context.timeZone),
    updated_datetime: isoInZone(row.updated_at, context.timeZone),
    expected_datetime: open && row.resolve_due_at ? isoInZone(row.resolve_due_at, context.timeZone) : null,
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: Number(row.lat),
    long: Number(row.lon),
    media_url: photo(row.photo_ids) ?? row.media_url ?? photo(row.resolution_photo_ids),
  };
}

/** Keywords as the standard lists them: comma separated, whatever a county separated them with. */
function keywordList(keywords: string): string {
  return keywords
    .split(/[\s,，、;；]+/)
    .filter(Boolean)
    .join(',');
}

/** A category as a service: realtime (answered with the request id at once), without attributes. */
export function toServiceView(row: CategoryRow, parentName: string | undefined): ServiceView {
  return {
    service_code: row.code,
    service_name: row.name,
    description: row.description,
    metadata: false,
    type: 'realtime',
    keywords: keywordList(row.keywords),
    group: parentName ?? '',
  };
}
