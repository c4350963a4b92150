import { describe, expect, it } from 'vitest';
import { countyDateTime, endOfDayIn, isTimeZone, todayIn, wallClockIn } from './time-zone.ts';

describe('county clocks: every time read in the county’s own zone', () => {
  it('a 07:29 Beijing submission reads 07:29 on its own day, not the UTC day before', () => {
    expect(countyDateTime('2025-03-04T23:29:00Z', 'Asia/Shanghai')).toBe('2025-03-05 07:29');
    expect(todayIn('Asia/Shanghai', new Date('2025-03-04T23:29:00Z'))).toBe('2025-03-05');
  });
  it('a county on Xinjiang time reads two hours behind Beijing', () => {
    expect(countyDateTime('2025-03-04T23:29:00Z', 'Asia/Urumqi')).toBe('2025-03-05 05:29');
    expect(wallClockIn('Asia/Urumqi', new Date('2025-03-04T23:29:00Z'))).toEqual({ date: '2025-03-05', hour: 5 });
  });
  it('a deadline given as a day ends at that day’s midnight of the county’s clock', () => {
    expect(endOfDayIn('Asia/Shanghai', '2026-12-18').toISOString()).toBe('2026-12-18T15:59:59.999Z');
    expect(endOfDayIn('Asia/Urumqi', '2026-12-18').toISOString()).toBe('2026-12-18T17:59:59.999Z');
    // Across a daylight-saving change (Berlin, 2026-03-29 02:00 → 03:00).
    expect(endOfDayIn('Europe/Berlin', '2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
  });
  it('only zones the host knows are zones; an unknown one falls back to Beijing time', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Asia/Shanghai; drop table')).toBe(false);
    expect(countyDateTime('2025-03-04T23:29:00Z', 'Mars/Olympus')).toBe('2025-03-05 07:29');
  });
});
