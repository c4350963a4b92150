import type { Knex } from 'knex';
import { decodeCursor, encodeCursor } from '../../../core/db/list-cursor.ts';
import { fileViews } from './task-view.ts';

/** A request row with its units' and people's names. */
export interface RequestRow {
  id: string;
  from_unit_id: string;
  from_unit_name: string;
  from_unit_path: string;
  to_unit_id: string;
  to_unit_name: string;
  to_unit_path: string;
  title: string;
  body: string;
  photo_ids: string[];
  status: 'open' | 'responded' | 'rated';
  response: string | null;
  response_photo_ids: string[];
  responded_by: string | null;
  responder_name: string | null;
  responded_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  due_at: Date | null;
  created_by: string;
  creator_name: string;
  created_at: Date;
  cursor_at: string;
}

export function requestQuery(trx: Knex.Transaction) {
  const on = (alias: string, column: string) =>
    function join(this: Knex.JoinClause) {
      this.on(`${alias}.tenant_id`, 'r.tenant_id').andOn(`${alias}.id`, column);
    };
  return trx('dispatch_request as r')
    .join('core_unit as fu', on('fu', 'r.from_unit_id'))
    .join('core_unit as tu', on('tu', 'r.to_unit_id'))
    .join('core_user as cu', on('cu', 'r.created_by'))
    .leftJoin('core_user as ru', on('ru', 'r.responded_by'))
    .select(
      'r.id', 'r.from_unit_id', 'fu.name as from_unit_name', 'fu.path as from_unit_path', 'r.to_unit_id', 'tu.name as to_unit_name', 'tu.path as to_unit_path',
      'r.title', 'r.body', 'r.photo_ids', 'r.status', 'r.response', 'r.response_photo_ids', 'r.responded_by', 'ru.display_name as responder_name', 'r.responded_at',
      'r.rating', 'r.rating_comment', 'r.rated_at', 'r.due_at', 'r.created_by', 'cu.display_name as creator_name', 'r.created_at',
    )
    .select(trx.raw('r.created_at::text as cursor_at'));
}

/** Views of request rows; `unitId` is the caller's unit, which decides their side. */
export async function toRequestViews(trx: Knex.Transaction, rows: RequestRow[], unitId: string | null, holdsRequest: boolean) {
  const files = await fileViews(trx, [...new Set(rows.flatMap((r) => [...r.photo_ids, ...r.response_photo_ids]))]);
  const photos = (ids: string[]) => ids.flatMap((id) => files.get(id) ?? []);
  return rows.map((r) => ({
    id: r.id,
    fromUnit: { id: r.from_unit_id, name: r.from_unit_name },
    toUnit: { id: r.to_unit_id, name: r.to_unit_name },
    title: r.title,
    body: r.body,
    photos: photos(r.photo_ids),
    status: r.status,
    dueAt: r.due_at,
    createdBy: { id: r.created_by, name: r.creator_name },
    createdAt: r.created_at,
    response: r.responded_at ? { text: r.response ?? '', photos: photos(r.response_photo_ids), by: { id: r.responded_by ?? '', name: r.responder_name ?? '' }, at: r.responded_at } : null,
    rating: r.rated_at ? { score: r.rating ?? 0, comment: r.rating_comment, at: r.rated_at } : null,
    viewer: { raises: holdsRequest && unitId === r.from_unit_id, answers: holdsRequest && unitId === r.to_unit_id },
  }));
}

/** A page of requests, newest first, keyset-paged on (created_at, id). */
export async function requestPage(trx: Knex.Transaction, query: Knex.QueryBuilder, page: { limit: number; cursor?: string }, unitId: string | null, holdsRequest: boolean) {
  query.orderBy([{ column: 'r.created_at', order: 'desc' }, { column: 'r.id', order: 'desc' }]).limit(page.limit + 1);
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['timestamp', 'uuid'], 'DISPATCH_CURSOR_INVALID');
    query.whereRaw('(r.created_at, r.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows: RequestRow[] = await query;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return { items: await toRequestViews(trx, items, unitId, holdsRequest), nextCursor: rows.length > page.limit ? encodeCursor([last.cursor_at, last.id]) : null };
}
