import type { Knex } from 'knex';
import { type DataScope, instantOfWallTime } from '../../../core/module-kit.ts';
import { LIGHTS, type Light } from './lights.ts';

export interface BoardFilter {
  category?: string;
  unitId?: string;
  light?: Light;
  period?: string;
  allDepths?: boolean;
}

type LightCounts = Record<Light, number>;
const zero = (): LightCounts => Object.fromEntries(LIGHTS.map((l) => [l, 0])) as LightCounts;

/** The deadline range of a period key: `2026`, `2026-03`, `2026-Q1` (days of the county's clock). */
export function periodRange(period: string, timeZone: string): { from: string; to: string } {
  const [year, part] = period.split('-');
  const y = Number(year);
  let first = 1;
  let months = 12;
  if (part?.startsWith('Q')) [first, months] = [(Number(part.slice(1)) - 1) * 3 + 1, 3];
  else if (part) [first, months] = [Number(part), 1];
  const start = new Date(Date.UTC(y, first - 1, 1));
  const end = new Date(Date.UTC(y, first - 1 + months, 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: instantOfWallTime(timeZone, day(start), 0).toISOString(), to: instantOfWallTime(timeZone, day(end), 0).toISOString() };
}

/**
 * Assignments of active tasks supervised within the scope, counted by light and by unit in one
 * grouped query (by default the units tasks were dispatched to; with `allDepths` their subtasks too).
 */
export async function board(trx: Knex.Transaction, scope: DataScope, filter: BoardFilter, timeZone: string) {
  const query = trx('dispatch_assignment as a')
    .join('dispatch_task as t', function joinTask() {
      this.on('t.tenant_id', 'a.tenant_id').andOn('t.id', 'a.task_id');
    })
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .where('t.status', 'active')
    .groupBy('a.unit_id', 'u.name', 'a.light')
    .select('a.unit_id', 'u.name as unit_name', 'a.light')
    .count({ n: '*' });
  if (scope.kind !== 'tenant') {
    query.join('core_unit as ou', function joinOwner() {
      this.on('ou.tenant_id', 't.tenant_id').andOn('ou.id', 't.owner_unit_id');
    });
    if (scope.kind === 'own_unit') query.where('t.owner_unit_id', scope.unitId);
    else query.where('ou.path', 'like', `${scope.unitPath}%`);
  }
  if (!filter.allDepths) query.where('a.depth', 0);
  if (filter.category !== undefined) query.where('t.category', filter.category);
  if (filter.light) query.where('a.light', filter.light);
  if (filter.unitId)
    query.whereIn(
      'a.unit_id',
      trx('core_unit as f')
        .select('f.id')
        .where('f.path', 'like', trx('core_unit as s').select(trx.raw("s.path || '%'")).where('s.id', filter.unitId)),
    );
  if (filter.period) {
    const range = periodRange(filter.period, timeZone);
    query.where('a.deadline', '>=', range.from).where('a.deadline', '<', range.to);
  }
  const rows = (await query) as unknown as { unit_id: string; unit_name: string; light: Light; n: string | number }[];
  const byLight = zero();
  const units = new Map<string, { unitId: string; unitName: string; total: number; byLight: LightCounts }>();
  for (const row of rows) {
    const n = Number(row.n);
    byLight[row.light] += n;
    const unit = units.get(row.unit_id) ?? { unitId: row.unit_id, unitName: row.unit_name, total: 0, byLight: zero() };
    unit.total += n;
    unit.byLight[row.light] += n;
    units.set(row.unit_id, unit);
  }
  const byUnit = [...units.values()].sort(
    (a, b) => b.byLight.red - a.byLight.red || b.byLight.yellow - a.byLight.yellow || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  return { total: Object.values(byLight).reduce((a, b) => a + b, 0), byLight, byUnit };
}
