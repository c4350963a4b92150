import { use } from 'echarts/core';
import { TreeChart } from 'echarts/charts';
import EChartsChart from './echarts-chart';

// Tree series (dispatch's mind map) only for the charts that draw one: a chunk of its own.
use([TreeChart]);

export default EChartsChart;
