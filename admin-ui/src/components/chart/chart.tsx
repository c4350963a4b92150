import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import { seriesTypes, withNumbers, type ChartItem, type ChartOption } from './chart-option';

// ECharts is fetched the first time a chart shows: a chunk of its own, never in the shell's bundle.
const PlainCanvas = lazy(() => import('./echarts-chart'));
const TreeCanvas = lazy(() => import('./echarts-tree-chart'));

export interface ChartProps {
  option: ChartOption;
  /** Pixels; the chart takes the full width. */
  height?: number;
  testId?: string;
  onItemClick?: (item: ChartItem) => void;
}

/**
 * The app's one chart: ECharts loaded lazily, a placeholder of the chart's size meanwhile, and
 * its numbers a click away (`withNumbers`: a tooltip on every slice, bar or node).
 */
export function Chart({ option, height = 280, testId, onItemClick }: ChartProps) {
  const Canvas = seriesTypes(option).includes('tree') ? TreeCanvas : PlainCanvas;
  return (
    <div data-testid={testId}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
        <Canvas option={withNumbers(option)} height={height} onItemClick={onItemClick} />
      </Suspense>
    </div>
  );
}
