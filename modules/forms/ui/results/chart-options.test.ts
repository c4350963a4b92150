import { describe, expect, it } from 'vitest';
import type { FieldStatistics } from '../api/forms-types';
import { chartKindOf, chartOption, statTable } from './chart-options';

const labels = { option: '选项', group: '分组', count: '数量', sum: '合计', avg: '平均', min: '最小', max: '最大' };
const opts = (a: number, b: number) => [{ value: 'yes', label: '是', count: a }, { value: 'no', label: '否', count: b }];
const choice: FieldStatistics = { name: 'water', title: '饮水安全', kind: 'boolean', options: [], groups: [{ key: '', label: '全部', count: 5, options: opts(3, 2), sum: null, avg: null, min: null, max: null }] };
const grouped: FieldStatistics = { ...choice, groups: [{ key: 'u1', label: '东关村', count: 2, options: opts(2, 0), sum: null, avg: null, min: null, max: null }, { key: 'u2', label: '王庄村', count: 3, options: opts(1, 2), sum: null, avg: null, min: null, max: null }] };
const number: FieldStatistics = { name: 'income', title: '收入', kind: 'number', options: [], groups: [{ key: '', label: '全部', count: 2, options: [], sum: 30000, avg: 15000, min: 10000.456, max: 20000 }] };

describe('statistics as charts and tables', () => {
  it('a pie for one group of a choice field, bars for groups and numbers', () => {
    expect(chartKindOf(choice)).toBe('pie');
    expect(chartKindOf(grouped)).toBe('bar');
    expect(chartKindOf(number)).toBe('bar');
    expect(chartOption(choice, 'pie', '平均')).toMatchObject({ series: [{ type: 'pie', data: [{ name: '是', value: 3 }, { name: '否', value: 2 }] }] });
    expect(chartOption(grouped, 'bar', '平均')).toMatchObject({ xAxis: { data: ['是', '否'] }, series: [{ name: '东关村', data: [2, 0] }, { name: '王庄村', data: [1, 2] }] });
    expect(chartOption(number, 'bar', '平均')).toMatchObject({ series: [{ name: '平均', data: [15000] }] });
  });

  it('the numbers beside the chart', () => {
    expect(statTable(choice, labels)).toEqual({ columns: ['选项', '数量'], rows: [{ key: 'yes', cells: ['是', 3] }, { key: 'no', cells: ['否', 2] }] });
    expect(statTable(grouped, labels).columns).toEqual(['选项', '东关村', '王庄村']);
    expect(statTable(grouped, labels).rows[1].cells).toEqual(['否', 0, 2]);
    expect(statTable(number, labels).rows[0].cells).toEqual(['全部', 2, 30000, 15000, 10000.46, 20000]);
  });
});
