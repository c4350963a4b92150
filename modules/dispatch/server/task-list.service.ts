import type { Knex } from 'knex';
import { containsPattern, type DataScope, decodeCursor, encodeCursor } from '../../../core/module-kit.ts';
import { fileViews, taskQuery, toTaskView } from './task-view.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface TaskListFilter {
  status?: 'active' | 'closed';
  category?: string;
  light?: string;
  priority?: string;
  unitId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/**
 * Tasks whose supervising unit lies in one of the scopes (supervise or instruct), newest first,
 * keyset-paged on (created_at, id). `unitId` keeps tasks dispatched to that unit at any depth.
 */
export async function listTasks(trx: Knex.Transaction, scopes: DataScope[], filter: TaskListFilter) {
  const query = taskQuery(trx)
    .select(trx.raw('t.created_at::text as cursor_at'))
    .orderBy([
      { column: 't.created_at', order: 'desc' },
      { column: 't.id', order: 'desc' },
    ])
    .limit(filter.limit + 1);
  if (!scopes.some((s) => s.kind === 'tenant')) {
    query.where((q) => {
      for (const scope of scopes) {
        if (scope.kind === 'own_unit') q.orWhere('t.owner_unit_id', scope.unitId);
        else if (scope.kind === 'unit_subtree') q.orWhere('ou.path', 'like', `${scope.unitPath}%`);
      }
    });
  }
  if (filter.status) query.where('t.status', filter.status);
  if (filter.category !== undefined) query.where('t.category', filter.category);
  if (filter.light) query.where('t.light', filter.light);
  if (filter.priority) query.where('t.priority', filter.priority);
  if (filter.q) query.whereILike('t.title', containsPattern(filter.q));
  if (filter.unitId)
    query.whereExists(
      trx('dispatch_assignment as a').whereRaw('a.tenant_id = t.tenant_id and a.task_id = t.id').where('a.unit_id', filter.unitId),
    );
  if (filter.cursor) {
    const [at, id] = decodeCursor(filter.cursor, ['timestamp', 'uuid'], DISPATCH_ERRORS.CURSOR_INVALID);
    query.whereRaw('(t.created_at, t.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows = await query;
  const page = rows.slice(0, filter.limit);
  const files = await fileViews(trx, [...new Set(page.flatMap((r: { attachment_ids: string[] }) => r.attachment_ids))]);
  const last = page[page.length - 1];
  return {
    items: page.map((r: Record<string, never>) => toTaskView(r, files, null)),
    nextCursor: rows.length > filter.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
