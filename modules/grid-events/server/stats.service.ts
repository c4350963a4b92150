import type { Knex } from 'knex';
import { badRequest, type SheetSpec, DAY_MS } from '../../../core/module-kit.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import type { StatsQuery, StatsRow } from '../schemas/stats.schema.ts';
import { whereVisible, type CallerScopes } from './event-access.ts';

const MAX_DAYS = 366;

interface Aggregate {
  id: string | null;
  name: string | null;
  reported: string | number;
  resolved: string | number;
  open: string | number;
  overdue: string | number;
  accept_hours: string | number | null;
  resolve_hours: string | number | null;
  on_time: string | number | null;
  satisfaction: string | number | null;
  rated: string | number;
  reopened: string | number | null;
}

const num = (value: string | number | null) => (value === null ? null : Math.round(Number(value) * 100) / 100);

/**
 * One grouped query over the visible events of the period: the group's key and name come from the
 * grid unit, its parent (the community or village) or the category. Medians are PostgreSQL's
 * `percentile_cont`; "on time" compares the resolution with the resolve deadline it had then.
 */
export async function eventStats(
  trx: Knex.Transaction,
  scopes: CallerScopes,
  query: StatsQuery,
  now: Date,
): Promise<{ total: StatsRow; rows: StatsRow[] }> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(from < to))
    throw badRequest(GRID_ERRORS.PERIOD_INVALID, 'The period ends before it starts', [
      { path: 'querystring.to', message: 'is not after from' },
    ]);
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS)
    throw badRequest(GRID_ERRORS.PERIOD_INVALID, `At most ${MAX_DAYS} days at once`, [
      { path: 'querystring.to', message: `is more than ${MAX_DAYS} days after from` },
    ]);
  const by = query.by ?? 'grid';
  const base = whereVisible(trx('grid_event as e'), scopes, trx)
    .where('e.created_at', '>=', from)
    .andWhere('e.created_at', '<', to)
    .whereNot('e.status', 'merged');
  const measures = [
    trx.raw('count(*) as reported'),
    trx.raw("count(*) filter (where e.status in ('resolved', 'closed')) as resolved"),
    trx.raw("count(*) filter (where e.status in ('unassigned', 'reported', 'accepted', 'in_progress')) as open"),
    trx.raw(
      "count(*) filter (where e.status in ('reported', 'accepted', 'in_progress') and (e.resolve_due_at < ? or (e.status = 'reported' and e.accept_due_at < ?))) as overdue",
      [now, now],
    ),
    trx.raw(
      'percentile_cont(0.5) within group (order by extract(epoch from e.accepted_at - e.created_at) / 3600) filter (where e.accepted_at is not null and not e.quick) as accept_hours',
    ),
    trx.raw(
      'percentile_cont(0.5) within group (order by extract(epoch from e.resolved_at - e.created_at) / 3600) filter (where e.resolved_at is not null) as resolve_hours',
    ),
    trx.raw(
      "avg(case when e.resolve_due_at is null or e.resolved_at <= e.resolve_due_at then 1.0 else 0.0 end) filter (where e.status in ('resolved', 'closed') and e.resolved_at is not null) as on_time",
    ),
    trx.raw('avg(e.rating) filter (where e.rating is not null) as satisfaction'),
    trx.raw('count(e.rating) as rated'),
    trx.raw("avg(case when e.reopen_count > 0 then 1.0 else 0.0 end) filter (where e.status in ('resolved', 'closed')) as reopened"),
  ];
  const grouped = base.clone();
  if (by === 'category') {
    grouped
      .join('grid_category as g', function joinCategory() {
        this.on('g.tenant_id', 'e.tenant_id').andOn('g.id', 'e.category_id');
      })
      .groupBy('g.id', 'g.name')
      .select('g.id as id', 'g.name as name', ...measures);
  } else {
    grouped.leftJoin('core_unit as gu', function joinGrid() {
      this.on('gu.tenant_id', 'e.tenant_id').andOn('gu.id', 'e.grid_unit_id');
    });
    if (by === 'grid') grouped.groupBy('gu.id', 'gu.name').select('gu.id as id', 'gu.name as name', ...measures);
    else
      grouped
        .leftJoin('core_unit as cu', function joinCommunity() {
          this.on('cu.tenant_id', 'gu.tenant_id').andOn('cu.id', 'gu.parent_id');
        })
        .groupBy('cu.id', 'cu.name')
        .select('cu.id as id', 'cu.name as name', ...measures);
  }
  const [rows, totals]: [Aggregate[], Aggregate[]] = await Promise.all([
    grouped.orderBy('name'),
    base.clone().select(trx.raw('null as id'), trx.raw('null as name'), ...measures),
  ]);
  const view = (r: Aggregate, fallbackName: string): StatsRow => ({
    id: r.id,
    name: r.name ?? fallbackName,
    reported: Number(r.reported),
    resolved: Number(r.resolved),
    open: Number(r.open),
    overdue: Number(r.overdue),
    acceptHoursMedian: num(r.accept_hours),
    resolveHoursMedian: num(r.resolve_hours),
    onTimeShare: num(r.on_time),
    satisfaction: num(r.satisfaction),
    rated: Number(r.rated),
    reopenShare: num(r.reopened),
  });
  return { total: view(totals[0], 'total'), rows: rows.map((r) => view(r, '')) };
}

const HEADERS = {
  'zh-CN': {
    grid: '网格',
    community: '社区（村）',
    category: '事件分类',
    outside: '（不在网格内）',
    total: '合计',
    columns: [
      '上报数',
      '办结数',
      '在办数',
      '逾期数',
      '签收时长中位数（小时）',
      '办结时长中位数（小时）',
      '按时办结率',
      '满意度（1–5）',
      '评价数',
      '重新办理率',
    ],
    sheet: '事件统计',
  },
  en: {
    grid: 'Grid',
    community: 'Community',
    category: 'Category',
    outside: '(outside any grid)',
    total: 'Total',
    columns: [
      'Reported',
      'Resolved',
      'Open',
      'Overdue',
      'Median hours to accept',
      'Median hours to resolve',
      'On time',
      'Satisfaction (1–5)',
      'Rated',
      'Reopened',
    ],
    sheet: 'Event statistics',
  },
} as const;

/** The statistics as one sheet: a row per group, the total last. */
export function statsSheet(
  stats: { total: StatsRow; rows: StatsRow[] },
  by: 'grid' | 'community' | 'category',
  lang: 'zh-CN' | 'en',
): SheetSpec {
  const h = HEADERS[lang];
  const cells = (r: StatsRow, name: string) => [
    name,
    r.reported,
    r.resolved,
    r.open,
    r.overdue,
    r.acceptHoursMedian,
    r.resolveHoursMedian,
    r.onTimeShare,
    r.satisfaction,
    r.rated,
    r.reopenShare,
  ];
  return {
    name: h.sheet,
    columns: [{ header: h[by], width: 24 }, ...h.columns.map((header) => ({ header }))],
    rows: [...stats.rows.map((r) => cells(r, r.name || h.outside)), cells(stats.total, h.total)],
  };
}
