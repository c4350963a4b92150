import type { FastifyRequest } from 'fastify';
import {
  addDays,
  badRequest,
  instantOfWallTime,
  scopeOf,
  todayIn,
  whereInScope,
  type IsoDate,
  type SheetSpec,
} from '../../../core/module-kit.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';
import type { ApprovalStats, StatsQuery } from '../schemas/stats.schema.ts';
import { PERMISSION } from './permissions.ts';

const oneDecimal = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);

/**
 * Outcomes of the requests submitted in a period (the county's days), within the manager's scope
 * (the applicant's unit): per type, how many in each state and the median hours from submission
 * to the end; per step, how many finished, how many wait, and the median hours a step took.
 */
export async function approvalStats(request: FastifyRequest, query: StatsQuery): Promise<ApprovalStats> {
  const zone = request.tenant.timeZone;
  const to = (query.to ?? todayIn(zone)) as IsoDate;
  const from = (query.from ?? addDays(to, -29)) as IsoDate;
  if (from > to)
    throw badRequest(APPROVAL_ERRORS.REQUEST_INVALID, 'The period ends before it starts', [
      { path: 'querystring.from', message: 'is after to' },
    ]);
  const scope = (await scopeOf(request, PERMISSION.manage))!;
  const trx = request.db;
  const requests = whereInScope(
    trx('approval_request as r')
      .whereNot('r.status', 'draft')
      .where('r.submitted_at', '>=', instantOfWallTime(zone, from, 0))
      .where('r.submitted_at', '<', instantOfWallTime(zone, addDays(to, 1), 0))
      .modify((q) => (query.typeId ? q.where('r.type_id', query.typeId) : q)),
    'r.applicant_unit_id',
    scope,
    trx,
  );
  const types: {
    type_id: string;
    type_name: string;
    submitted: number;
    pending: number;
    approved: number;
    rejected: number;
    withdrawn: number;
    returned: number;
    hours: number | null;
  }[] = await requests
    .clone()
    .join('approval_type as t', function joinType() {
      this.on('t.tenant_id', 'r.tenant_id').andOn('t.id', 'r.type_id');
    })
    .groupBy('r.type_id', 't.name')
    .orderBy('t.name')
    .select(
      'r.type_id',
      't.name as type_name',
      trx.raw('count(*)::int as submitted'),
      ...(['pending', 'approved', 'rejected', 'withdrawn', 'returned'] as const).map((s) =>
        trx.raw(`count(*) filter (where r.status = '${s}')::int as ${s}`),
      ),
      trx.raw(
        `percentile_cont(0.5) within group (order by extract(epoch from r.finished_at - r.submitted_at) / 3600) filter (where r.finished_at is not null) as hours`,
      ),
    );
  const steps: { type_id: string; type_name: string; step_name: string; finished: number; waiting: number; hours: number | null }[] =
    await requests
      .clone()
      .join('approval_type as t', function joinType() {
        this.on('t.tenant_id', 'r.tenant_id').andOn('t.id', 'r.type_id');
      })
      .join('approval_step as s', function joinStep() {
        this.on('s.tenant_id', 'r.tenant_id').andOn('s.request_id', 'r.id');
      })
      .where('s.kind', 'approve')
      .whereIn('s.status', ['active', 'approved', 'rejected'])
      .groupBy('r.type_id', 't.name', 's.name')
      .orderBy([{ column: 't.name' }, { column: 's.name' }])
      .select(
        'r.type_id',
        't.name as type_name',
        's.name as step_name',
        trx.raw(`count(*) filter (where s.finished_at is not null)::int as finished`),
        trx.raw(`count(*) filter (where s.status = 'active')::int as waiting`),
        trx.raw(
          `percentile_cont(0.5) within group (order by extract(epoch from s.finished_at - s.started_at) / 3600) filter (where s.finished_at is not null) as hours`,
        ),
      );
  return {
    from,
    to,
    types: types.map((r) => ({
      typeId: r.type_id,
      typeName: r.type_name,
      submitted: r.submitted,
      pending: r.pending,
      approved: r.approved,
      rejected: r.rejected,
      withdrawn: r.withdrawn,
      returned: r.returned,
      hoursToFinish: oneDecimal(r.hours === null ? null : Number(r.hours)),
    })),
    steps: steps.map((r) => ({
      typeId: r.type_id,
      typeName: r.type_name,
      stepName: r.step_name,
      finished: r.finished,
      waiting: r.waiting,
      hoursPerStep: oneDecimal(r.hours === null ? null : Number(r.hours)),
    })),
  };
}

const HEADERS = {
  'zh-CN': {
    types: '按类型',
    steps: '按环节',
    type: '审批类型',
    step: '环节',
    typeColumns: ['提交', '审批中', '已通过', '已驳回', '已撤回', '已退回', '办结用时中位数（小时）'],
    stepColumns: ['已完成', '待审批', '环节用时中位数（小时）'],
  },
  en: {
    types: 'By type',
    steps: 'By step',
    type: 'Type',
    step: 'Step',
    typeColumns: ['Submitted', 'In progress', 'Approved', 'Rejected', 'Withdrawn', 'Returned', 'Median hours to finish'],
    stepColumns: ['Finished', 'Waiting', 'Median hours per step'],
  },
};

export function statsSheets(stats: ApprovalStats, lang: 'zh-CN' | 'en'): SheetSpec[] {
  const h = HEADERS[lang];
  return [
    {
      name: h.types,
      columns: [{ header: h.type, width: 24 }, ...h.typeColumns.map((header) => ({ header }))],
      rows: stats.types.map((r) => [r.typeName, r.submitted, r.pending, r.approved, r.rejected, r.withdrawn, r.returned, r.hoursToFinish]),
    },
    {
      name: h.steps,
      columns: [{ header: h.type, width: 24 }, { header: h.step, width: 24 }, ...h.stepColumns.map((header) => ({ header }))],
      rows: stats.steps.map((r) => [r.typeName, r.stepName, r.finished, r.waiting, r.hoursPerStep]),
    },
  ];
}
