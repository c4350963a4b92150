import { addDays, fromDayNumber, type IsoDate, toDayNumber, weekdayOf } from '../../../core/module-kit.ts';

export type Frequency = 'once' | 'weekly' | 'monthly' | 'quarterly';

/** One reporting period of a collection: its key and the days it spans (inclusive). */
export interface Period {
  key: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month, 0) / 86_400_000);
}

/** Monday of ISO week 1 of `year` (the week holding 4 January). */
function isoWeekOneMonday(year: number): IsoDate {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, -((weekdayOf(jan4) + 6) % 7));
}

/**
 * The period of `frequency` that holds `date`: ISO weeks (`2025-W12`, Monday to Sunday),
 * months (`2025-03`), quarters (`2025-Q1`). A one-time collection has no calendar periods.
 */
export function periodOf(frequency: Exclude<Frequency, 'once'>, date: IsoDate): Period {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (frequency === 'monthly')
    return { key: `${year}-${pad(month)}`, startsOn: `${year}-${pad(month)}-01`, endsOn: lastDayOfMonth(year, month) };
  if (frequency === 'quarterly') {
    const quarter = Math.ceil(month / 3);
    const first = (quarter - 1) * 3 + 1;
    return { key: `${year}-Q${quarter}`, startsOn: `${year}-${pad(first)}-01`, endsOn: lastDayOfMonth(year, first + 2) };
  }
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  // The ISO year of a week is the year of its Thursday.
  const isoYear = Number(addDays(monday, 3).slice(0, 4));
  const week = Math.floor((toDayNumber(monday) - toDayNumber(isoWeekOneMonday(isoYear))) / 7) + 1;
  return { key: `${isoYear}-W${pad(week)}`, startsOn: monday, endsOn: addDays(monday, 6) };
}

/** The period a key names, or null when the key does not fit the frequency (e.g. `2025-W53`, a 52-week year). */
export function periodFromKey(frequency: Exclude<Frequency, 'once'>, key: string): Period | null {
  let match: RegExpExecArray | null;
  if (frequency === 'monthly' && (match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key))) return periodOf('monthly', `${match[1]}-${match[2]}-01`);
  if (frequency === 'quarterly' && (match = /^(\d{4})-Q([1-4])$/.exec(key)))
    return periodOf('quarterly', `${match[1]}-${pad((Number(match[2]) - 1) * 3 + 1)}-01`);
  if (frequency === 'weekly' && (match = /^(\d{4})-W(\d{2})$/.exec(key))) {
    const week = Number(match[2]);
    if (week < 1) return null;
    const period = periodOf('weekly', addDays(isoWeekOneMonday(Number(match[1])), (week - 1) * 7));
    return period.key === key ? period : null;
  }
  return null;
}

/** Due date in calendar days: `offset` days after the period's last day (0: the last day itself). */
export function calendarDueDate(period: Period, offset: number): IsoDate {
  return addDays(period.endsOn, offset);
}
