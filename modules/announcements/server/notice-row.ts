import type { Knex } from 'knex';
import type { AudienceKind, FileView, NoticeStatus, NoticeSummary, ReceiptCounts } from '../schemas/notice.schema.ts';

/** A notice as the publishers' queries read it: the row, its unit's and author's names, its receipt counts. */
export interface NoticeRow {
  id: string;
  title: string;
  body_html: string;
  unit_id: string | null;
  unit_name: string | null;
  created_by: string | null;
  author: string | null;
  status: NoticeStatus;
  pinned: boolean;
  requires_confirmation: boolean;
  sms: boolean;
  expires_at: Date | null;
  audience_kind: AudienceKind;
  audience_ids: string[];
  attachment_ids: string[];
  recipient_count: number;
  published_at: Date | null;
  withdrawn_at: Date | null;
  created_at: Date;
  updated_at: Date;
  read_count: number | string;
  confirmed_count: number | string;
}

/**
 * The notices with what the publishers' views show. The counts are one index-only pass over the
 * notice's recipient rows (their key leads with the notice).
 */
export function noticeRows(trx: Knex.Transaction): Knex.QueryBuilder {
  return trx('announcement as a')
    .leftJoin('core_unit as un', function joinUnit() {
      this.on('un.tenant_id', 'a.tenant_id').andOn('un.id', 'a.unit_id');
    })
    .leftJoin('core_user as au', function joinAuthor() {
      this.on('au.tenant_id', 'a.tenant_id').andOn('au.id', 'a.created_by');
    })
    .select(
      'a.*',
      'un.name as unit_name',
      'au.display_name as author',
      trx.raw(
        '(select count(r.read_at) from announcement_recipient r where r.tenant_id = a.tenant_id and r.announcement_id = a.id) as read_count',
      ),
      trx.raw(
        '(select count(r.confirmed_at) from announcement_recipient r where r.tenant_id = a.tenant_id and r.announcement_id = a.id) as confirmed_count',
      ),
    );
}

export const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function isExpired(row: { expires_at: Date | null }, now: Date): boolean {
  return row.expires_at !== null && row.expires_at.getTime() <= now.getTime();
}

export function countsOf(row: NoticeRow): ReceiptCounts {
  return { recipients: row.recipient_count, read: Number(row.read_count), confirmed: Number(row.confirmed_count) };
}

export function toNoticeSummary(row: NoticeRow, now: Date): NoticeSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    pinned: row.pinned,
    requiresConfirmation: row.requires_confirmation,
    expiresAt: iso(row.expires_at),
    expired: isExpired(row, now),
    audienceKind: row.audience_kind,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name ?? '' } : null,
    author: row.author,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: iso(row.published_at),
    withdrawnAt: iso(row.withdrawn_at),
    counts: countsOf(row),
  };
}

/** The attached files' names, types and sizes, in the order the notice lists them. */
export async function attachmentViews(trx: Knex.Transaction, ids: string[]): Promise<FileView[]> {
  if (ids.length === 0) return [];
  const rows: { id: string; name: string; content_type: string; size_bytes: string | number }[] = await trx('core_file')
    .whereIn('id', ids)
    .select('id', 'name', 'content_type', 'size_bytes');
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, name: r.name, contentType: r.content_type, sizeBytes: Number(r.size_bytes) }] : [];
  });
}
