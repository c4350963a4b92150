import { describe, expect, it } from 'vitest';
import { householdModel } from './household-fixture';
import {
  addOption,
  conditionSources,
  createField,
  freshKey,
  relabelOption,
  insertField,
  modelProblems,
  moveItem,
  removeField,
  updateField,
} from './model-ops';

const texts = { label: (kind: string) => `新${kind}`, option: (n: number) => `选项${n}`, column: (n: number) => `列${n}` };

describe('designer model operations', () => {
  it('gives new fields free keys and sensible starting content', () => {
    expect(freshKey('text', ['text1', 'text2'])).toBe('text3');
    expect(createField('choice', [], texts)).toEqual({
      key: 'choice1',
      kind: 'choice',
      label: '新choice',
      options: [
        { value: '选项1', label: '选项1' },
        { value: '选项2', label: '选项2' },
      ],
    });
    expect(createField('group', [], texts).columns).toEqual([{ key: 'text1', kind: 'text', label: '列1' }]);
    expect(createField('file', [], texts).accept).toBe('image');
  });

  it('stores a choice as what its label says, not option1, unless the designer typed a code', () => {
    const start = createField('choice', [], texts).options!;
    const named = relabelOption(relabelOption(start, 0, '因病'), 1, '因学');
    expect(named).toEqual([
      { value: '因病', label: '因病' },
      { value: '因学', label: '因学' },
    ]);
    // A code typed by hand stays when the label changes; a repeated label gets a number.
    expect(relabelOption([{ value: 'ill', label: '因病' }], 0, '因病致贫')).toEqual([{ value: 'ill', label: '因病致贫' }]);
    expect(relabelOption(named, 1, '因病')[1]).toEqual({ value: '因病2', label: '因病' });
    // Forms built before keep working: a legacy optionN follows its label from the next edit on.
    expect(relabelOption([{ value: 'option1', label: '选项1' }], 0, '其他')).toEqual([{ value: '其他', label: '其他' }]);
    expect(addOption(named, '选项3')[2]).toEqual({ value: '选项3', label: '选项3' });
  });

  it('inserts and moves within bounds', () => {
    expect(insertField(['a', 'b'], 'x', 1)).toEqual(['a', 'x', 'b']);
    expect(insertField(['a', 'b'], 'x', 99)).toEqual(['a', 'b', 'x']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('renaming a field keeps the conditions on it; removing drops them', () => {
    const cause = householdModel.fields.find((f) => f.key === 'cause');
    if (!cause) throw new Error('fixture');
    const renamed = updateField(householdModel, 'cause', { ...cause, key: 'reason' });
    expect(renamed.fields.find((f) => f.key === 'causeOther')?.showWhen).toEqual({ field: 'reason', value: 'other' });
    const removed = removeField(householdModel, 'waterSafe');
    expect(removed.fields.find((f) => f.key === 'waterIssue')?.requireWhen).toBeUndefined();
    expect(removed.fields.some((f) => f.key === 'waterSafe')).toBe(false);
  });

  it('offers only unconditional choice and yes/no fields as condition sources', () => {
    expect(conditionSources(householdModel, 'causeOther').map((f) => f.key)).toEqual(['cause', 'helps', 'waterSafe']);
  });

  it('names what keeps a model from being saved', () => {
    expect(modelProblems(householdModel)).toEqual([]);
    expect(modelProblems({ title: '', fields: [] })).toEqual([{ kind: 'noFields' }]);
    const broken = {
      title: 'x',
      fields: [
        { key: '1bad', kind: 'text' as const, label: 'a' },
        { key: 'n', kind: 'number' as const, label: 'n', minimum: 5, maximum: 1 },
        { key: 'n', kind: 'text' as const, label: ' ', pattern: '(' },
        {
          key: 'c',
          kind: 'choice' as const,
          label: 'c',
          options: [
            { value: 'a', label: 'A' },
            { value: 'a', label: 'B' },
          ],
        },
        { key: 'd', kind: 'text' as const, label: 'd', showWhen: { field: 'c', value: 'zzz' } },
        { key: 'g', kind: 'group' as const, label: 'g', columns: [] },
      ],
    };
    expect(modelProblems(broken)).toEqual([
      { kind: 'badKey', key: '1bad' },
      { kind: 'badRange', key: 'n' },
      { kind: 'duplicateKey', key: 'n' },
      { kind: 'noLabel', key: 'n' },
      { kind: 'badPattern', key: 'n' },
      { kind: 'duplicateOption', key: 'c' },
      { kind: 'noColumns', key: 'g' },
      { kind: 'badCondition', key: 'd' },
    ]);
  });
});
