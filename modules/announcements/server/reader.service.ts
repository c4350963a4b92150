import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { badRequest, conflict, CORE_ERRORS, decodeCursor, encodeCursor } from '../../../core/module-kit.ts';
import { ANNOUNCEMENT_ERRORS } from '../schemas/error-codes.ts';
import type { ListMineQuery, ReaderSummary, ReaderView } from '../schemas/notice.schema.ts';
import { noticeNotFound, recipientRow } from './notice-access.ts';
import { attachmentViews, iso, isExpired } from './notice-row.ts';

interface ReaderRow {
  id: string;
  title: string;
  pinned: boolean;
  requires_confirmation: boolean;
  unit_name: string | null;
  published_at: Date;
  published_at_text: string;
  expires_at: Date | null;
  read_at: Date | null;
  confirmed_at: Date | null;
}

/** The notices addressed to a user (their recipient rows, by the (user, notice) index), published only. */
function addressedTo(trx: Knex.Transaction, userId: string): Knex.QueryBuilder {
  return trx('announcement_recipient as r')
    .join('announcement as a', function joinNotice() {
      this.on('a.tenant_id', 'r.tenant_id').andOn('a.id', 'r.announcement_id');
    })
    .where('r.user_id', userId)
    .where('a.status', 'published');
}

const current = (query: Knex.QueryBuilder, now: Date) => query.where((q) => q.whereNull('a.expires_at').orWhere('a.expires_at', '>', now));

function toReaderSummary(row: ReaderRow): ReaderSummary {
  return {
    id: row.id,
    title: row.title,
    pinned: row.pinned,
    requiresConfirmation: row.requires_confirmation,
    unit: row.unit_name,
    publishedAt: row.published_at.toISOString(),
    expiresAt: iso(row.expires_at),
    readAt: iso(row.read_at),
    confirmedAt: iso(row.confirmed_at),
  };
}

/**
 * The signed-in user's notices: published, not expired, pinned first, then newest (keyset by
 * pinned, published time and id), and how many of them are unread.
 */
export async function listMine(
  request: FastifyRequest,
  query: ListMineQuery,
): Promise<{ items: ReaderSummary[]; nextCursor: string | null; unreadCount: number }> {
  const trx = request.db;
  const userId = request.user!.id;
  const now = new Date();
  const limit = query.limit ?? 20;
  const list = current(addressedTo(trx, userId), now)
    .leftJoin('core_unit as un', function joinUnit() {
      this.on('un.tenant_id', 'a.tenant_id').andOn('un.id', 'a.unit_id');
    })
    .orderBy([
      { column: 'a.pinned', order: 'desc' },
      { column: 'a.published_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(limit + 1)
    .select(
      'a.id',
      'a.title',
      'a.pinned',
      'a.requires_confirmation',
      'un.name as unit_name',
      'a.published_at',
      trx.raw('a.published_at::text as published_at_text'),
      'a.expires_at',
      'r.read_at',
      'r.confirmed_at',
    );
  if (query.unread) list.whereNull('r.read_at');
  if (query.cursor) {
    const [pinned, at, id] = decodeCursor(query.cursor, ['text', 'timestamp', 'uuid']);
    if (pinned !== 'true' && pinned !== 'false')
      throw badRequest(CORE_ERRORS.CURSOR_INVALID, 'The cursor is not one this list gave out', [
        { path: 'querystring.cursor', message: 'is invalid' },
      ]);
    list.whereRaw('(a.pinned, a.published_at, a.id) < (?::boolean, ?::timestamptz, ?::uuid)', [pinned, at, id]);
  }
  const rows: ReaderRow[] = await list;
  const unread: { count: string | number } | undefined = await current(addressedTo(trx, userId), now)
    .whereNull('r.read_at')
    .count({ count: '*' })
    .first();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toReaderSummary),
    nextCursor: rows.length > limit ? encodeCursor([String(last.pinned), last.published_at_text, last.id]) : null,
    unreadCount: Number(unread?.count ?? 0),
  };
}

async function readerView(request: FastifyRequest, id: string): Promise<ReaderView> {
  const trx = request.db;
  const row: (ReaderRow & { body_html: string; attachment_ids: string[] }) | undefined = await addressedTo(trx, request.user!.id)
    .leftJoin('core_unit as un', function joinUnit() {
      this.on('un.tenant_id', 'a.tenant_id').andOn('un.id', 'a.unit_id');
    })
    .where('a.id', id)
    .first(
      'a.id',
      'a.title',
      'a.pinned',
      'a.requires_confirmation',
      'un.name as unit_name',
      'a.published_at',
      'a.expires_at',
      'a.body_html',
      'a.attachment_ids',
      'r.read_at',
      'r.confirmed_at',
    );
  if (!row) throw noticeNotFound();
  return {
    ...toReaderSummary(row),
    bodyHtml: row.body_html,
    attachments: await attachmentViews(trx, row.attachment_ids),
    expired: isExpired(row, new Date()),
  };
}

/**
 * Opens a notice addressed to the signed-in user: the first opening sets the read time (later
 * ones keep it). Anyone it is not addressed to, or once it is withdrawn, gets 404.
 */
export async function openNotice(request: FastifyRequest, id: string): Promise<ReaderView> {
  const receipt = await recipientRow(request.db, id, request.user!.id);
  if (!receipt) throw noticeNotFound();
  if (!receipt.read_at)
    await request
      .db('announcement_recipient')
      .where({ announcement_id: id, user_id: request.user!.id })
      .whereNull('read_at')
      .update({ read_at: new Date() });
  return readerView(request, id);
}

/** Confirms receipt (确认收到), which also counts as read; a second confirmation keeps the first time. */
export async function confirmNotice(request: FastifyRequest, id: string): Promise<ReaderView> {
  const receipt = await recipientRow(request.db, id, request.user!.id);
  if (!receipt) throw noticeNotFound();
  const notice: { requires_confirmation: boolean } = await request.db('announcement').where({ id }).first('requires_confirmation');
  if (!notice.requires_confirmation)
    throw conflict(ANNOUNCEMENT_ERRORS.CONFIRMATION_NOT_REQUIRED, 'This notice does not ask for a confirmation');
  if (!receipt.confirmed_at) {
    const now = new Date();
    await request
      .db('announcement_recipient')
      .where({ announcement_id: id, user_id: request.user!.id })
      .whereNull('confirmed_at')
      .update({ confirmed_at: now, read_at: request.db.raw('coalesce(read_at, ?)', [now]) });
  }
  return readerView(request, id);
}
