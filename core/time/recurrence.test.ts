import { describe, expect, it } from 'vitest';
import { readRecurrenceRule, recurringPeriodsStartingBetween, type DayRecurrence } from './recurrence.ts';

const laidOut = (recurrence: DayRecurrence, from: string, to: string, limit = 400) =>
  recurringPeriodsStartingBetween(recurrence, from, to, limit).map((p) => [
    p.startsOn,
    p.endsOn,
    p.startsAt.toISOString(),
    p.endsAt.toISOString(),
  ]);

describe('recurrence on a county’s calendar', () => {
  it('lays a monthly rule out in Asia/Shanghai: each period runs to the day before the next, opened and closed by the county’s clock', () => {
    const recurrence = { rule: 'FREQ=MONTHLY;BYMONTHDAY=25', firstDay: '2026-11-20', timeZone: 'Asia/Shanghai' };
    expect(laidOut(recurrence, '2026-11-20', '2027-01-31')).toEqual([
      ['2026-11-25', '2026-12-24', '2026-11-24T16:00:00.000Z', '2026-12-24T15:59:59.999Z'],
      ['2026-12-25', '2027-01-24', '2026-12-24T16:00:00.000Z', '2027-01-24T15:59:59.999Z'],
      ['2027-01-25', '2027-02-24', '2027-01-24T16:00:00.000Z', '2027-02-24T15:59:59.999Z'],
    ]);
    // Before its first occurrence a rule has no period yet; an empty range has none either.
    expect(laidOut(recurrence, '2026-11-20', '2026-11-24')).toEqual([]);
    expect(laidOut(recurrence, '2027-01-01', '2026-12-01')).toEqual([]);
  });

  it('gives a county in Asia/Urumqi the same days, opened and closed two hours later', () => {
    const recurrence = { rule: 'FREQ=WEEKLY;BYDAY=MO', firstDay: '2026-12-28', timeZone: 'Asia/Urumqi' };
    expect(laidOut(recurrence, '2026-12-28', '2027-01-11')).toEqual([
      ['2026-12-28', '2027-01-03', '2026-12-27T18:00:00.000Z', '2027-01-03T17:59:59.999Z'],
      ['2027-01-04', '2027-01-10', '2027-01-03T18:00:00.000Z', '2027-01-10T17:59:59.999Z'],
      ['2027-01-11', '2027-01-17', '2027-01-10T18:00:00.000Z', '2027-01-17T17:59:59.999Z'],
    ]);
  });

  it('keeps its days across a daylight-saving change; only the instants move with the clock', () => {
    // New York springs forward on Sunday 2025-03-09: the week before is 5 hours behind UTC, the one after 4.
    const recurrence = { rule: 'FREQ=WEEKLY;BYDAY=MO', firstDay: '2025-03-03', timeZone: 'America/New_York' };
    expect(laidOut(recurrence, '2025-03-03', '2025-03-10')).toEqual([
      ['2025-03-03', '2025-03-09', '2025-03-03T05:00:00.000Z', '2025-03-10T03:59:59.999Z'],
      ['2025-03-10', '2025-03-16', '2025-03-10T04:00:00.000Z', '2025-03-17T03:59:59.999Z'],
    ]);
  });

  it('counts a rule from its first day and returns at most the limit, oldest first', () => {
    const daily = { rule: 'FREQ=DAILY;INTERVAL=2', firstDay: '2025-01-01', timeZone: 'Asia/Shanghai' };
    expect(laidOut(daily, '2025-01-02', '2025-01-09').map(([startsOn, endsOn]) => [startsOn, endsOn])).toEqual([
      ['2025-01-03', '2025-01-04'],
      ['2025-01-05', '2025-01-06'],
      ['2025-01-07', '2025-01-08'],
      ['2025-01-09', '2025-01-10'],
    ]);
    expect(laidOut(daily, '2025-01-01', '2026-12-31', 3).map(([startsOn]) => startsOn)).toEqual(['2025-01-01', '2025-01-03', '2025-01-05']);
  });

  it('a rule that ends by itself gives its last period that one day', () => {
    const counted = { rule: 'FREQ=WEEKLY;COUNT=2', firstDay: '2025-01-06', timeZone: 'Asia/Shanghai' };
    expect(laidOut(counted, '2025-01-01', '2025-12-31').map(([startsOn, endsOn]) => [startsOn, endsOn])).toEqual([
      ['2025-01-06', '2025-01-12'],
      ['2025-01-13', '2025-01-13'],
    ]);
  });

  it('reads what a rule says about itself', () => {
    expect(readRecurrenceRule('FREQ=MONTHLY;BYMONTHDAY=25')).toEqual({ frequency: 'monthly', hasStart: false, hasEnd: false });
    expect(readRecurrenceRule('RRULE:FREQ=WEEKLY;BYDAY=MO,FR')).toEqual({ frequency: 'weekly', hasStart: false, hasEnd: false });
    expect(readRecurrenceRule('FREQ=HOURLY')).toEqual({ frequency: 'hourly', hasStart: false, hasEnd: false });
    expect(readRecurrenceRule('BYDAY=MO')).toEqual({ frequency: null, hasStart: false, hasEnd: false });
    expect(readRecurrenceRule('FREQ=DAILY;COUNT=3')).toMatchObject({ hasEnd: true });
    expect(readRecurrenceRule('FREQ=DAILY;UNTIL=20270101')).toMatchObject({ hasEnd: true });
    expect(readRecurrenceRule('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toMatchObject({ frequency: 'daily', hasStart: true });
  });

  it('refuses what it cannot read, and what rrule would expand for ever or fail on', () => {
    for (const rule of [
      'hello',
      'FREQ=DAILY;FOO=1',
      'FREQ=DAILY;INTERVAL=abc',
      'FREQ=DAILY;INTERVAL=-1',
      'FREQ=DAILY;INTERVAL=0',
      'FREQ=MONTHLY;BYMONTHDAY=abc',
      'FREQ=MONTHLY;BYSETPOS=abc',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=WEEKLY;BYDAY=MO,XX',
      'FREQ=DAILY;UNTIL=someday',
    ])
      expect(readRecurrenceRule(rule), rule).toBeNull();
  });
});
