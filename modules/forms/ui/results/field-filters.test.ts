import { describe, expect, it } from 'vitest';
import { describeFilter, fieldFilterEntries } from './field-filters';

const fields = [
  { name: 'cause', title: '致贫原因', kind: 'choice' as const, options: [{ value: 'other', label: '其他' }], group: null },
  { name: 'income', title: '收入', kind: 'number' as const, options: [], group: null },
];

describe('results field filters', () => {
  it('keeps only field filters with a value', () => {
    expect(fieldFilterEntries({ q: 'x', 'filter[cause]': 'other', 'filter[income][gte]': '', 'filter[income][lte]': '9' })).toEqual([
      ['filter[cause]', 'other'],
      ['filter[income][lte]', '9'],
    ]);
  });

  it('describes them with titles and option labels', () => {
    expect(describeFilter('filter[cause]', 'other', fields, { gte: '≥', lte: '≤' })).toBe('致贫原因 = 其他');
    expect(describeFilter('filter[income][gte]', '100', fields, { gte: '≥', lte: '≤' })).toBe('收入 ≥ 100');
  });
});
