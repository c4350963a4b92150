import { describe, expect, it } from 'vitest';
import type { FieldStatistics } from '../../schemas/results.schema';
import { chartKindOf, chartOption, statNamer, statTable } from './chart-options';

const labels = { option: '选项', group: '分组', count: '数量', sum: '合计', avg: '平均', min: '最小', max: '最大' };
const opts = (a: number, b: number) => [
  { value: 'true', label: '是', count: a },
  { value: 'false', label: '否', count: b },
];
const choice: FieldStatistics = {
  name: 'water',
  title: '饮水安全',
  kind: 'boolean',
  options: [],
  group: null,
  groups: [{ key: '', label: null, labelKey: 'all', count: 5, options: opts(3, 2), sum: null, avg: null, min: null, max: null }],
};
const grouped: FieldStatistics = {
  ...choice,
  groups: [
    { key: 'u1', label: '东关村', count: 2, options: opts(2, 0), sum: null, avg: null, min: null, max: null },
    { key: 'u2', label: '王庄村', count: 3, options: opts(1, 2), sum: null, avg: null, min: null, max: null },
  ],
};
const number: FieldStatistics = {
  name: 'income',
  title: '收入',
  kind: 'number',
  options: [],
  group: null,
  groups: [{ key: '', label: null, labelKey: 'all', count: 2, options: [], sum: 30000, avg: 15000, min: 10000.456, max: 20000 }],
};

const zh = { all: '全部', unanswered: '（未填）', noUnit: '（无单位）', yes: '是', no: '否' };
const en = { all: 'All', unanswered: '(not answered)', noUnit: '(no unit)', yes: 'Yes', no: 'No' };
const names = (field: FieldStatistics) => statNamer(field, zh);

describe('statistics as charts and tables', () => {
  it('a pie for one group of a choice field, bars for groups and numbers', () => {
    expect(chartKindOf(choice)).toBe('pie');
    expect(chartKindOf(grouped)).toBe('bar');
    expect(chartKindOf(number)).toBe('bar');
    expect(chartOption(choice, 'pie', '平均', names(choice))).toMatchObject({
      series: [
        {
          type: 'pie',
          data: [
            { name: '是', value: 3 },
            { name: '否', value: 2 },
          ],
        },
      ],
    });
    expect(chartOption(grouped, 'bar', '平均', names(grouped))).toMatchObject({
      xAxis: { data: ['是', '否'] },
      series: [
        { name: '东关村', data: [2, 0] },
        { name: '王庄村', data: [1, 2] },
      ],
    });
    expect(chartOption(number, 'bar', '平均', names(number))).toMatchObject({ series: [{ name: '平均', data: [15000] }] });
  });

  it('the numbers beside the chart', () => {
    expect(statTable(choice, labels, names(choice))).toEqual({
      columns: ['选项', '数量'],
      rows: [
        { key: 'true', cells: ['是', 3] },
        { key: 'false', cells: ['否', 2] },
      ],
    });
    expect(statTable(grouped, labels, names(grouped)).columns).toEqual(['选项', '东关村', '王庄村']);
    expect(statTable(grouped, labels, names(grouped)).rows[1].cells).toEqual(['否', 0, 2]);
    expect(statTable(number, labels, names(number)).rows[0].cells).toEqual(['全部', 2, 30000, 15000, 10000.46, 20000]);
  });

  it('words groups and options without a name of their own, and yes/no, in the reader’s language', () => {
    expect(statTable(number, labels, statNamer(number, en)).rows[0].cells[0]).toBe('All');
    expect(statTable(choice, labels, statNamer(choice, en)).rows.map((r) => r.cells[0])).toEqual(['Yes', 'No']);
    const byUnit: FieldStatistics = {
      ...number,
      groups: [
        { ...number.groups[0], key: 'u1', label: '东关村', labelKey: undefined },
        { ...number.groups[0], key: '', label: null, labelKey: 'noUnit' },
      ],
    };
    expect(statTable(byUnit, labels, statNamer(byUnit, en)).rows.map((r) => r.cells[0])).toEqual(['东关村', '(no unit)']);
    const multi: FieldStatistics = {
      ...choice,
      kind: 'multi',
      groups: [
        {
          ...choice.groups[0],
          options: [
            { value: '因病', label: '因病', count: 1 },
            { value: '', label: null, labelKey: 'unanswered', count: 4 },
          ],
        },
      ],
    };
    expect(statTable(multi, labels, statNamer(multi, zh)).rows.map((r) => r.cells[0])).toEqual(['因病', '（未填）']);
  });
});
