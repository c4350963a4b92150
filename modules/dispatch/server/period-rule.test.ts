import { describe, expect, it } from 'vitest';
import { PRESET_RULES } from './cadence.ts';
import { cadenceStart, isoWeekKey, periodLabel, periodsStartingBetween, type TaskCadence } from './period-rule.ts';

const cadence = (
  kind: TaskCadence['kind'],
  createdOn: string,
  rule = kind === 'rrule' ? '' : PRESET_RULES[kind],
  lastStart = '2027-12-31',
  dueDays = 5,
): TaskCadence => ({ kind, rule, createdOn, lastStart, dueDays, timeZone: 'Asia/Shanghai' });

describe('report periods of a cadence', () => {
  it('a quarterly task created mid-quarter starts with the quarter it was created in', () => {
    const q = cadence('quarterly', '2026-11-24');
    expect(cadenceStart(q)).toBe('2026-10-01');
    expect(
      periodsStartingBetween(q, cadenceStart(q), '2027-04-02').map((p) => [p.key, p.startsOn, p.endsOn, p.dueAt.toISOString()]),
    ).toEqual([
      ['2026-Q4', '2026-10-01', '2026-12-31', '2027-01-05T15:59:59.999Z'],
      ['2027-Q1', '2027-01-01', '2027-03-31', '2027-04-05T15:59:59.999Z'],
      ['2027-Q2', '2027-04-01', '2027-06-30', '2027-07-05T15:59:59.999Z'],
    ]);
  });

  it('weekly periods are ISO weeks, Monday to Sunday, across the turn of the year', () => {
    const w = cadence('weekly', '2026-12-30', PRESET_RULES.weekly, '2027-12-31', 0);
    expect(periodsStartingBetween(w, cadenceStart(w), '2027-01-11').map((p) => [p.key, p.startsOn, p.endsOn])).toEqual([
      ['2026-W53', '2026-12-28', '2027-01-03'],
      ['2027-W01', '2027-01-04', '2027-01-10'],
      ['2027-W02', '2027-01-11', '2027-01-17'],
    ]);
    expect(isoWeekKey('2026-11-24')).toBe('2026-W48');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
  });

  it('monthly periods run from the 1st to the month’s last day', () => {
    const m = cadence('monthly', '2027-01-31');
    expect(periodsStartingBetween(m, cadenceStart(m), '2027-03-01').map((p) => [p.key, p.endsOn])).toEqual([
      ['2027-01', '2027-01-31'],
      ['2027-02', '2027-02-28'],
      ['2027-03', '2027-03-31'],
    ]);
  });

  it('a custom RRULE counts from the creation day; its periods are keyed by their first day', () => {
    const r = cadence('rrule', '2026-11-20', 'FREQ=MONTHLY;BYMONTHDAY=25', '2027-02-01', 3);
    expect(
      periodsStartingBetween(r, cadenceStart(r), '2027-12-31').map((p) => [p.key, p.startsOn, p.endsOn, p.dueAt.toISOString()]),
    ).toEqual([
      ['2026-11-25', '2026-11-25', '2026-12-24', '2026-12-27T15:59:59.999Z'],
      ['2026-12-25', '2026-12-25', '2027-01-24', '2027-01-27T15:59:59.999Z'],
      ['2027-01-25', '2027-01-25', '2027-02-24', '2027-02-27T15:59:59.999Z'],
    ]);
    // Before its first occurrence a custom cadence has no period yet.
    expect(periodsStartingBetween(r, cadenceStart(r), '2026-11-24')).toEqual([]);
  });

  it('no period starts after the cadence’s last start day', () => {
    const q = cadence('quarterly', '2026-11-24', PRESET_RULES.quarterly, '2026-12-31');
    expect(periodsStartingBetween(q, '2026-10-01', '2027-12-31').map((p) => p.key)).toEqual(['2026-Q4']);
  });

  it('labels read as people write them', () => {
    expect(['2026-W48', '2026-11', '2026-Q4', '2026-11-25'].map(periodLabel)).toEqual([
      '2026年第48周',
      '2026年11月',
      '2026年第4季度',
      '2026-11-25期',
    ]);
  });
});
