import type { FastifyRequest } from 'fastify';
import {
  badRequest,
  conflict,
  countyDateTime,
  notifyOnce,
  todayIn,
  type NotificationMessage,
  type OnceEntry,
} from '../../../core/module-kit.ts';
import { announcementMessages } from '../locales/notifications.ts';
import { ANNOUNCEMENT_ERRORS } from '../schemas/error-codes.ts';
import { checkedAudience, writeRecipients } from './audience.ts';
import { managedNotice } from './notice-access.ts';
import { notDraft, UNREAD_REMINDER } from './notice.service.ts';
import type { NoticeRow } from './notice-row.ts';
import { MODULE_ID } from './permissions.ts';

const message = announcementMessages.message;
/** Notifications are written this many recipients at a time: each insert stays far below PostgreSQL's bind-parameter limit. */
const NOTIFY_CHUNK = 1000;

export const noticeLink = (id: string) => `/${MODULE_ID}/notices/${id}`;

/** The publishing unit's name as the messages say it (a notice of no unit: the county's name). */
function publisherName(request: FastifyRequest, row: NoticeRow): string {
  return row.unit_name ?? request.tenant.name;
}

/**
 * Publishes a draft: checks its audience against the publisher's scope now (the author's may have
 * differed), writes the recipient rows in one statement, and tells them all in the same
 * transaction — so a notice nobody could be told is never published (400, nothing written).
 */
export async function publishNotice(request: FastifyRequest, id: string): Promise<void> {
  const row = await managedNotice(request, id);
  if (row.status !== 'draft') throw notDraft();
  const now = new Date();
  if (row.expires_at && row.expires_at.getTime() <= now.getTime())
    throw badRequest(ANNOUNCEMENT_ERRORS.EXPIRY_INVALID, 'The notice has expired before it was published', [
      { path: 'expiresAt', message: 'must lie in the future' },
    ]);
  const audience = await checkedAudience(
    request.db,
    {
      kind: row.audience_kind,
      ...(row.audience_kind === 'units' ? { unitIds: row.audience_ids } : {}),
      ...(row.audience_kind === 'roles' ? { roleIds: row.audience_ids } : {}),
    },
    request.scope,
    'audience',
  );
  const userIds = await writeRecipients(request.db, request.tenant.id, id, audience, request.scope);
  if (userIds.length === 0)
    throw badRequest(ANNOUNCEMENT_ERRORS.AUDIENCE_EMPTY, 'The audience reaches nobody with an account', [
      { path: 'audience', message: 'reaches no active account' },
    ]);
  await request.db('announcement').where({ id }).update({
    status: 'published',
    recipient_count: userIds.length,
    published_by: request.user!.id,
    published_at: now,
    updated_at: now,
  });
  const params = { title: row.title, unit: publisherName(request, row) };
  const notice: NotificationMessage = row.requires_confirmation
    ? message('notice.confirmationAsked', params)
    : message('notice.published', params);
  for (let i = 0; i < userIds.length; i += NOTIFY_CHUNK)
    await request.server.notifier.notify(request.db, request.tenant.id, {
      userIds: userIds.slice(i, i + NOTIFY_CHUNK),
      kind: 'announcements.notice.published',
      link: noticeLink(id),
      message: notice,
      sms: row.sms,
    });
}

/** Withdraws a published notice: it leaves every reader's list; its receipts stay. */
export async function withdrawNotice(request: FastifyRequest, id: string): Promise<void> {
  const row = await managedNotice(request, id);
  if (row.status !== 'published') throw conflict(ANNOUNCEMENT_ERRORS.NOT_PUBLISHED, 'Only a published notice can be withdrawn');
  const now = new Date();
  await request.db('announcement').where({ id }).update({ status: 'withdrawn', withdrawn_at: now, updated_at: now });
}

/**
 * Reminds the recipients who have not opened the notice, through the once-only ledger: one entry
 * per person and county day, so a second click (or a retried request) the same day reminds only
 * those not yet reminded that day, and nobody twice. Returns how many were reminded now and how
 * many had been already today.
 */
export async function remindUnread(
  request: FastifyRequest,
  id: string,
  sms: boolean,
): Promise<{ reminded: number; alreadyReminded: number }> {
  const row = await managedNotice(request, id);
  if (row.status !== 'published') throw conflict(ANNOUNCEMENT_ERRORS.NOT_PUBLISHED, 'Only a published notice has readers to remind');
  const unread: string[] = await request.db('announcement_recipient').where({ announcement_id: id }).whereNull('read_at').pluck('user_id');
  const timeZone = request.tenant.timeZone;
  const day = todayIn(timeZone, new Date());
  const notice = message('notice.unreadReminder', {
    title: row.title,
    unit: publisherName(request, row),
    publishedAt: countyDateTime(row.published_at!, timeZone),
  });
  let reminded = 0;
  for (let i = 0; i < unread.length; i += NOTIFY_CHUNK) {
    const entries: OnceEntry[] = unread.slice(i, i + NOTIFY_CHUNK).map((userId) => ({
      subjectKind: UNREAD_REMINDER.subjectKind,
      subjectId: id,
      kind: UNREAD_REMINDER.kind,
      occasion: `${day}/${userId}`,
      data: { userId },
      notice: { userIds: [userId], kind: 'announcements.notice.reminder', link: noticeLink(id), message: notice, sms },
    }));
    const sent = await notifyOnce(request.db, request.tenant.id, entries, {
      module: UNREAD_REMINDER.module,
      notifier: request.server.notifier,
      sentBy: request.user!.id,
    });
    reminded += sent.length;
  }
  return { reminded, alreadyReminded: unread.length - reminded };
}
