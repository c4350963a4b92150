import { describe, expect, it } from 'vitest';
import { branchHolds, ruleHolds } from './condition.ts';

describe('approval branch conditions on a form’s answers', () => {
  it('compares numbers as numbers, also when the form kept them as typed text', () => {
    expect(ruleHolds({ field: 'amount', op: 'gt', value: 10000 }, 12000)).toBe(true);
    expect(ruleHolds({ field: 'amount', op: 'gt', value: 10000 }, '12000')).toBe(true);
    expect(ruleHolds({ field: 'amount', op: 'lte', value: 10000 }, '9999.5')).toBe(true);
    expect(ruleHolds({ field: 'amount', op: 'gt', value: 10000 }, 'ten thousand')).toBe(false);
  });

  it('a missing answer is empty and meets no comparison but "not equal"', () => {
    expect(ruleHolds({ field: 'x', op: 'empty' }, undefined)).toBe(true);
    expect(ruleHolds({ field: 'x', op: 'empty' }, [])).toBe(true);
    expect(ruleHolds({ field: 'x', op: 'gt', value: 0 }, null)).toBe(false);
    expect(ruleHolds({ field: 'x', op: 'ne', value: 'a' }, '')).toBe(true);
    expect(ruleHolds({ field: 'x', op: 'notEmpty' }, '有')).toBe(true);
  });

  it('a checkbox list contains a value; it equals a value only when it is exactly that one', () => {
    expect(ruleHolds({ field: 'tags', op: 'contains', value: '出差' }, ['出差', '培训'])).toBe(true);
    expect(ruleHolds({ field: 'tags', op: 'eq', value: '出差' }, ['出差', '培训'])).toBe(false);
    expect(ruleHolds({ field: 'tags', op: 'eq', value: '出差' }, ['出差'])).toBe(true);
    expect(ruleHolds({ field: 'kind', op: 'in', value: ['事假', '病假'] }, '病假')).toBe(true);
  });

  it('a branch takes all or any of its rules', () => {
    const data = { amount: 20000, kind: '差旅' };
    const rules = [
      { field: 'amount', op: 'gt' as const, value: 10000 },
      { field: 'kind', op: 'eq' as const, value: '采购' },
    ];
    expect(branchHolds({ match: 'all', rules }, data)).toBe(false);
    expect(branchHolds({ match: 'any', rules }, data)).toBe(true);
  });
});
