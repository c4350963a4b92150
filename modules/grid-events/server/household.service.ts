import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import {
  attachFiles,
  badRequest,
  decodeCursor,
  encodeCursor,
  fileReferences,
  notFound,
  type DataScope,
  type ModuleContext,
  DAY_MS,
} from '../../../core/module-kit.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type {
  HouseholdChanges,
  HouseholdView,
  OverdueVisitView,
  OverdueVisitsQuery,
  VisitInput,
  VisitView,
} from '../schemas/household.schema.ts';
import { buildingQuery, inAnyScope, scopesOf, whereInAnyScope, type BuildingRow } from './building-access.ts';
import { fileViews } from './event-view.ts';
import { checkPhotos } from './event.service.ts';
import { shortestCadence, visitCadences, visitDueAt } from './visit-cadence.ts';

/** A visit recorded a little ahead of the server's clock (a phone's) is still "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface HouseholdRow {
  tenant_id: string;
  id: string;
  building_id: string;
  unit_no: number;
  floor: number;
  room: string;
  tags: string[];
  notes: string;
  last_visited_at: Date | null;
  tagged_at: Date;
  cadence_days: number | null;
  visit_due_at: Date | null;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function toHouseholdView(row: HouseholdRow, now: Date): HouseholdView {
  return {
    id: row.id,
    buildingId: row.building_id,
    unitNo: row.unit_no,
    floor: row.floor,
    room: row.room,
    tags: row.tags,
    notes: row.notes,
    lastVisitedAt: iso(row.last_visited_at),
    cadenceDays: row.cadence_days,
    visitDueAt: iso(row.visit_due_at),
    overdue: row.visit_due_at !== null && new Date(row.visit_due_at) <= now,
  };
}

/** The household and its building if the building's grid lies in the scope of one of `permissions`, else 404. */
export async function householdAccess(
  request: FastifyRequest,
  id: string,
  permissions: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<{ household: HouseholdRow; building: BuildingRow }> {
  const query = request.db('grid_household').where({ id });
  if (options.forUpdate) query.forUpdate();
  const household: HouseholdRow | undefined = await query.first();
  const building: BuildingRow | undefined = household
    ? await buildingQuery(request.db).where('b.id', household.building_id).first()
    : undefined;
  if (!household || !building || !inAnyScope(building.grid_unit_path, await scopesOf(request, permissions)))
    throw notFound(GRID_ERRORS.HOUSEHOLD_NOT_FOUND, 'No such household');
  return { household, building };
}

/** A building's households in floor-model order: unit, floor, room. */
export async function listHouseholds(trx: Knex.Transaction, buildingId: string, now: Date): Promise<HouseholdView[]> {
  await visitCadences(trx);
  const rows: HouseholdRow[] = await trx('grid_household')
    .where({ building_id: buildingId })
    .orderBy([{ column: 'unit_no' }, { column: 'floor' }, { column: 'room' }]);
  return rows.map((r) => toHouseholdView(r, now));
}

/** Sets tags and notes; new tags start the cadence of a household never visited from now. */
export async function updateHousehold(
  ctx: Pick<ModuleContext, 'trx' | 'now'>,
  household: HouseholdRow,
  changes: HouseholdChanges,
): Promise<HouseholdRow> {
  const next = { ...household };
  if (changes.notes !== undefined) next.notes = changes.notes.trim();
  if (changes.tags !== undefined) {
    const tags = changes.tags;
    if (JSON.stringify(tags) !== JSON.stringify(household.tags)) next.tagged_at = ctx.now;
    next.tags = tags;
  }
  next.cadence_days = shortestCadence(next.tags, await visitCadences(ctx.trx));
  next.visit_due_at = visitDueAt(next, next.cadence_days);
  await ctx
    .trx('grid_household')
    .where({ id: household.id })
    .update({
      tags: JSON.stringify(next.tags),
      notes: next.notes,
      tagged_at: next.tagged_at,
      cadence_days: next.cadence_days,
      visit_due_at: next.visit_due_at,
      updated_at: ctx.now,
    });
  return next;
}

interface VisitRow {
  id: string;
  household_id: string;
  visitor_name: string;
  note: string;
  photo_ids: string[];
  visited_at: Date;
  created_at: Date;
}

async function toVisitViews(trx: Knex.Transaction, rows: VisitRow[]): Promise<VisitView[]> {
  const files = await fileViews(
    trx,
    rows.flatMap((r) => r.photo_ids),
  );
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    visitorName: r.visitor_name,
    note: r.note,
    photos: r.photo_ids.flatMap((id) => files.get(id) ?? []),
    visitedAt: new Date(r.visited_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * Records a visit (入户走访) with its note and photos (images the visitor uploaded), and moves the
 * household's next visit one cadence past its latest visit. A visit dated before the latest one
 * (written up late) is kept but moves nothing.
 */
export async function recordVisit(
  ctx: ModuleContext,
  household: HouseholdRow,
  visitor: { userId: string; name: string },
  input: VisitInput,
): Promise<VisitView> {
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : ctx.now;
  if (visitedAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS)
    throw badRequest(GRID_ERRORS.VISIT_INVALID, 'A visit cannot lie in the future', [
      { path: 'body.visitedAt', message: 'is in the future' },
    ]);
  const photoIds = input.photoIds ?? [];
  await checkPhotos(ctx.trx, photoIds, 'body.photoIds');
  const id = uuidv7();
  const row = {
    tenant_id: ctx.tenantId,
    id,
    household_id: household.id,
    visitor_user_id: visitor.userId,
    visitor_name: visitor.name,
    note: input.note?.trim() ?? '',
    photo_ids: JSON.stringify(photoIds),
    visited_at: visitedAt,
    created_at: ctx.now,
  };
  await ctx.trx('grid_household_visit').insert(row);
  await attachFiles(
    ctx.trx,
    ctx.tenantId,
    visitor.userId,
    { module: 'grid-events', kind: 'visit', id },
    fileReferences(photoIds, 'body.photoIds'),
  );
  const last =
    household.last_visited_at && new Date(household.last_visited_at) > visitedAt ? new Date(household.last_visited_at) : visitedAt;
  const days = shortestCadence(household.tags, await visitCadences(ctx.trx));
  await ctx
    .trx('grid_household')
    .where({ id: household.id })
    .update({
      last_visited_at: last,
      cadence_days: days,
      visit_due_at: visitDueAt({ last_visited_at: last, tagged_at: household.tagged_at }, days),
      updated_at: ctx.now,
    });
  return (await toVisitViews(ctx.trx, [{ ...row, photo_ids: photoIds }]))[0];
}

/** A household's visits, newest first, keyset-paged on (visited_at, id). */
export async function listVisits(
  trx: Knex.Transaction,
  householdId: string,
  input: { limit?: number; cursor?: string },
): Promise<{ items: VisitView[]; nextCursor: string | null }> {
  const limit = input.limit ?? 20;
  const query = trx('grid_household_visit')
    .where({ household_id: householdId })
    .select('*', trx.raw('visited_at::text as cursor_at'))
    .orderBy([
      { column: 'visited_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, ['timestamp', 'uuid'], GRID_ERRORS.CURSOR_INVALID);
    query.whereRaw('(visited_at, id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows: (VisitRow & { cursor_at: string })[] = await query;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: await toVisitViews(trx, items), nextCursor: rows.length > limit ? encodeCursor([last.cursor_at, last.id]) : null };
}

/** Which visits are overdue now: in the caller's scopes, narrowed as asked. */
export interface OverdueFilter extends OverdueVisitsQuery {
  scopes: DataScope[];
}

/**
 * Households whose visit is due (the shortest cadence of their tags has passed since their last
 * visit, or since they were tagged), of buildings whose grid lies in the caller's scopes, oldest
 * first. The partial index on (tenant, visit_due_at, id) walks them in order.
 */
export async function overdueVisits(
  trx: Knex.Transaction,
  filter: OverdueFilter,
  now: Date,
): Promise<{ items: OverdueVisitView[]; nextCursor: string | null }> {
  await visitCadences(trx);
  const limit = filter.limit ?? 20;
  const query = trx('grid_household as h')
    .join('grid_building as b', function joinBuilding() {
      this.on('b.tenant_id', 'h.tenant_id').andOn('b.id', 'h.building_id');
    })
    .join('core_unit as g', function joinGrid() {
      this.on('g.tenant_id', 'b.tenant_id').andOn('g.id', 'b.grid_unit_id');
    })
    .whereNotNull('h.visit_due_at')
    .where('h.visit_due_at', '<=', now)
    .select(
      'h.*',
      'b.name as building_name',
      'b.address as building_address',
      'g.name as grid_unit_name',
      'b.grid_unit_id',
      trx.raw('h.visit_due_at::text as cursor_at'),
    )
    .orderBy([{ column: 'h.visit_due_at' }, { column: 'h.id' }])
    .limit(limit + 1);
  whereInAnyScope(query, 'b.grid_unit_id', filter.scopes, trx);
  if (filter.gridUnitId) query.where('b.grid_unit_id', filter.gridUnitId);
  if (filter.buildingId) query.where('h.building_id', filter.buildingId);
  if (filter.tag) query.whereRaw('h.tags @> ?::jsonb', [JSON.stringify([filter.tag])]);
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, ['timestamp', 'uuid'], GRID_ERRORS.CURSOR_INVALID);
    query.whereRaw('(h.visit_due_at, h.id) > (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows: (HouseholdRow & {
    building_name: string;
    building_address: string;
    grid_unit_id: string;
    grid_unit_name: string;
    cursor_at: string;
  })[] = await query;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      ...toHouseholdView(r, now),
      building: { id: r.building_id, name: r.building_name, address: r.building_address },
      gridUnit: { id: r.grid_unit_id, name: r.grid_unit_name },
      overdueDays: Math.floor((now.getTime() - new Date(r.visit_due_at as Date).getTime()) / DAY_MS),
    })),
    nextCursor: rows.length > limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}

/** Whether the caller may read a visit's photos: they see its household's building. */
export async function visitReadable(request: FastifyRequest, visitId: string, permissions: readonly string[]): Promise<boolean> {
  const visit: { household_id: string } | undefined = await request.db('grid_household_visit').where({ id: visitId }).first('household_id');
  if (!visit) return false;
  await householdAccess(request, visit.household_id, permissions);
  return true;
}
