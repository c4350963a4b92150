// The ES module build (the CommonJS one would hand Vite a module object, not the component).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartCanvasProps } from './chart-option';

// What the app's charts draw: pie and bar charts on canvas, with axes, legend and tooltip. Other
// series join in files of their own (echarts-tree-chart.ts), so no page loads what it never draws.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts canvas; loaded lazily (its own chunk, with ECharts) by `Chart`. */
export default function EChartsChart({ option, height, onItemClick }: ChartCanvasProps) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height, width: '100%' }}
      onEvents={
        onItemClick
          ? { click: (event: { name?: unknown; value?: unknown }) => onItemClick({ name: String(event.name ?? ''), value: event.value }) }
          : undefined
      }
    />
  );
}
