import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import type { NotificationInput, Notifier } from './notifier.ts';

/**
 * A reminder that must go at most once: its ledger key (the module's subject, the reminder's kind
 * and occasion), what the module's views will want to show of it, and whom it tells what.
 */
export interface OnceEntry {
  /** What the reminder is about, in the module's terms (`assignment`, `assignee`). */
  subjectKind: string;
  subjectId: string;
  /** The module's kind of reminder (`overdue`, `auto`). */
  kind: string;
  /** Which time of that kind: a deadline, a period, the minute of a click. */
  occasion: string;
  /** Kept with the row for the module's views (a text, a count, a period). */
  data?: Record<string, unknown>;
  /** Whom to tell and what. None: only recorded, standing for an occasion another entry covers, so it never fires later on its own. */
  notice?: NotificationInput;
}

export interface NotifyOnceOptions {
  /** The module whose ledger this is: its subjects and kinds are its own. */
  module: string;
  notifier: Pick<Notifier, 'notify'>;
  /** Who sent it; null or absent for an automatic reminder. */
  sentBy?: string | null;
  /** When it was sent (a job's clock); the database's `now()` by default. */
  at?: Date;
}

// Keeps each insert well below PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

const entryKey = (e: Pick<OnceEntry, 'subjectKind' | 'subjectId' | 'kind' | 'occasion'>) =>
  JSON.stringify([e.subjectKind, e.subjectId, e.kind, e.occasion]);

/**
 * Sends reminders at most once per (module, subject, kind, occasion), in the caller's
 * transaction: the ledger rows go in first with `on conflict do nothing … returning`, and only
 * the entries this call inserted are notified. A crash or rollback before commit leaves neither
 * row nor message, so the retry sends; a second run, a doubled job or a concurrent one finds
 * the rows and sends nothing. Entries telling the same thing (kind, text, link, SMS) go out as
 * one notification to all their readers. Returns the entries sent (inserted, with a notice).
 */
export async function notifyOnce<E extends OnceEntry>(
  trx: Knex.Transaction,
  tenantId: string,
  entries: E[],
  options: NotifyOnceOptions,
): Promise<E[]> {
  const inserted = new Set<string>();
  for (let i = 0; i < entries.length; i += CHUNK) {
    const rows = entries.slice(i, i + CHUNK).map((e) => ({
      tenant_id: tenantId,
      id: uuidv7(),
      module: options.module,
      subject_kind: e.subjectKind,
      subject_id: e.subjectId,
      kind: e.kind,
      occasion: e.occasion,
      notified: e.notice !== undefined,
      sent_by: options.sentBy ?? null,
      ...(options.at ? { sent_at: options.at } : {}),
      data: JSON.stringify(e.data ?? {}),
    }));
    const returned: { subject_kind: string; subject_id: string; kind: string; occasion: string }[] = await trx('core_reminder')
      .insert(rows)
      .onConflict(['tenant_id', 'module', 'subject_kind', 'subject_id', 'kind', 'occasion'])
      .ignore()
      .returning(['subject_kind', 'subject_id', 'kind', 'occasion']);
    for (const r of returned)
      inserted.add(entryKey({ subjectKind: r.subject_kind, subjectId: r.subject_id, kind: r.kind, occasion: r.occasion }));
  }
  const sent = entries.filter((e) => e.notice && inserted.has(entryKey(e)));

  const notices = new Map<string, { notice: NotificationInput; userIds: Set<string> }>();
  for (const e of sent) {
    const { userIds, ...said } = e.notice!;
    const id = JSON.stringify(said);
    const notice = notices.get(id) ?? { notice: e.notice!, userIds: new Set<string>() };
    for (const userId of userIds) notice.userIds.add(userId);
    notices.set(id, notice);
  }
  for (const { notice, userIds } of notices.values()) await options.notifier.notify(trx, tenantId, { ...notice, userIds: [...userIds] });
  return sent;
}

/** A row of the ledger, as the modules' views read it. */
export interface ReminderRecord<D = Record<string, unknown>> {
  id: string;
  subjectKind: string;
  subjectId: string;
  kind: string;
  occasion: string;
  notified: boolean;
  sentBy: string | null;
  sentByName: string | null;
  sentAt: Date;
  data: D;
}

