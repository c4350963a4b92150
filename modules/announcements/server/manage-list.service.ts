import type { FastifyRequest } from 'fastify';
import { decodeCursor, encodeCursor } from '../../../core/module-kit.ts';
import type { ListManagedQuery, NoticeSummary } from '../schemas/notice.schema.ts';
import { whereManaged } from './notice-access.ts';
import { noticeRows, toNoticeSummary, type NoticeRow } from './notice-row.ts';

/** The publisher's notices, newest first (keyset on creation time and id), expired and withdrawn ones included. */
export async function listManaged(
  request: FastifyRequest,
  userId: string,
  query: ListManagedQuery,
): Promise<{ items: NoticeSummary[]; nextCursor: string | null }> {
  const trx = request.db;
  const limit = query.limit ?? 20;
  const list = whereManaged(noticeRows(trx), trx, request.scope, userId)
    .select(trx.raw('a.created_at::text as cursor_at'))
    .orderBy([
      { column: 'a.created_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (query.status) list.where('a.status', query.status);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    list.whereRaw('(a.created_at, a.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows: (NoticeRow & { cursor_at: string })[] = await list;
  const now = new Date();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toNoticeSummary(r, now)),
    nextCursor: rows.length > limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
