import type { FieldStatistics, StatLabel, StatLabelKey } from '../../schemas/results.schema';

export type ChartKind = 'pie' | 'bar';

export interface StatTable {
  columns: string[];
  rows: { key: string; cells: (string | number)[] }[];
}

// A number field's groups always carry sum, avg, min and max (null without numbers), a choice field's its options.
const round = (n: number | null | undefined) => (n === null || n === undefined ? '—' : Math.round(n * 100) / 100);

/** The name shown for a group or an option of a field. */
export type StatNamer = (item: StatLabel & { value?: string }) => string;

/**
 * Names in the reader's language: the server's label, else the words for its labelKey (every
 * submission, no answer, no unit); a yes/no field's options by their value.
 */
export function statNamer(field: FieldStatistics, texts: Record<StatLabelKey, string> & { yes: string; no: string }): StatNamer {
  return (item) => {
    if (field.kind === 'boolean' && (item.value === 'true' || item.value === 'false')) return item.value === 'true' ? texts.yes : texts.no;
    return item.label ?? texts[item.labelKey ?? 'unanswered'];
  };
}

/**
 * The numbers of one field: for a choice field one row per option (one count column per group);
 * for a number field one row per group with count, sum, average, minimum, maximum.
 */
export function statTable(
  field: FieldStatistics,
  labels: { option: string; group: string; count: string; sum: string; avg: string; min: string; max: string },
  name: StatNamer,
): StatTable {
  if (field.kind === 'number') {
    return {
      columns: [labels.group, labels.count, labels.sum, labels.avg, labels.min, labels.max],
      rows: field.groups.map((g) => ({ key: g.key, cells: [name(g), g.count, round(g.sum), round(g.avg), round(g.min), round(g.max)] })),
    };
  }
  const options = field.groups[0]?.options ?? [];
  const grouped = field.groups.length > 1;
  return {
    columns: [labels.option, ...(grouped ? field.groups.map(name) : [labels.count])],
    rows: options.map((o, i) => ({ key: o.value, cells: [name(o), ...field.groups.map((g) => g.options?.[i]?.count ?? 0)] })),
  };
}

/** Which chart fits: a pie for one group's option counts, bars for groups or numbers. */
export function chartKindOf(field: FieldStatistics): ChartKind {
  return field.kind !== 'number' && field.groups.length <= 1 && field.kind !== 'multi' ? 'pie' : 'bar';
}

/** The ECharts option of a field's statistics (data only; plain JSON). */
export function chartOption(field: FieldStatistics, kind: ChartKind, avgLabel: string, name: StatNamer): Record<string, unknown> {
  const tooltip = { trigger: kind === 'pie' ? 'item' : 'axis' };
  if (field.kind === 'number') {
    return {
      tooltip,
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: field.groups.map(name) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: avgLabel, data: field.groups.map((g) => (typeof g.avg === 'number' ? Math.round(g.avg * 100) / 100 : 0)) },
      ],
    };
  }
  const options = field.groups[0]?.options ?? [];
  if (kind === 'pie') {
    return {
      tooltip,
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: options.map((o) => ({ name: name(o), value: o.count })),
          label: { formatter: '{b}: {c}' },
        },
      ],
    };
  }
  return {
    tooltip,
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: options.map(name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: field.groups.map((g) => ({ type: 'bar', name: name(g), data: (g.options ?? []).map((o) => o.count) })),
  };
}