/** Which ledger rows: a module's, of some subjects, narrowed further as the view needs. */
export interface ReminderFilter {
  module: string;
  subjectKind: string;
  subjectIds: string[];
  kind?: string;
  occasion?: string;
  id?: string;
  /** Rows whose data contains this (jsonb `@>`), e.g. `{ periodKey }`. */
  data?: Record<string, unknown>;
  /** Sent after this instant. */
  since?: Date;
  /** Also the rows only recorded (never notified); default false. */
  withUnnotified?: boolean;
}

function filtered(trx: Knex.Transaction, filter: ReminderFilter) {
  return trx('core_reminder as r')
    .where({ 'r.module': filter.module, 'r.subject_kind': filter.subjectKind })
    .whereIn('r.subject_id', filter.subjectIds)
    .modify((q) => {
      if (filter.kind !== undefined) q.where('r.kind', filter.kind);
      if (filter.occasion !== undefined) q.where('r.occasion', filter.occasion);
      if (filter.id !== undefined) q.where('r.id', filter.id);
      if (filter.data !== undefined) q.whereRaw('r.data @> ?::jsonb', [JSON.stringify(filter.data)]);
      if (filter.since !== undefined) q.where('r.sent_at', '>', filter.since);
      if (!filter.withUnnotified) q.where('r.notified', true);
    });
}

/** The reminders of some subjects, newest first (at most `limit`), with the sender's name. */
export async function remindersOf<D = Record<string, unknown>>(
  trx: Knex.Transaction,
  filter: ReminderFilter,
  limit = 100,
): Promise<ReminderRecord<D>[]> {
  if (filter.subjectIds.length === 0) return [];
  const rows: {
    id: string;
    subject_kind: string;
    subject_id: string;
    kind: string;
    occasion: string;
    notified: boolean;
    sent_by: string | null;
    sent_by_name: string | null;
    sent_at: Date;
    data: D;
  }[] = await filtered(trx, filter)
    .leftJoin('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'r.tenant_id').andOn('usr.id', 'r.sent_by');
    })
    .orderBy([
      { column: 'r.sent_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(limit)
    .select(
      'r.id',
      'r.subject_kind',
      'r.subject_id',
      'r.kind',
      'r.occasion',
      'r.notified',
      'r.sent_by',
      'usr.display_name as sent_by_name',
      'r.sent_at',
      'r.data',
    );
  return rows.map((r) => ({
    id: r.id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    kind: r.kind,
    occasion: r.occasion,
    notified: r.notified,
    sentBy: r.sent_by,
    sentByName: r.sent_by_name,
    sentAt: r.sent_at,
    data: r.data,
  }));
}

/** When each subject was last reminded (subjects never reminded are absent). */
export async function lastRemindedAt(trx: Knex.Transaction, filter: ReminderFilter): Promise<Map<string, Date>> {
  if (filter.subjectIds.length === 0) return new Map();
  const rows: { subject_id: string; last: Date }[] = await filtered(trx, filter)
    .groupBy('r.subject_id')
    .select('r.subject_id', trx.raw('max(r.sent_at) as last'));
  return new Map(rows.map((r) => [r.subject_id, r.last]));
}

/**
 * The ledger rows of one occasion of a subject row `alias` of the caller's query (its `id` and
 * `tenant_id`), for `whereNotExists`: a scan for what is due skips what was already recorded,
 * so it stays small however long the history. `occasion` is SQL over the caller's rows.
 */
export function ledgerRowsOf(
  trx: Knex.Transaction,
  key: { module: string; subjectKind: string; kind: string; alias: string; occasion: { sql: string; bindings: readonly string[] } },
) {
  if (!/^[a-z_][a-z0-9_]*$/.test(key.alias)) throw new Error(`Not a table alias: ${key.alias}`);
  const a = key.alias;
  return trx('core_reminder as rem').whereRaw(
    `rem.tenant_id = ${a}.tenant_id and rem.module = ? and rem.subject_kind = ? and rem.subject_id = ${a}.id and rem.kind = ? and rem.occasion = ${key.occasion.sql}`,
    [key.module, key.subjectKind, key.kind, ...key.occasion.bindings],
  );
}
