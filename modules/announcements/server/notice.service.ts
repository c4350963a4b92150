import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { attachFiles, badRequest, conflict, fileReferences, lastRemindedAt, moduleActor } from '../../../core/module-kit.ts';
import { ANNOUNCEMENT_ERRORS } from '../schemas/error-codes.ts';
import type { NoticeChanges, NoticeDetail, NoticeInput } from '../schemas/notice.schema.ts';
import { checkedAudience } from './audience.ts';
import { managedNotice } from './notice-access.ts';
import { attachmentViews, toNoticeSummary, type NoticeRow } from './notice-row.ts';
import { MODULE_ID } from './permissions.ts';
import { sanitizeBody } from './sanitize-body.ts';

/** Ledger coordinates of "remind the unread" (core_reminder, notifyOnce). */
export const UNREAD_REMINDER = { module: MODULE_ID, subjectKind: 'announcement', kind: 'unread' } as const;

function checkedExpiry(expiresAt: string | null | undefined, now: Date): Date | null | undefined {
  if (expiresAt === undefined || expiresAt === null) return expiresAt;
  const at = new Date(expiresAt);
  if (at.getTime() <= now.getTime())
    throw badRequest(ANNOUNCEMENT_ERRORS.EXPIRY_INVALID, 'A notice cannot expire before it is published', [
      { path: 'body.expiresAt', message: 'must lie in the future' },
    ]);
  return at;
}

/** The columns a draft's fields set (those given), checked and cleaned. */
async function columnsOf(request: FastifyRequest, input: NoticeChanges, now: Date): Promise<Record<string, unknown>> {
  const columns: Record<string, unknown> = {};
  if (input.title !== undefined) columns.title = input.title.trim();
  if (input.bodyHtml !== undefined) columns.body_html = sanitizeBody(input.bodyHtml);
  if (input.pinned !== undefined) columns.pinned = input.pinned;
  if (input.requiresConfirmation !== undefined) columns.requires_confirmation = input.requiresConfirmation;
  if (input.sms !== undefined) columns.sms = input.sms;
  const expiry = checkedExpiry(input.expiresAt, now);
  if (expiry !== undefined) columns.expires_at = expiry;
  if (input.audience !== undefined) {
    const audience = await checkedAudience(request.db, input.audience, request.scope, 'body.audience');
    columns.audience_kind = audience.kind;
    columns.audience_ids = JSON.stringify(audience.ids);
  }
  if (input.attachmentIds !== undefined) columns.attachment_ids = JSON.stringify(input.attachmentIds);
  return columns;
}

async function attach(request: FastifyRequest, id: string, attachmentIds: string[] | undefined): Promise<void> {
  if (attachmentIds === undefined) return;
  await attachFiles(
    request.db,
    request.tenant.id,
    request.user!.id,
    { module: MODULE_ID, kind: 'notice', id },
    fileReferences(attachmentIds, 'body.attachmentIds'),
  );
}

/** Writes a draft in the author's unit; returns its id. */
export async function createNotice(request: FastifyRequest, input: NoticeInput): Promise<string> {
  const now = new Date();
  const actor = await moduleActor(request);
  const columns = await columnsOf(request, input, now);
  const id = uuidv7();
  await request.db('announcement').insert({
    tenant_id: request.tenant.id,
    id,
    ...columns,
    unit_id: actor.unitId,
    created_by: actor.userId,
    status: 'draft',
    created_at: now,
    updated_at: now,
  });
  await attach(request, id, input.attachmentIds);
  return id;
}

/** Changes a draft; a published or withdrawn notice is 409 (what readers got stays what they got). */
export async function updateNotice(request: FastifyRequest, id: string, changes: NoticeChanges): Promise<void> {
  const row = await managedNotice(request, id);
  if (row.status !== 'draft') throw notDraft();
  const now = new Date();
  const columns = await columnsOf(request, changes, now);
  await request
    .db('announcement')
    .where({ id })
    .update({ ...columns, updated_at: now });
  await attach(request, id, changes.attachmentIds);
}

export async function deleteNotice(request: FastifyRequest, id: string): Promise<void> {
  const row = await managedNotice(request, id);
  if (row.status !== 'draft') throw notDraft();
  await attachFiles(request.db, request.tenant.id, request.user!.id, { module: MODULE_ID, kind: 'notice', id }, []);
  await request.db('announcement').where({ id }).delete();
}

export function notDraft() {
  return conflict(ANNOUNCEMENT_ERRORS.NOT_DRAFT, 'Only a draft can be changed: withdraw the notice and write another');
}

/** A notice as its publishers see it: the summary, the body, the audience by name, the files, the last reminder. */
export async function noticeDetail(trx: Knex.Transaction, row: NoticeRow, now = new Date()): Promise<NoticeDetail> {
  const ids = row.audience_ids;
  const named = async (table: 'core_unit' | 'core_role') => {
    const rows: { id: string; name: string }[] = ids.length > 0 ? await trx(table).whereIn('id', ids).select('id', 'name') : [];
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.flatMap((id) => (byId.has(id) ? [{ id, name: byId.get(id)! }] : []));
  };
  const reminded = await lastRemindedAt(trx, { ...UNREAD_REMINDER, subjectIds: [row.id] });
  return {
    ...toNoticeSummary(row, now),
    bodyHtml: row.body_html,
    sms: row.sms,
    audience: {
      kind: row.audience_kind,
      units: row.audience_kind === 'units' ? await named('core_unit') : [],
      roles: row.audience_kind === 'roles' ? await named('core_role') : [],
    },
    attachments: await attachmentViews(trx, row.attachment_ids),
    lastRemindedAt: reminded.get(row.id)?.toISOString() ?? null,
  };
}
