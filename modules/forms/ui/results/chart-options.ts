import type { FieldStatistics } from '../api/forms-types';

export type ChartKind = 'pie' | 'bar';

export interface StatTable {
  columns: string[];
  rows: { key: string; cells: (string | number)[] }[];
}

const round = (n: number | null) => (n === null ? '—' : Math.round(n * 100) / 100);

/**
 * The numbers of one field: for a choice field one row per option (one count column per group);
 * for a number field one row per group with count, sum, average, minimum, maximum.
 */
export function statTable(field: FieldStatistics, labels: { option: string; group: string; count: string; sum: string; avg: string; min: string; max: string }): StatTable {
  if (field.kind === 'number') {
    return {
      columns: [labels.group, labels.count, labels.sum, labels.avg, labels.min, labels.max],
      rows: field.groups.map((g) => ({ key: g.key, cells: [g.label, g.count, round(g.sum), round(g.avg), round(g.min), round(g.max)] })),
    };
  }
  const options = field.groups[0]?.options ?? [];
  const grouped = field.groups.length > 1;
  return {
    columns: [labels.option, ...(grouped ? field.groups.map((g) => g.label) : [labels.count])],
    rows: options.map((o, i) => ({ key: o.value, cells: [o.label, ...field.groups.map((g) => g.options[i]?.count ?? 0)] })),
  };
}

/** Which chart fits: a pie for one group's option counts, bars for groups or numbers. */
export function chartKindOf(field: FieldStatistics): ChartKind {
  return field.kind !== 'number' && field.groups.length <= 1 && field.kind !== 'multi' ? 'pie' : 'bar';
}

/** The ECharts option of a field's statistics (data only; plain JSON). */
export function chartOption(field: FieldStatistics, kind: ChartKind, avgLabel: string): Record<string, unknown> {
  const tooltip = { trigger: kind === 'pie' ? 'item' : 'axis' };
  if (field.kind === 'number') {
    return {
      tooltip,
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: field.groups.map((g) => g.label) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: avgLabel, data: field.groups.map((g) => (g.avg === null ? 0 : Math.round(g.avg * 100) / 100)) }],
    };
  }
  const options = field.groups[0]?.options ?? [];
  if (kind === 'pie') {
    return {
      tooltip,
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: options.map((o) => ({ name: o.label, value: o.count })), label: { formatter: '{b}: {c}' } }],
    };
  }
  return {
    tooltip,
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: options.map((o) => o.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: field.groups.map((g) => ({ type: 'bar', name: g.label, data: g.options.map((o) => o.count) })),
  };
}
