import type { Knex } from 'knex';
import type { EventStatus } from '../schemas/common.schema.ts';

/** A grid_event row with the names lists show (category, handling unit, grid), as read by `eventQuery`. */
export interface EventRow {
  id: string;
  code: string;
  category_id: string;
  category_name: string;
  description: string;
  lon: number;
  lat: number;
  address: string;
  building_id: string | null;
  building_unit: string | null;
  source: 'worker' | 'citizen' | 'open311';
  reporter_user_id: string | null;
  reporter_name: string;
  reporter_phone: string | null;
  status: EventStatus;
  level: number;
  handling_unit_id: string | null;
  handling_unit_name: string | null;
  handling_unit_path: string | null;
  area_id: string | null;
  grid_unit_id: string | null;
  grid_unit_name: string | null;
  grid_unit_path: string | null;
  routed_by: string | null;
  accept_due_at: Date | null;
  resolve_due_at: Date | null;
  escalate_at: Date | null;
  accepted_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  quick: boolean;
  photo_ids: string[];
  resolution_photo_ids: string[];
  resolution_note: string;
  extension_hours: number | null;
  extension_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  reopen_count: number;
  merged_into_id: string | null;
  callback_status: 'drawn' | 'done' | null;
  callback_result: string | null;
  callback_note: string | null;
  callback_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** States in which someone still has to act: they count for the queue, deadlines and escalation. */
export const OPEN_STATES: EventStatus[] = ['reported', 'accepted', 'in_progress'];

/** Events with the names of their category, handling unit and grid, in one query. */
export function eventQuery(trx: Knex.Transaction) {
  return trx('grid_event as e')
    .join('grid_category as c', function joinCategory() {
      this.on('c.tenant_id', 'e.tenant_id').andOn('c.id', 'e.category_id');
    })
    .leftJoin('core_unit as hu', function joinHandler() {
      this.on('hu.tenant_id', 'e.tenant_id').andOn('hu.id', 'e.handling_unit_id');
    })
    .leftJoin('core_unit as gu', function joinGrid() {
      this.on('gu.tenant_id', 'e.tenant_id').andOn('gu.id', 'e.grid_unit_id');
    })
    .select(
      'e.*',
      'c.name as category_name',
      'hu.name as handling_unit_name',
      'hu.path as handling_unit_path',
      'gu.name as grid_unit_name',
      'gu.path as grid_unit_path',
    );
}

/** Past its deadline and not resolved: the accept deadline while waiting to be accepted, the resolve deadline always. */
export function isOverdue(row: Pick<EventRow, 'status' | 'accept_due_at' | 'resolve_due_at'>, now: Date): boolean {
  if (!OPEN_STATES.includes(row.status)) return false;
  if (row.resolve_due_at && new Date(row.resolve_due_at) < now) return true;
  return row.status === 'reported' && row.accept_due_at !== null && new Date(row.accept_due_at) < now;
}
