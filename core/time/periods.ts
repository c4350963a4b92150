import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek.js';
import quarterOfYear from 'dayjs/plugin/quarterOfYear.js';
import utc from 'dayjs/plugin/utc.js';
import { addDays, isIsoDate, type IsoDate, toDayNumber } from './calendar-date.ts';

dayjs.extend(utc);
dayjs.extend(isoWeek);
dayjs.extend(quarterOfYear);

/**
 * Calendar periods of a county's calendar, each named by a key that sorts in time within its unit:
 * ISO weeks `2025-W12` (Monday to Sunday, numbered in the year of their Thursday), months
 * `2025-03`, quarters `2025-Q1`, years `2025`.
 */
export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';

export interface CalendarPeriod {
  unit: PeriodUnit;
  key: string;
  /** The year the key names: for a week its ISO year, which near New Year may differ from its days' year. */
  year: number;
  /** Week 1–53, month 1–12, quarter 1–4; 1 for a year. */
  number: number;
  /** The first and the last day of the period, inclusive. */
  startsOn: IsoDate;
  endsOn: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A valid day as its UTC midnight: a calendar day has no zone, and the host's must never move it. */
function readDay(day: IsoDate): Dayjs {
  toDayNumber(day);
  return dayjs.utc(day);
}
const isoDay = (day: Dayjs): IsoDate => day.format('YYYY-MM-DD');

function period(unit: PeriodUnit, key: string, year: number, number: number, first: Dayjs, last: Dayjs): CalendarPeriod {
  return { unit, key, year, number, startsOn: isoDay(first), endsOn: isoDay(last) };
}

/** The period of `unit` that holds `day` (a valid `YYYY-MM-DD`; anything else throws CalendarDateError). */
export function calendarPeriodOf(unit: PeriodUnit, day: IsoDate): CalendarPeriod {
  const d = readDay(day);
  switch (unit) {
    case 'week': {
      const [year, week, monday] = [d.isoWeekYear(), d.isoWeek(), d.startOf('isoWeek')];
      return period(unit, `${year}-W${pad(week)}`, year, week, monday, monday.add(6, 'day'));
    }
    case 'month':
      return period(unit, `${d.year()}-${pad(d.month() + 1)}`, d.year(), d.month() + 1, d.startOf('month'), d.endOf('month'));
    case 'quarter':
      return period(unit, `${d.year()}-Q${d.quarter()}`, d.year(), d.quarter(), d.startOf('quarter'), d.endOf('quarter'));
    case 'year':
      return period(unit, String(d.year()), d.year(), 1, d.startOf('year'), d.endOf('year'));
  }
}

const KEY_PATTERNS: [PeriodUnit, RegExp, (year: string, n: number) => IsoDate][] = [
  // 4 January always lies in ISO week 1; week n is n − 1 weeks later.
  ['week', /^(\d{4})-W(\d{2})$/, (year, n) => addDays(`${year}-01-04`, (n - 1) * 7)],
  ['month', /^(\d{4})-(\d{2})$/, (year, n) => `${year}-${pad(n)}-01`],
  ['quarter', /^(\d{4})-Q(\d)$/, (year, n) => `${year}-${pad((n - 1) * 3 + 1)}-01`],
  ['year', /^(\d{4})()$/, (year) => `${year}-01-01`],
];

/**
 * The period a key names, or null when it names none: a malformed key, month 13, quarter 5, week 0,
 * week 53 of a 52-week year (`2025-W53`). Compare `unit` to accept only keys of one unit.
 */
export function calendarPeriodOfKey(key: string): CalendarPeriod | null {
  for (const [unit, pattern, dayIn] of KEY_PATTERNS) {
    const match = pattern.exec(key);
    if (!match) continue;
    const [year, n] = [match[1], Number(match[2] || 1)];
    // Years before 100 are no days of calendar-date.ts (Date.UTC reads them as 19xx).
    if (n < 1 || !isIsoDate(`${year}-01-01`)) return null;
    const day = dayIn(year, n);
    if (!isIsoDate(day)) return null;
    const found = calendarPeriodOf(unit, day);
    // Out-of-range numbers land in another period (week 53 of a 52-week year is next year's week 1).
    return found.key === key ? found : null;
  }
  return null;
}

/** The period of the same unit that follows `period`. */
export function nextCalendarPeriod(period: CalendarPeriod): CalendarPeriod {
  return calendarPeriodOf(period.unit, addDays(period.endsOn, 1));
}

/** The period of the same unit that precedes `period`. */
export function previousCalendarPeriod(period: CalendarPeriod): CalendarPeriod {
  return calendarPeriodOf(period.unit, addDays(period.startsOn, -1));
}
