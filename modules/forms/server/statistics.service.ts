import type { Knex } from 'knex';
import { badRequest, type DataScope, MAX_JSON_NUMBER } from '../../../core/module-kit.ts';
import type { FormField } from './form-fields.ts';
import { filteredSubmissions, numberSql, type ResultsFilter } from './results-query.ts';
import { fieldView, resultFields } from './results.service.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/**
 * What a group or option without a name of its own stands for: every submission (no grouping),
 * no answer, or no unit. Its `label` is null and the reader words it in their own language.
 */
export type LabelKey = 'all' | 'unanswered' | 'noUnit';

export interface GroupStats {
  key: string;
  label: string | null;
  labelKey?: LabelKey;
  count: number;
  options?: { value: string; label: string | null; labelKey?: LabelKey; count: number }[];
  sum?: number | null;
  avg?: number | null;
  min?: number | null;
  max?: number | null;
}

const COUNTABLE = ['number', 'choice', 'multi', 'boolean'];

type GroupTotal = { key: string; label: string | null; labelKey?: LabelKey; count: number };
type Label = { label: string | null; labelKey?: LabelKey };

const UNANSWERED: Label = { label: null, labelKey: 'unanswered' };
const named = (label: string): Label => ({ label });

// Named groups in Chinese collation order, then the unnamed ones (no answer, no unit).
const byLabel = (a: GroupTotal, b: GroupTotal) =>
  (a.label === null ? 1 : 0) - (b.label === null ? 1 : 0) || (a.label ?? '').localeCompare(b.label ?? '', 'zh-CN');

/**
 * Statistics of the filtered submissions, per group (none, unit, period, or any choice field):
 * counts per option for choice, multi-choice and yes/no fields; count, sum, average, minimum and
 * maximum for number fields. The database does the counting, in as few scans as it can: every
 * number field and the group totals in one query, one query per choice field (the first of which
 * gives the totals when there is no number field), and the totals on their own only when every
 * field is multi-choice. Fields of repeating groups are not counted.
 */
export async function statistics(
  trx: Knex.Transaction,
  formId: string,
  scope: DataScope,
  filter: ResultsFilter,
  request: { fields: string[]; groupBy?: string },
) {
  const { fields } = await resultFields(trx, formId, filter.version);
  const { chosen, group } = statisticsPlan(fields, request);
  const base = () => filteredSubmissions(trx, formId, scope, fields, filter);

  const numbers = chosen.filter((f) => f.kind === 'number');
  const singles = chosen.filter((f) => f.kind === 'choice' || f.kind === 'boolean');
  const numberRows = numbers.length > 0 || singles.length === 0 ? await numberStats(trx, base(), numbers, group) : null;
  const optionRows = new Map<FormField, OptionRow[]>();
  for (const field of chosen.filter((f) => f.kind !== 'number')) optionRows.set(field, await optionStats(trx, base(), field, group));

  // Totals per group: from the number query, else summed over the first single choice's options.
  const counts = new Map<string, number>();
  if (numberRows) for (const r of numberRows) counts.set(r.g ?? '', Number(r.total));
  else for (const r of optionRows.get(singles[0]) ?? []) counts.set(r.g ?? '', (counts.get(r.g ?? '') ?? 0) + Number(r.count));
  const labels = await group.labels(trx, [...counts.keys()]);
  const groups: GroupTotal[] = [...counts]
    .map(([key, count]) => ({ key, ...(labels.get(key) ?? (key ? named(key) : UNANSWERED)), count }))
    .sort(byLabel);

  const results = chosen.map((field) => ({
    ...fieldView(field),
    groups:
      field.kind === 'number'
        ? numberGroups(numberRows ?? [], numbers.indexOf(field), groups)
        : optionGroups(optionRows.get(field) ?? [], field, groups),
  }));
  return { groupBy: request.groupBy ?? null, total: groups.reduce((n, g) => n + g.count, 0), groups, fields: results };
}

/** The fields to count and the grouping, checked against the form (400 naming the query parameter). */
export function statisticsPlan(
  fields: FormField[],
  request: { fields: string[]; groupBy?: string },
): { chosen: FormField[]; group: Group } {
  const countable = (f: FormField | undefined): f is FormField => !!f && !f.group && COUNTABLE.includes(f.kind);
  const asked = request.fields.length > 0 ? request.fields : fields.filter(countable).map((f) => f.name);
  const chosen = asked.map((name, i) => {
    const field = fields.find((f) => f.name === name);
    if (!countable(field)) {
      throw badRequest(FORMS_ERRORS.FIELD_UNKNOWN, `"${name}" is not a number or choice field of this form`, [
        { path: `querystring.fields[${i}]`, message: 'is not a number or choice field of the form (outside repeating groups)' },
      ]);
    }
    return field;
  });
  return { chosen, group: groupExpression(fields, request.groupBy) };
}

// Grouped by position: the same expression bound twice as parameters is, to PostgreSQL, two expressions.
interface Group {
  sql: string;
  bindings: string[][];
  labels(trx: Knex.Transaction, keys: (string | null)[]): Promise<Map<string, Label>>;
}

