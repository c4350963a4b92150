import type { Knex } from 'knex';
import { notFound } from '../http/errors.ts';
import type { MessageCatalogues, MessageLanguage, NotificationMessage } from './messages.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  message_key: string | null;
  params: NotificationMessage['params'] | null;
  created_at: Date;
  read_at: Date | null;
}

/** A type, not an interface: the route schema's response type needs an index signature. */
export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: string | null;
};

const COLUMNS = ['id', 'kind', 'title', 'body', 'link', 'message_key', 'params', 'created_at', 'read_at'];

/** Who reads the inbox, and in which language (their own choice, else the county's). */
export interface InboxReader {
  userId: string;
  language: MessageLanguage;
}

/**
 * One user's inbox inside the request transaction. Every query names the user: a user sees and
 * changes only their own notifications, and another user's id is simply not found. A notification
 * written as a message is rendered in the reader's language now, whatever it was when written.
 */
export class NotificationInbox {
  private readonly userId: string;

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly reader: InboxReader,
    private readonly messages: MessageCatalogues,
  ) {
    this.userId = reader.userId;
  }

  private view(row: NotificationRow): NotificationView {
    const rendered = row.message_key
      ? this.messages.render({ key: row.message_key, params: row.params ?? {} }, this.reader.language)
      : null;
    return toView(rendered ? { ...row, ...rendered } : row);
  }

  private own() {
    return this.trx('core_notification').where({ user_id: this.userId });
  }

  /** Newest first by id (uuid v7 orders by creation); the cursor is the last id of the previous page. */
  async list(options: {
    limit: number;
    cursor?: string;
    unread: boolean;
  }): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
    const query = this.own()
      .select(COLUMNS)
      .orderBy('id', 'desc')
      .limit(options.limit + 1);
    if (options.cursor) query.andWhere('id', '<', options.cursor);
    if (options.unread) query.whereNull('read_at');
    const rows: NotificationRow[] = await query;
    const page = rows.slice(0, options.limit);
    return { items: page.map((row) => this.view(row)), nextCursor: rows.length > options.limit ? page[page.length - 1].id : null };
  }

  async unreadCount(): Promise<number> {
    const [row] = await this.own().whereNull('read_at').count<{ count: number }[]>('* as count');
    return Number(row.count);
  }

  async markRead(id: string): Promise<NotificationView> {
    const [row]: NotificationRow[] = await this.own()
      .andWhere({ id })
      .update({ read_at: this.trx.raw('coalesce(read_at, ?)', [new Date()]) }) // a value, not now(): docs/SCALING.md
      .returning(COLUMNS);
    if (!row) throw notFound(CORE_ERRORS.NOTIFICATION_NOT_FOUND, 'No such notification');
    return this.view(row);
  }

  async markAllRead(): Promise<number> {
    return this.own().whereNull('read_at').update({ read_at: this.trx.fn.now() });
  }
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}
