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
async function page(query: Knex.QueryBuilder, trx: Knex.Transaction, limit: number, cursor: string | undefined, now: Date): Promise<Page> {
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
  const rows: (EventRow & { cursor_at: string })[] = await query;
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
  const query = whereVisible(eventQuery(trx), scopes, trx);
  if (filter.status?.length) query.whereIn('e.status', filter.status);
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
  return page(query, trx, filter.limit ?? 20, filter.cursor, now);
}

/** The handler's queue: open events handled by units in the caller's grid-events.handle scope. */
export async function eventQueue(
  trx: Knex.Transaction,
  handleScope: DataScope,
  input: { limit?: number; cursor?: string },
  now: Date,
): Promise<Page> {
  const query = eventQuery(trx).whereIn('e.status', OPEN_STATES);
  whereInScope(query, 'e.handling_unit_id', handleScope, trx);
  return page(query, trx, input.limit ?? 20, input.cursor, now);
}
