import { describe, expect, it } from 'vitest';
import { seriesTypes, withNumbers } from './chart-option';

describe('the shell chart', () => {
  it('gives a chart without a tooltip one, so each slice or bar shows its number on a tap', () => {
    const pie = { series: [{ type: 'pie', data: [{ name: '红', value: 3 }] }] };
    expect(withNumbers(pie)).toEqual({ ...pie, tooltip: { trigger: 'item', confine: true } });
  });

  it('keeps the tooltip a chart brings', () => {
    const bars = { tooltip: { trigger: 'axis' }, series: [{ type: 'bar', data: [1, 2] }] };
    expect(withNumbers(bars)).toBe(bars);
  });

  it('knows which series an option draws, to load the tree series only for trees', () => {
    expect(seriesTypes({ series: [{ type: 'bar' }, { type: 'pie' }] })).toEqual(['bar', 'pie']);
    expect(seriesTypes({ series: { type: 'tree' } })).toEqual(['tree']);
    expect(seriesTypes({})).toEqual([]);
  });
});