function groupExpression(fields: FormField[], groupBy: string | undefined): Group {
  const identity = async (_trx: Knex.Transaction, keys: (string | null)[]) =>
    new Map(keys.map((k) => [k ?? '', k ? named(k) : UNANSWERED]));
  if (!groupBy) return { sql: "''", bindings: [], labels: async () => new Map<string, Label>([['', { label: null, labelKey: 'all' }]]) };
  if (groupBy === 'period') return { sql: "coalesce(s.period_key, '')", bindings: [], labels: identity };
  if (groupBy === 'unit') {
    return {
      sql: "coalesce(s.unit_id::text, '')",
      bindings: [],
      labels: async (trx, keys) => {
        const ids = keys.filter((k): k is string => !!k);
        const units: { id: string; name: string }[] = ids.length ? await trx('core_unit').whereIn('id', ids).select('id', 'name') : [];
        return new Map<string, Label>([
          ['', { label: null, labelKey: 'noUnit' }],
          ...units.map((u) => [u.id, named(u.name)] as [string, Label]),
        ]);
      },
    };
  }
  const field = fields.find((f) => f.name === groupBy);
  if (!field || !['choice', 'boolean'].includes(field.kind)) {
    throw badRequest(FORMS_ERRORS.FIELD_UNKNOWN, `"${groupBy}" cannot group: use unit, period or a single-choice field`, [
      { path: 'querystring.groupBy', message: 'is not unit, period or a single-choice field' },
    ]);
  }
  return {
    sql: "coalesce(s.data #>> ?::text[], '')",
    bindings: [field.path],
    labels: async (_trx, keys) =>
      new Map(keys.map((k): [string, Label] => [k ?? '', k ? named(field.options.find((o) => o.value === k)?.label ?? k) : UNANSWERED])),
  };
}

type NumberRow = { g: string | null; total: number } & Record<string, number | string | null>;
type OptionRow = { g: string | null; v: string | null; count: number };

/**
 * Group totals and every number field's aggregates in one scan. Numbers are read as float8 (not
 * numeric: several times cheaper to sum), each once per row inside a fenced subquery (offset 0
 * keeps the planner from inlining the expression into all five aggregates).
 */
async function numberStats(trx: Knex.Transaction, query: Knex.QueryBuilder, numbers: FormField[], group: Group): Promise<NumberRow[]> {
  query.select(trx.raw(`${group.sql} as g`, group.bindings));
  numbers.forEach((field, i) => query.select(trx.raw(`${numberSql('s', 'float8')} as v${i}`, [field.path, field.path])));
  // Numbers beyond what a body may carry (core/server/input-guard.ts; only answers stored before
  // that bound) stay out of the aggregates: two answers of 1e308 would overflow float8's sum.
  const kept = (i: number) => `filter (where abs(v${i}) <= ${MAX_JSON_NUMBER})`;
  const aggregates = [
    'count(*) as total',
    ...numbers.map(
      (_f, i) =>
        `count(v${i}) ${kept(i)} as c${i}, sum(v${i}) ${kept(i)} as s${i}, avg(v${i}) ${kept(i)} as a${i}, min(v${i}) ${kept(i)} as n${i}, max(v${i}) ${kept(i)} as x${i}`,
    ),
  ];
  // Written raw: knex drops an `offset 0`, and the fence is the point.
  const { rows } = await trx.raw(`select x.g, ${aggregates.join(', ')} from (select * from ? as y offset 0) as x group by x.g`, [query]);
  return rows;
}

function numberGroups(rows: NumberRow[], i: number, groups: GroupTotal[]): GroupStats[] {
  const round = (n: number | string | null | undefined) => (n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100);
  return groups.map((grp) => {
    const row = rows.find((r) => (r.g ?? '') === grp.key);
    return {
      ...grp,
      count: Number(row?.[`c${i}`] ?? 0),
      sum: round(row?.[`s${i}`]),
      avg: round(row?.[`a${i}`]),
      min: round(row?.[`n${i}`]),
      max: round(row?.[`x${i}`]),
    };
  });
}

/** Counts per group and option; multi-choice answers count once per chosen option. */
async function optionStats(trx: Knex.Transaction, query: Knex.QueryBuilder, field: FormField, group: Group): Promise<OptionRow[]> {
  const valueSql = field.kind === 'multi' ? 'v.value' : 's.data #>> ?::text[]';
  if (field.kind === 'multi') {
    query.joinRaw(
      `cross join lateral jsonb_array_elements_text(case when jsonb_typeof(s.data #> ?::text[]) = 'array' then s.data #> ?::text[] else '[]'::jsonb end) as v(value)`,
      [field.path, field.path],
    );
  }
  return query
    .select(trx.raw(`${group.sql} as g`, group.bindings))
    .select(trx.raw(`${valueSql} as v`, field.kind === 'multi' ? [] : [field.path]))
    .count({ count: '*' })
    .groupByRaw('1, 2');
}

function optionGroups(rows: OptionRow[], field: FormField, groups: GroupTotal[]): GroupStats[] {
  return groups.map((grp) => {
    const mine = rows.filter((r) => (r.g ?? '') === grp.key);
    const known = field.options.map((o) => ({
      value: o.value,
      label: o.label,
      count: Number(mine.find((r) => r.v === o.value)?.count ?? 0),
    }));
    const others = mine
      .filter((r) => !field.options.some((o) => o.value === r.v))
      .map((r) => ({ value: r.v ?? '', ...(r.v ? named(r.v) : UNANSWERED), count: Number(r.count) }));
    return { ...grp, options: [...known, ...others] };
  });
}
