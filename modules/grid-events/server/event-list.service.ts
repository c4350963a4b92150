import type { Knex } from 'knex';
import { containsPattern, decodeCursor, encodeCursor, whereInScope, type DataScope } from '../../../core/module-kit.ts';
import type { EventSummary, ListEventsQuery } from '../schemas/event.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { whereVisible, type CallerScopes } from './event-access.ts';
import { eventQuery, OPEN_STATES, type EventRow } from './event-row.ts';
import { toEventSummary } from './event-view.ts';

interface Page {
  items: EventSummary[];
  nextCursor: string | null;
}

/** Newest first, keyset-paged on (created_at, id): stable while others report. */
function keyset(query: Knex.QueryBuilder, trx: Knex.Transaction, limit: number, cursor: string | undefined): Knex.QueryBuilder {
  query
    .select(trx.raw('e.created_at::text as cursor_at'))
    .orderBy([
      { column: 'e.created_at', order: 'desc' },
      { column: 'e.id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (cursor) {
    const [at, id] = decodeCursor(cursor, ['timestamp', 'uuid'], GRID_ERRORS.CURSOR_INVALID);
    query.whereRaw('(e.created_at, e.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  return query;
}

/**
 * One page of the events `filtered()` gives, in the given states. With several states each state's
 * rows come from their own ordered, limited walk of the (state, created_at, id) index and are merged:
 * a single `status in (…)` would read and sort every matching row of a county with 100,000 events
 * to keep twenty (docs/PERFORMANCE.md, grid events).
 */
async function page(
  filtered: () => Knex.QueryBuilder,
  statuses: readonly string[] | undefined,
  trx: Knex.Transaction,
  limit: number,
  cursor: string | undefined,
  now: Date,
): Promise<Page> {
  let rows: (EventRow & { cursor_at: string })[];
  if (!statuses || statuses.length <= 1) {
    const query = filtered();
    if (statuses?.length) query.where('e.status', statuses[0]);
    rows = await keyset(query, trx, limit, cursor);
  } else {
    const parts = statuses.map((status) => keyset(filtered().where('e.status', status), trx, limit, cursor));
    rows = await trx
      .select('*')
      .from(trx.queryBuilder().unionAll(parts, true).as('u'))
      .orderBy([
        { column: 'u.created_at', order: 'desc' },
        { column: 'u.id', order: 'desc' },
      ])
      .limit(limit + 1);
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toEventSummary(r, now)),
    nextCursor: rows.length > limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}

/** Overdue, in SQL: what `isOverdue` says of one row. */
function whereOverdue(query: Knex.QueryBuilder, now: Date, overdue: boolean): void {
  const condition = `(e.status in ('reported', 'accepted', 'in_progress') and (e.resolve_due_at < ? or (e.status = 'reported' and e.accept_due_at < ?)))`;
  query.whereRaw(overdue ? condition : `not ${condition}`, [now, now]);
}

/** The events the caller sees, filtered as asked. */
export async function listEvents(trx: Knex.Transaction, scopes: CallerScopes, filter: ListEventsQuery, now: Date): Promise<Page> {
  return page(() => filteredEvents(trx, scopes, filter, now), filter.status, trx, filter.limit ?? 20, filter.cursor, now);
}

function filteredEvents(trx: Knex.Transaction, scopes: CallerScopes, filter: ListEventsQuery, now: Date): Knex.QueryBuilder {
  const query = whereVisible(eventQuery(trx), scopes, trx);
  if (filter.categoryId) query.where('e.category_id', filter.categoryId);
  if (filter.gridUnitId) query.where('e.grid_unit_id', filter.gridUnitId);
  if (filter.handlingUnitId) query.where('e.handling_unit_id', filter.handlingUnitId);
  if (filter.mine) query.where('e.reporter_user_id', scopes.userId);
  if (filter.overdue !== undefined) whereOverdue(query, now, filter.overdue);
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    query.where((w) => w.where('e.code', q.toUpperCase()).orWhereILike('e.description', pattern).orWhereILike('e.address', pattern));
  }
  return query;
}

/** The handler's queue: open events handled by units in the caller's grid-events.handle scope. */
export async function eventQueue(
  trx: Knex.Transaction,
  handleScope: DataScope,
  input: { limit?: number; cursor?: string },
  now: Date,
): Promise<Page> {
  const filtered = () => whereInScope(eventQuery(trx), 'e.handling_unit_id', handleScope, trx);
  return page(filtered, OPEN_STATES, trx, input.limit ?? 20, input.cursor, now);
}
