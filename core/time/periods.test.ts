import { describe, expect, it } from 'vitest';
import { calendarPeriodOf, calendarPeriodOfKey, nextCalendarPeriod, previousCalendarPeriod, type PeriodUnit } from './periods.ts';

const span = (unit: PeriodUnit, day: string) => {
  const { key, startsOn, endsOn } = calendarPeriodOf(unit, day);
  return [key, startsOn, endsOn];
};

describe('calendar periods', () => {
  it('ISO weeks run Monday to Sunday and belong to the year of their Thursday', () => {
    expect(calendarPeriodOf('week', '2025-03-19')).toEqual({
      unit: 'week',
      key: '2025-W12',
      year: 2025,
      number: 12,
      startsOn: '2025-03-17',
      endsOn: '2025-03-23',
    });
    // 2020 began on a Wednesday: it has 53 weeks, the last reaching into 2021.
    expect(span('week', '2020-12-31')).toEqual(['2020-W53', '2020-12-28', '2021-01-03']);
    expect(span('week', '2021-01-03')).toEqual(['2020-W53', '2020-12-28', '2021-01-03']);
    expect(span('week', '2021-01-04')).toEqual(['2021-W01', '2021-01-04', '2021-01-10']);
    // 2024-12-30 is a Monday whose Thursday is in 2025: week 1 of 2025.
    expect(span('week', '2024-12-30')).toEqual(['2025-W01', '2024-12-30', '2025-01-05']);
    expect(calendarPeriodOf('week', '2024-12-31')).toMatchObject({ key: '2025-W01', year: 2025, number: 1 });
    expect(span('week', '2024-12-29')).toEqual(['2024-W52', '2024-12-23', '2024-12-29']);
    // 1 January on a Friday (2027): that day still belongs to the last week of the year before.
    expect(span('week', '2027-01-01')).toEqual(['2026-W53', '2026-12-28', '2027-01-03']);
    expect(span('week', '2026-11-24')).toEqual(['2026-W48', '2026-11-23', '2026-11-29']);
  });

  it('months and quarters end on their last day, leap years included', () => {
    expect(span('month', '2024-02-15')).toEqual(['2024-02', '2024-02-01', '2024-02-29']);
    expect(span('month', '2025-02-28')).toEqual(['2025-02', '2025-02-01', '2025-02-28']);
    expect(span('month', '2000-02-01')).toEqual(['2000-02', '2000-02-01', '2000-02-29']);
    expect(span('month', '2100-02-01')).toEqual(['2100-02', '2100-02-01', '2100-02-28']);
    expect(span('month', '2025-12-31')).toEqual(['2025-12', '2025-12-01', '2025-12-31']);
    expect(span('quarter', '2024-01-01')).toEqual(['2024-Q1', '2024-01-01', '2024-03-31']);
    expect(span('quarter', '2025-05-20')).toEqual(['2025-Q2', '2025-04-01', '2025-06-30']);
    expect(span('quarter', '2025-09-30')).toEqual(['2025-Q3', '2025-07-01', '2025-09-30']);
    expect(calendarPeriodOf('quarter', '2025-12-31')).toMatchObject({
      key: '2025-Q4',
      number: 4,
      startsOn: '2025-10-01',
      endsOn: '2025-12-31',
    });
    expect(span('year', '2024-07-09')).toEqual(['2024', '2024-01-01', '2024-12-31']);
  });

  it('a day that is no calendar day throws rather than naming a period', () => {
    expect(() => calendarPeriodOf('month', '2025-02-30')).toThrow('is not a calendar date');
    expect(() => calendarPeriodOf('week', 'yesterday')).toThrow('is not a calendar date');
  });

  it('a key names its period back; a key that names none is null', () => {
    const units: PeriodUnit[] = ['week', 'month', 'quarter', 'year'];
    for (const day of ['2020-12-31', '2021-01-03', '2024-02-29', '2024-12-30', '2026-07-09', '2027-01-01'])
      for (const unit of units) {
        const period = calendarPeriodOf(unit, day);
        expect(calendarPeriodOfKey(period.key)).toEqual(period);
      }
    expect(calendarPeriodOfKey('2020-W53')).toMatchObject({ unit: 'week', startsOn: '2020-12-28', endsOn: '2021-01-03' });
    expect(calendarPeriodOfKey('2026-W53')).toMatchObject({ startsOn: '2026-12-28' });
    for (const key of [
      '2025-W53',
      '2025-W00',
      '2025-W54',
      '2025-W1',
      '2025-13',
      '2025-00',
      '2025-Q0',
      '2025-Q5',
      '25-03',
      '2025-3',
      'once',
      '',
      '0050-03',
    ])
      expect(calendarPeriodOfKey(key), key).toBeNull();
  });

  it('the next and previous periods follow without a gap, across the turn of the year', () => {
    const week53 = calendarPeriodOf('week', '2020-12-31');
    expect(nextCalendarPeriod(week53)).toMatchObject({ key: '2021-W01', startsOn: '2021-01-04' });
    expect(previousCalendarPeriod(nextCalendarPeriod(week53))).toEqual(week53);
    expect(previousCalendarPeriod(calendarPeriodOf('week', '2025-01-01'))).toMatchObject({ key: '2024-W52', endsOn: '2024-12-29' });
    expect(nextCalendarPeriod(calendarPeriodOf('month', '2024-01-31'))).toMatchObject({ key: '2024-02', endsOn: '2024-02-29' });
    expect(previousCalendarPeriod(calendarPeriodOf('quarter', '2025-02-01'))).toMatchObject({ key: '2024-Q4', startsOn: '2024-10-01' });
    expect(nextCalendarPeriod(calendarPeriodOf('year', '2024-05-05')).key).toBe('2025');
  });

  it('the host’s time zone never moves a day, across its daylight-saving changes', () => {
    const hostZone = process.env.TZ;
    try {
      for (const zone of ['America/New_York', 'Pacific/Auckland', 'Asia/Shanghai']) {
        process.env.TZ = zone;
        expect(span('week', '2025-03-09'), zone).toEqual(['2025-W10', '2025-03-03', '2025-03-09']);
        expect(span('week', '2025-11-02'), zone).toEqual(['2025-W44', '2025-10-27', '2025-11-02']);
        expect(span('month', '2025-04-06'), zone).toEqual(['2025-04', '2025-04-01', '2025-04-30']);
        expect(calendarPeriodOfKey('2025-W10')?.startsOn, zone).toBe('2025-03-03');
      }
    } finally {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    }
  });
});
