import type { Knex } from 'knex';
import type { DataScope } from '../../../core/auth/permissions.ts';
import { badRequest } from '../../../core/server/errors.ts';
import type { FormField } from './form-fields.ts';
import { filteredSubmissions, numberSql, type ResultsFilter } from './results-query.ts';
import { fieldView, resultFields } from './results.service.ts';

export interface GroupStats {
  key: string;
  label: string;
  count: number;
  options?: { value: string; label: string; count: number }[];
  sum?: number | null;
  avg?: number | null;
  min?: number | null;
  max?: number | null;
}

/**
 * Statistics of the filtered submissions, per group (none, unit, period, or any choice field):
 * counts per option for choice, multi-choice and yes/no fields; count, sum, average, minimum and
 * maximum for number fields. One aggregate query per field, so the database does the counting.
 */
export async function statistics(trx: Knex.Transaction, formId: string, scope: DataScope, filter: ResultsFilter, request: { fields: string[]; groupBy?: string }) {
  const { fields } = await resultFields(trx, formId, filter.version);
  const asked = request.fields.length > 0 ? request.fields : fields.filter((f) => ['number', 'choice', 'multi', 'boolean'].includes(f.kind)).map((f) => f.name);
  const chosen = asked.map((name, i) => {
    const field = fields.find((f) => f.name === name);
    if (!field || !['number', 'choice', 'multi', 'boolean'].includes(field.kind)) {
      throw badRequest('FORMS_FIELD_UNKNOWN', `"${name}" is not a number or choice field of this form`, [{ path: `querystring.fields[${i}]`, message: 'is not a number or choice field of the form' }]);
    }
    return field;
  });
  const group = groupExpression(fields, request.groupBy);
  const base = () => filteredSubmissions(trx, formId, scope, fields, filter);

  const totals: { g: string | null; count: number }[] = await base().select(trx.raw(`${group.sql} as g`, group.bindings)).count({ count: '*' }).groupByRaw('1');
  const labels = await group.labels(trx, totals.map((t) => t.g));
  const groups = totals.map((t) => ({ key: t.g ?? '', label: labels.get(t.g ?? '') ?? t.g ?? '（未填）', count: Number(t.count) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));

  const results = [];
  for (const field of chosen) results.push({ ...fieldView(field), groups: await fieldStats(trx, base(), field, group, groups) });
  return { groupBy: request.groupBy ?? null, total: groups.reduce((n, g) => n + g.count, 0), groups, fields: results };
}

// Grouped by position: the same expression bound twice as parameters is, to PostgreSQL, two expressions.
interface Group {
  sql: string;
  bindings: string[][];
  labels(trx: Knex.Transaction, keys: (string | null)[]): Promise<Map<string, string>>;
}

function groupExpression(fields: FormField[], groupBy: string | undefined): Group {
  const identity = async (_trx: Knex.Transaction, keys: (string | null)[]) => new Map(keys.map((k) => [k ?? '', k ?? '（未填）']));
  if (!groupBy) return { sql: "''", bindings: [], labels: async () => new Map([['', '全部']]) };
  if (groupBy === 'period') return { sql: "coalesce(s.period_key, '')", bindings: [], labels: identity };
  if (groupBy === 'unit') {
    return {
      sql: "coalesce(s.unit_id::text, '')",
      bindings: [],
      labels: async (trx, keys) => {
        const ids = keys.filter((k): k is string => !!k);
        const units: { id: string; name: string }[] = ids.length ? await trx('core_unit').whereIn('id', ids).select('id', 'name') : [];
        return new Map([['', '（无单位）'], ...units.map((u) => [u.id, u.name] as [string, string])]);
      },
    };
  }
  const field = fields.find((f) => f.name === groupBy);
  if (!field || !['choice', 'boolean'].includes(field.kind)) {
    throw badRequest('FORMS_FIELD_UNKNOWN', `"${groupBy}" cannot group: use unit, period or a single-choice field`, [{ path: 'querystring.groupBy', message: 'is not unit, period or a single-choice field' }]);
  }
  return {
    sql: "coalesce(s.data #>> ?::text[], '')",
    bindings: [field.path],
    labels: async (_trx, keys) => new Map(keys.map((k) => [k ?? '', field.options.find((o) => o.value === k)?.label ?? (k || '（未填）')])),
  };
}

async function fieldStats(trx: Knex.Transaction, query: Knex.QueryBuilder, field: FormField, group: Group, groups: { key: string; label: string; count: number }[]): Promise<GroupStats[]> {
  const g = trx.raw(`${group.sql} as g`, group.bindings);
  if (field.kind === 'number') {
    const value = trx.raw(numberSql(), [field.path, field.path]);
    const rows: { g: string; count: number; sum: number | null; avg: number | null; min: number | null; max: number | null }[] = await query
      .select(g)
      .select(trx.raw('count(?) as count, sum(?) as sum, avg(?) as avg, min(?) as min, max(?) as max', [value, value, value, value, value]))
      .groupByRaw('1');
    return groups.map((grp) => {
      const row = rows.find((r) => (r.g ?? '') === grp.key);
      const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100);
      return { ...grp, count: Number(row?.count ?? 0), sum: round(row?.sum), avg: round(row?.avg), min: round(row?.min), max: round(row?.max) };
    });
  }
  // Multi-choice answers count once per chosen option.
  const valueSql = field.kind === 'multi' ? 'v.value' : 's.data #>> ?::text[]';
  if (field.kind === 'multi') {
    query.joinRaw(`cross join lateral jsonb_array_elements_text(case when jsonb_typeof(s.data #> ?::text[]) = 'array' then s.data #> ?::text[] else '[]'::jsonb end) as v(value)`, [field.path, field.path]);
  }
  const rows: { g: string; v: string | null; count: number }[] = await query
    .select(g)
    .select(trx.raw(`${valueSql} as v`, field.kind === 'multi' ? [] : [field.path]))
    .count({ count: '*' })
    .groupByRaw('1, 2');
  return groups.map((grp) => {
    const mine = rows.filter((r) => (r.g ?? '') === grp.key);
    const known = field.options.map((o) => ({ value: o.value, label: o.label, count: Number(mine.find((r) => r.v === o.value)?.count ?? 0) }));
    const others = mine.filter((r) => !field.options.some((o) => o.value === r.v)).map((r) => ({ value: r.v ?? '', label: r.v ?? '（未填）', count: Number(r.count) }));
    return { ...grp, options: [...known, ...others] };
  });
}
