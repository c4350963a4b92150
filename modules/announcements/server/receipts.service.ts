import type { FastifyRequest } from 'fastify';
import { decodeCursor, encodeCursor, lastRemindedAt } from '../../../core/module-kit.ts';
import type { ReceiptPeopleQuery, ReceiptPerson, ReceiptsView } from '../schemas/notice.schema.ts';
import { managedNotice } from './notice-access.ts';
import { iso } from './notice-row.ts';
import { UNREAD_REMINDER } from './notice.service.ts';

/**
 * Who has read and confirmed a notice, counted per recipient unit (the unit each person was in
 * when it was published), in the unit tree's order; people without a unit (accounts linked to no
 * one in the directory) last. One grouped pass over the notice's recipient rows.
 */
export async function receiptsOf(request: FastifyRequest, id: string): Promise<ReceiptsView> {
  const row = await managedNotice(request, id);
  const trx = request.db;
  const units: { unit_id: string | null; name: string | null; path: string | null; recipients: string; read: string; confirmed: string }[] =
    await trx('announcement_recipient as r')
      .leftJoin('core_unit as un', function joinUnit() {
        this.on('un.tenant_id', 'r.tenant_id').andOn('un.id', 'r.unit_id');
      })
      .where('r.announcement_id', id)
      .groupBy('r.unit_id', 'un.name', 'un.path')
      .orderByRaw('un.path nulls last')
      .select(
        'r.unit_id',
        'un.name',
        'un.path',
        trx.raw('count(*) as recipients'),
        trx.raw('count(r.read_at) as read'),
        trx.raw('count(r.confirmed_at) as confirmed'),
      );
  const reminded = await lastRemindedAt(trx, { ...UNREAD_REMINDER, subjectIds: [row.id] });
  const views = units.map((u) => ({
    unit: u.unit_id ? { id: u.unit_id, name: u.name ?? '' } : null,
    path: u.path ?? '',
    recipients: Number(u.recipients),
    read: Number(u.read),
    confirmed: Number(u.confirmed),
  }));
  return {
    totals: {
      recipients: views.reduce((n, u) => n + u.recipients, 0),
      read: views.reduce((n, u) => n + u.read, 0),
      confirmed: views.reduce((n, u) => n + u.confirmed, 0),
    },
    lastRemindedAt: reminded.get(row.id)?.toISOString() ?? null,
    units: views,
  };
}

/** The recipients of a notice, one unit's or all, in one state or all, in name order (keyset by name and account). */
export async function receiptPeople(
  request: FastifyRequest,
  id: string,
  query: ReceiptPeopleQuery,
): Promise<{ items: ReceiptPerson[]; nextCursor: string | null }> {
  await managedNotice(request, id);
  const trx = request.db;
  const limit = query.limit ?? 20;
  const list = trx('announcement_recipient as r')
    .join('core_user as u', function joinUser() {
      this.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.user_id');
    })
    .leftJoin('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'u.tenant_id').andOn('p.id', 'u.person_id');
    })
    .leftJoin('core_unit as un', function joinUnit() {
      this.on('un.tenant_id', 'r.tenant_id').andOn('un.id', 'r.unit_id');
    })
    .where('r.announcement_id', id)
    .orderByRaw('coalesce(p.name, u.display_name), r.user_id')
    .limit(limit + 1)
    .select('r.user_id', trx.raw('coalesce(p.name, u.display_name) as name'), 'un.name as unit_name', 'r.read_at', 'r.confirmed_at');
  if (query.unitId) list.where('r.unit_id', query.unitId);
  if (query.state === 'unread') list.whereNull('r.read_at');
  if (query.state === 'read') list.whereNotNull('r.read_at');
  if (query.state === 'unconfirmed') list.whereNull('r.confirmed_at');
  if (query.state === 'confirmed') list.whereNotNull('r.confirmed_at');
  if (query.cursor) {
    const [name, userId] = decodeCursor(query.cursor, ['text', 'uuid']);
    list.whereRaw('(coalesce(p.name, u.display_name), r.user_id) > (?, ?::uuid)', [name, userId]);
  }
  const rows: { user_id: string; name: string; unit_name: string | null; read_at: Date | null; confirmed_at: Date | null }[] = await list;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      userId: r.user_id,
      name: r.name,
      unit: r.unit_name,
      readAt: iso(r.read_at),
      confirmedAt: iso(r.confirmed_at),
    })),
    nextCursor: rows.length > limit ? encodeCursor([last.name, last.user_id]) : null,
  };
}
