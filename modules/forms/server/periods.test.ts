import { describe, expect, it } from 'vitest';
import { calendarDueDate, periodFromKey, periodOf } from './periods.ts';

describe('collection periods', () => {
  it('months run from the first to the last day, leap years included', () => {
    expect(periodOf('monthly', '2024-02-15')).toEqual({ key: '2024-02', startsOn: '2024-02-01', endsOn: '2024-02-29' });
    expect(periodOf('monthly', '2025-12-31')).toEqual({ key: '2025-12', startsOn: '2025-12-01', endsOn: '2025-12-31' });
  });

  it('quarters are three months', () => {
    expect(periodOf('quarterly', '2025-05-20')).toEqual({ key: '2025-Q2', startsOn: '2025-04-01', endsOn: '2025-06-30' });
    expect(periodOf('quarterly', '2025-01-01').key).toBe('2025-Q1');
  });

  it('weeks are ISO weeks, Monday to Sunday, numbered in the year of their Thursday', () => {
    expect(periodOf('weekly', '2025-03-19')).toEqual({ key: '2025-W12', startsOn: '2025-03-17', endsOn: '2025-03-23' });
    // 2024-12-30 is a Monday whose Thursday is in 2025: week 1 of 2025.
    expect(periodOf('weekly', '2024-12-31').key).toBe('2025-W01');
    // 2021-01-03 is a Sunday in the last week of 2020, which had 53 weeks.
    expect(periodOf('weekly', '2021-01-03').key).toBe('2020-W53');
  });

  it('a key names the same period back, and a key that does not fit is null', () => {
    for (const [frequency, date] of [
      ['weekly', '2026-07-09'],
      ['monthly', '2026-07-09'],
      ['quarterly', '2026-07-09'],
    ] as const) {
      const period = periodOf(frequency, date);
      expect(periodFromKey(frequency, period.key)).toEqual(period);
    }
    expect(periodFromKey('weekly', '2020-W53')?.startsOn).toBe('2020-12-28');
    expect(periodFromKey('weekly', '2025-W53')).toBeNull();
    expect(periodFromKey('weekly', '2025-W00')).toBeNull();
    expect(periodFromKey('monthly', '2025-Q1')).toBeNull();
    expect(periodFromKey('quarterly', '2025-03')).toBeNull();
  });

  it('the due date counts calendar days after the last day of the period', () => {
    expect(calendarDueDate(periodOf('monthly', '2025-03-01'), 0)).toBe('2025-03-31');
    expect(calendarDueDate(periodOf('monthly', '2025-03-01'), 5)).toBe('2025-04-05');
  });
});
