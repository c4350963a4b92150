/** The item of a chart the user clicked: a slice, a bar, a tree node (its `name` and `value`). */
export interface ChartItem {
  name: string;
  value: unknown;
}

/** An ECharts option: plain data (series, axes, tooltip…). */
export type ChartOption = Record<string, unknown>;

export interface ChartCanvasProps {
  option: ChartOption;
  height: number;
  onItemClick?: (item: ChartItem) => void;
}

/**
 * Charts have their numbers a click away: an option without a tooltip gets one, so tapping a
 * slice, a bar or a node shows its value (kept inside the chart, on a phone too). Pages that
 * also show the numbers beside the chart (a table, counts) keep doing so.
 */
export function withNumbers(option: ChartOption): ChartOption {
  return 'tooltip' in option ? option : { ...option, tooltip: { trigger: 'item', confine: true } };
}

/** The series types an option draws (`pie`, `bar`, `tree`…), to load only what draws them. */
export function seriesTypes(option: ChartOption): string[] {
  const series = Array.isArray(option.series) ? option.series : [option.series];
  return series.flatMap((s) =>
    typeof s === 'object' && s !== null && typeof (s as { type?: unknown }).type === 'string' ? [(s as { type: string }).type] : [],
  );
}
