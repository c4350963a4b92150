import { describe, expect, it } from 'vitest';
import { Calendar, CalendarRangeError, type CalendarOverride } from './calendar.ts';
import { CalendarDateError, weekdayOf } from '../time/calendar-date.ts';
import { todayIn } from '../time/time-zone.ts';
import { statutoryDay, statutoryYearKnown } from './statutory-days.ts';

const calendar = (from: string, to: string, overrides: CalendarOverride[] = []) => new Calendar({ from, to }, overrides);

describe('working-day calendar: National Day 2025 (1–8 October off, Sunday 28 September and Saturday 11 October worked)', () => {
  const cal = calendar('2025-09-01', '2025-12-31');

  it('knows the make-up Sunday and the holiday week', () => {
    expect(weekdayOf('2025-09-26')).toBe(5);
    expect(weekdayOf('2025-09-28')).toBe(0);
    expect(cal.isWorkingDay('2025-09-27')).toBe(false);
    expect(cal.day('2025-09-28')).toEqual({ date: '2025-09-28', weekday: 0, working: true, source: 'statutory', name: '国庆节' });
    for (const day of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08']) expect(cal.isWorkingDay(day)).toBe(false);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(cal.day('2025-10-13')).toMatchObject({ working: true, source: 'weekly', name: '' });
  });

  it('3 working days from Friday 26 September counts the make-up Sunday: Tuesday 30 September', () => {
    expect(cal.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
  });

  it('a 4th working day lands after the holiday, on Thursday 9 October', () => {
    expect(cal.addWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-09')).toBe(4);
  });

  it('counts backwards with negative n, skipping the holiday and the ordinary Saturday', () => {
    expect(cal.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-10-09', -3)).toBe('2025-09-28');
    expect(cal.addWorkingDays('2025-10-09', -4)).toBe('2025-09-26');
    expect(cal.workingDaysBetween('2025-10-09', '2025-09-26')).toBe(-4);
  });

  it('n = 0 is the day itself when it is worked, else the next working day', () => {
    expect(cal.addWorkingDays('2025-09-26', 0)).toBe('2025-09-26');
    expect(cal.addWorkingDays('2025-09-28', 0)).toBe('2025-09-28');
    expect(cal.addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-11-01', 0)).toBe('2025-11-03');
  });

  it('workingDaysBetween counts the end and not the start, and inverts addWorkingDays', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-09-26')).toBe(0);
    expect(cal.workingDaysBetween('2025-09-26', '2025-09-27')).toBe(0);
    expect(cal.workingDaysBetween('2025-09-26', '2025-09-29')).toBe(2);
    for (const n of [-12, -5, -1, 1, 2, 7, 20]) {
      const deadline = cal.addWorkingDays('2025-10-20', n);
      expect(cal.workingDaysBetween('2025-10-20', deadline)).toBe(n);
    }
  });
});

describe('working-day calendar: Spring Festival 2026 (15–23 February off, Saturdays 14 and 28 February worked)', () => {
  const cal = calendar('2026-01-01', '2026-03-31');

  it('the make-up Saturday before the break is the next working day after Friday 13 February', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.day('2026-02-14')).toMatchObject({ working: true, source: 'statutory', name: '春节' });
  });

  it('the next working day after the make-up Saturday is Tuesday 24 February', () => {
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
  });

  it('counts the working days of the month around the break', () => {
    // 14 (Sat), 24, 25, 26, 27 and 28 (Sat).
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    expect(cal.addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
  });
});

describe('working-day calendar: the tenant’s overrides come first', () => {
  const overrides: CalendarOverride[] = [
    { date: '2025-11-12', kind: 'holiday', name: '县庆' },
    { date: '2025-11-15', kind: 'workday', name: '防汛值守' },
    { date: '2025-10-08', kind: 'workday', name: '补报材料' },
  ];
  const cal = calendar('2025-09-01', '2025-12-31', overrides);

  it('a weekday made a local holiday is skipped', () => {
    expect(cal.day('2025-11-12')).toEqual({ date: '2025-11-12', weekday: 3, working: false, source: 'tenant', name: '县庆' });
    expect(cal.addWorkingDays('2025-11-11', 1)).toBe('2025-11-13');
    expect(calendar('2025-09-01', '2025-12-31').addWorkingDays('2025-11-11', 1)).toBe('2025-11-12');
  });

  it('a Saturday made a working day is counted', () => {
    expect(cal.addWorkingDays('2025-11-14', 1)).toBe('2025-11-15');
  });

  it('a statutory holiday made a working day is counted', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-08');
  });
});

describe('working-day calendar: limits', () => {
  const cal = calendar('2025-09-01', '2025-10-31');

  it('refuses days outside the loaded range instead of ignoring the tenant there', () => {
    expect(() => cal.isWorkingDay('2025-08-31')).toThrow(CalendarRangeError);
    expect(() => cal.addWorkingDays('2025-10-30', 5)).toThrow(CalendarRangeError);
    expect(() => cal.workingDaysBetween('2025-09-01', '2025-11-01')).toThrow(CalendarRangeError);
  });

  it('refuses impossible dates and fractional counts', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(CalendarDateError);
    expect(() => cal.isWorkingDay('2025-9-1')).toThrow(CalendarDateError);
    expect(() => cal.addWorkingDays('2025-09-01', 1.5)).toThrow(RangeError);
  });

  it('in a year without a published arrangement only weekends are days off', () => {
    expect(statutoryYearKnown(2026)).toBe(true);
    expect(statutoryYearKnown(2099)).toBe(false);
    const future = calendar('2099-01-01', '2099-01-31');
    expect(future.isWorkingDay('2099-01-01')).toBe(true);
    expect(future.day('2099-01-03')).toMatchObject({ working: false, source: 'weekly' });
  });

  it('reads the statutory calendar the same whatever the host time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(statutoryDay('2024-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
      expect(statutoryDay('2024-09-29')).toMatchObject({ kind: 'workday' });
      expect(statutoryDay('2024-09-30')).toBeNull();
    } finally {
      process.env.TZ = saved;
    }
  });

  it('today is the Asia/Shanghai date', () => {
    expect(todayIn('Asia/Shanghai', new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(todayIn('Asia/Shanghai', new Date('2025-12-31T15:59:00Z'))).toBe('2025-12-31');
  });
});
