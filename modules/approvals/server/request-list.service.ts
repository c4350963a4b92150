import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import {
  accountFacts,
  decodeCursor,
  encodeCursor,
  forbidden,
  scopeOf,
  todayIn,
  whereInScope,
  CORE_ERRORS,
} from '../../../core/module-kit.ts';
import type { ListRequestsQuery, RequestSummary } from '../schemas/request.schema.ts';
import { PERMISSION } from './permissions.ts';

interface ListRow {
  id: string;
  type_id: string;
  type_name: string;
  title: string;
  status: RequestSummary['status'];
  applicant_user_id: string;
  submitted_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
  sort_at: Date;
  sort_id: string;
  task_id: string | null;
}

/** Accounts whose approvals the user decides today as their deputy (委托), and the user. */
async function deciderIds(request: FastifyRequest, userId: string): Promise<string[]> {
  const today = todayIn(request.tenant.timeZone, new Date());
  const delegators: string[] = await request
    .db('approval_delegation')
    .where({ deputy_user_id: userId })
    .whereNull('revoked_at')
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .pluck('user_id');
  return [userId, ...delegators];
}

/**
 * The four boxes of a user — my requests, waiting for me (mine and those I stand in for),
 * handled by me, copied to me — and, for managers, every request in their scope. Newest first,
 * keyset-paged on (time, id) so each page is an index range, not an offset.
 */
export async function listRequests(request: FastifyRequest, userId: string, query: ListRequestsQuery) {
  const trx = request.db;
  const limit = query.limit ?? 20;
  const base = (q: Knex.QueryBuilder) =>
    q
      .join('approval_type as t', function joinType() {
        this.on('t.tenant_id', 'r.tenant_id').andOn('t.id', 'r.type_id');
      })
      .modify((b) => (query.status ? b.where('r.status', query.status) : b))
      .modify((b) => (query.typeId ? b.where('r.type_id', query.typeId) : b));
  const columns = [
    'r.id',
    'r.type_id',
    't.name as type_name',
    'r.title',
    'r.status',
    'r.applicant_user_id',
    'r.submitted_at',
    'r.finished_at',
    'r.created_at',
  ];
  let q: Knex.QueryBuilder;
  let sortAt: string;
  let sortId: string;
  switch (query.box) {
    case 'mine':
      q = base(trx('approval_request as r'))
        .where('r.applicant_user_id', userId)
        .select(...columns, trx.raw('null as task_id'));
      [sortAt, sortId] = ['r.created_at', 'r.id'];
      break;
    case 'waiting':
      q = base(
        trx('approval_task as k').join('approval_request as r', function joinRequest() {
          this.on('r.tenant_id', 'k.tenant_id').andOn('r.id', 'k.request_id');
        }),
      )
        .whereIn('k.approver_user_id', await deciderIds(request, userId))
        .where('k.status', 'waiting')
        .select(...columns, 'k.id as task_id');
      [sortAt, sortId] = ['k.created_at', 'k.id'];
      break;
    case 'handled':
      q = base(
        trx('approval_task as k').join('approval_request as r', function joinRequest() {
          this.on('r.tenant_id', 'k.tenant_id').andOn('r.id', 'k.request_id');
        }),
      )
        .where('k.decided_by', userId)
        .select(...columns, 'k.id as task_id');
      [sortAt, sortId] = ['k.decided_at', 'k.id'];
      break;
    case 'copied':
      q = base(
        trx('approval_cc as c').join('approval_request as r', function joinRequest() {
          this.on('r.tenant_id', 'c.tenant_id').andOn('r.id', 'c.request_id');
        }),
      )
        .where('c.user_id', userId)
        .select(...columns, trx.raw('null as task_id'));
      [sortAt, sortId] = ['c.created_at', 'c.request_id'];
      break;
    case 'all': {
      const scope = await scopeOf(request, PERMISSION.manage);
      if (!scope) throw forbidden(CORE_ERRORS.PERMISSION_DENIED, `This needs the permission "${PERMISSION.manage}"`);
      q = whereInScope(base(trx('approval_request as r')).whereNot('r.status', 'draft'), 'r.applicant_unit_id', scope, trx).select(
        ...columns,
        trx.raw('null as task_id'),
      );
      [sortAt, sortId] = ['r.created_at', 'r.id'];
      break;
    }
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    q.where((b) => b.where(sortAt, '<', at).orWhere((c) => c.where(sortAt, at).where(sortId, '<', id)));
  }
  const rows: ListRow[] = await q
    .select(`${sortAt} as sort_at`, `${sortId} as sort_id`)
    .orderBy([
      { column: sortAt, order: 'desc' },
      { column: sortId, order: 'desc' },
    ])
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const people = await accountFacts(
    trx,
    page.map((r) => r.applicant_user_id),
  );
  const items: RequestSummary[] = page.map((r) => ({
    id: r.id,
    typeId: r.type_id,
    typeName: r.type_name,
    title: r.title,
    status: r.status,
    applicant: { id: r.applicant_user_id, name: people.get(r.applicant_user_id)?.displayName ?? '' },
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    taskId: r.task_id,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.sort_at).toISOString(), last.sort_id]) : null };
}

/** The shell's badge: tasks waiting for the user (and those they stand in for), copies they have not opened. */
export async function requestCounts(request: FastifyRequest, userId: string) {
  const [waiting] = await request
    .db('approval_task')
    .whereIn('approver_user_id', await deciderIds(request, userId))
    .where('status', 'waiting')
    .count({ n: '*' });
  const [unread] = await request.db('approval_cc').where({ user_id: userId }).whereNull('read_at').count({ n: '*' });
  return { waiting: Number(waiting.n), unreadCopies: Number(unread.n) };
}
