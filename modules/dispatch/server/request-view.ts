import type { Knex } from 'knex';
import { decodeCursor, encodeCursor } from '../../../core/module-kit.ts';
import { fileViews } from './task-view.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

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
  status: 'open' | 'accepted' | 'responded' | 'rated' | 'returned';
  accepted_at: Date | null;
  accepter_name: string | null;
  return_reason: string | null;
  returned_at: Date | null;
  returner_name: string | null;
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
    .leftJoin('core_user as au', on('au', 'r.accepted_by'))
    .leftJoin('core_user as xu', on('xu', 'r.returned_by'))
    .select(
      'r.id',
      'r.from_unit_id',
      'fu.name as from_unit_name',
      'fu.path as from_unit_path',
      'r.to_unit_id',
      'tu.name as to_unit_name',
      'tu.path as to_unit_path',
      'r.title',
      'r.body',
      'r.photo_ids',
      'r.status',
      'r.response',
      'r.response_photo_ids',
      'r.responded_by',
      'ru.display_name as responder_name',
      'r.responded_at',
      'r.rating',
      'r.rating_comment',
      'r.rated_at',
      'r.due_at',
      'r.created_by',
      'cu.display_name as creator_name',
      'r.created_at',
      'r.accepted_at',
      'au.display_name as accepter_name',
      'r.return_reason',
      'r.returned_at',
      'xu.display_name as returner_name',
    )
    .select(trx.raw('r.created_at::text as cursor_at'));
}

/** Views of request rows; `unitId` is the caller's unit, which decides their side. */
export async function toRequestViews(trx: Knex.Transaction, rows: RequestRow[], unitId: string | null, holdsRequest: boolean) {
  const files = await fileViews(trx, [...new Set(rows.flatMap((r) => [...r.photo_ids, ...r.response_photo_ids]))]);
  const photos = (ids: string[]) => ids.flatMap((id) => files.get(id) ?? []);
  const steps = await requestSteps(
    trx,
    rows.map((r) => r.id),
  );
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
    response: r.responded_at
      ? {
          text: r.response ?? '',
          photos: photos(r.response_photo_ids),
          by: { id: r.responded_by ?? '', name: r.responder_name ?? '' },
          at: r.responded_at,
        }
      : null,
    rating: r.rated_at ? { score: r.rating ?? 0, comment: r.rating_comment, at: r.rated_at } : null,
    accepted: r.accepted_at ? { by: r.accepter_name ?? '', at: r.accepted_at } : null,
    returned: r.returned_at ? { reason: r.return_reason ?? '', by: r.returner_name ?? '', at: r.returned_at } : null,
    steps: steps.get(r.id) ?? [],
    viewer: { raises: holdsRequest && unitId === r.from_unit_id, answers: holdsRequest && unitId === r.to_unit_id },
  }));
}

/** A page of requests, newest first, keyset-paged on (created_at, id). */
export async function requestPage(
  trx: Knex.Transaction,
  query: Knex.QueryBuilder,
  page: { limit: number; cursor?: string },
  unitId: string | null,
  holdsRequest: boolean,
) {
  query
    .orderBy([
      { column: 'r.created_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(page.limit + 1);
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['timestamp', 'uuid'], DISPATCH_ERRORS.CURSOR_INVALID);
    query.whereRaw('(r.created_at, r.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows: RequestRow[] = await query;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: await toRequestViews(trx, items, unitId, holdsRequest),
    nextCursor: rows.length > page.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}

type StepKind = 'accepted' | 'transferred' | 'returned';

/** Each request's accept / transfer / return steps, oldest first. */
async function requestSteps(trx: Knex.Transaction, requestIds: string[]) {
  const byRequest = new Map<
    string,
    {
      kind: StepKind;
      fromUnit: { id: string; name: string };
      toUnit: { id: string; name: string } | null;
      reason: string | null;
      by: string;
      at: Date;
    }[]
  >();
  if (requestIds.length === 0) return byRequest;
  const rows: {
    request_id: string;
    kind: StepKind;
    from_unit_id: string;
    from_name: string;
    to_unit_id: string | null;
    to_name: string | null;
    reason: string | null;
    by_name: string | null;
    created_at: Date;
  }[] = await trx('dispatch_request_step as s')
    .join('core_unit as fu', function joinFrom() {
      this.on('fu.tenant_id', 's.tenant_id').andOn('fu.id', 's.from_unit_id');
    })
    .leftJoin('core_unit as tu', function joinTo() {
      this.on('tu.tenant_id', 's.tenant_id').andOn('tu.id', 's.to_unit_id');
    })
    .leftJoin('core_user as u', function joinUser() {
      this.on('u.tenant_id', 's.tenant_id').andOn('u.id', 's.created_by');
    })
    .whereIn('s.request_id', requestIds)
    .orderBy([{ column: 's.created_at' }, { column: 's.id' }])
    .select(
      's.request_id',
      's.kind',
      's.from_unit_id',
      'fu.name as from_name',
      's.to_unit_id',
      'tu.name as to_name',
      's.reason',
      'u.display_name as by_name',
      's.created_at',
    );
  for (const row of rows) {
    const list = byRequest.get(row.request_id) ?? [];
    list.push({
      kind: row.kind,
      fromUnit: { id: row.from_unit_id, name: row.from_name },
      toUnit: row.to_unit_id ? { id: row.to_unit_id, name: row.to_name ?? '' } : null,
      reason: row.reason,
      by: row.by_name ?? '',
      at: row.created_at,
    });
    byRequest.set(row.request_id, list);
  }
  return byRequest;
}
