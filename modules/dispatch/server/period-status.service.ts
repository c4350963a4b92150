import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';
import type { Knex } from 'knex';
import { decodeCursor, encodeCursor } from '../../../core/module-kit.ts';
import type { TaskAccess } from './task-access.ts';
import { assignmentQuery, toAssignmentNode, visibleNodes } from './task-view.ts';
import { periodLabel } from './period-rule.ts';

export type PeriodUnitState = 'reported' | 'returned' | 'missing';

interface PeriodRow {
  period_key: string;
  starts_on: string;
  ends_on: string;
  due_at: Date;
}

interface ReportRow {
  id: string;
  assignment_id: string;
  period_key: string;
  status: 'submitted' | 'accepted' | 'returned';
  created_at: Date;
}

/**
 * A recurring task's periods, newest first, each with who reported and who is missing among the
 * assignments the caller sees. An assignment is asked in a period when it existed before the
 * period was due and is still being worked on (done and closed ones are asked no more), or when it
 * reported in it anyway. A returned report does not count as reported.
 */
export async function taskPeriods(
  trx: Knex.Transaction,
  access: TaskAccess,
  query: { limit: number; cursor?: string; periodKey?: string },
  now: Date,
) {
  const periodsQuery = trx('dispatch_report_period')
    .where('task_id', access.task.id)
    .select('period_key', trx.raw('starts_on::text as starts_on'), trx.raw('ends_on::text as ends_on'), 'due_at')
    .orderBy([
      { column: 'starts_on', order: 'desc' },
      { column: 'period_key', order: 'desc' },
    ])
    .limit(query.limit + 1);
  if (query.periodKey) periodsQuery.where('period_key', query.periodKey);
  if (query.cursor) {
    const [startsOn, key] = decodeCursor(query.cursor, ['date', 'text'], DISPATCH_ERRORS.CURSOR_INVALID);
    periodsQuery.whereRaw('(starts_on, period_key) < (?::date, ?)', [startsOn, key]);
  }
  const found: PeriodRow[] = await periodsQuery;
  const periods = found.slice(0, query.limit);
  const nodes = visibleNodes(
    access,
    (
      await assignmentQuery(trx)
        .where('a.task_id', access.task.id)
        .orderBy([{ column: 'a.depth' }, { column: 'u.sort' }, { column: 'a.created_at' }, { column: 'a.id' }])
    ).map(toAssignmentNode),
  );
  const reports: ReportRow[] =
    periods.length === 0
      ? []
      : await trx('dispatch_report')
          .where('task_id', access.task.id)
          .whereIn(
            'period_key',
            periods.map((p) => p.period_key),
          )
          .whereIn(
            'assignment_id',
            nodes.map((n) => n.id),
          )
          .orderBy([{ column: 'created_at' }, { column: 'id' }])
          .select('id', 'assignment_id', 'period_key', 'status', 'created_at');
  // The latest report that counts (submitted or accepted) wins over a returned one.
  const best = new Map<string, ReportRow>();
  for (const report of reports) {
    const key = `${report.assignment_id}/${report.period_key}`;
    const held = best.get(key);
    if (!held || report.status !== 'returned' || held.status === 'returned') best.set(key, report);
  }
  const items = periods.map((period) => {
    const dueAt = new Date(period.due_at);
    const units = nodes.flatMap((node) => {
      const report = best.get(`${node.id}/${period.period_key}`);
      const stillAsked = node.status !== 'done' && node.status !== 'closed';
      if (!report && (!stillAsked || new Date(node.createdAt).getTime() > dueAt.getTime())) return [];
      const state: PeriodUnitState = !report ? 'missing' : report.status === 'returned' ? 'returned' : 'reported';
      return [
        {
          assignmentId: node.id,
          parentId: node.parentId,
          depth: node.depth,
          unit: node.unit,
          state,
          reportId: report?.id ?? null,
          reportedAt: report?.created_at ?? null,
        },
      ];
    });
    const reported = units.filter((u) => u.state === 'reported').length;
    return {
      periodKey: period.period_key,
      label: periodLabel(period.period_key),
      startsOn: period.starts_on,
      endsOn: period.ends_on,
      dueAt,
      overdue: dueAt.getTime() < now.getTime(),
      expected: units.length,
      reported,
      missing: units.length - reported,
      units,
    };
  });
  const last = periods[periods.length - 1];
  return { items, nextCursor: found.length > query.limit ? encodeCursor([last.starts_on, last.period_key]) : null };
}
