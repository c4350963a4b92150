import { Chart } from '../../../../admin-ui/src/module-kit';

export interface MindMapNode {
  id: string;
  name: string;
  color: string;
  tooltip: string;
  children: MindMapNode[];
}

/** The tree drawn left to right (the shell's chart loads ECharts and its tree series on first show); a click on a node opens it. */
export function MindMapChart({ root, height, onOpen }: { root: MindMapNode; height: number; onOpen: (id: string) => void }) {
  const toSeries = (node: MindMapNode): Record<string, unknown> => ({
    name: node.name,
    value: node.id,
    tooltip: { formatter: node.tooltip },
    itemStyle: { color: node.color, borderColor: node.color === '#d9d9d9' ? '#8c8c8c' : node.color },
    children: node.children.map(toSeries),
  });
  const option = {
    tooltip: { trigger: 'item', triggerOn: 'mousemove' },
    series: [
      {
        type: 'tree',
        data: [toSeries(root)],
        orient: 'LR',
        top: 16,
        bottom: 16,
        left: 190,
        right: 150,
        // A map to read, not a show: drawn at once, so what the page shows is what it holds.
        animation: false,
        symbol: 'circle',
        symbolSize: 12,
        initialTreeDepth: -1,
        expandAndCollapse: false,
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12, width: 170, overflow: 'truncate' },
        leaves: { label: { position: 'right', align: 'left' } },
        lineStyle: { curveness: 0.5 },
      },
    ],
  };
  return <Chart option={option} height={height} onItemClick={({ value }) => typeof value === 'string' && value !== '' && onOpen(value)} />;
}
