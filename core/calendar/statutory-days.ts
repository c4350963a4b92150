import chineseDays from 'chinese-days';
import { addDays, toDayNumber, type IsoDate } from '../time/calendar-date.ts';

/**
 * China's statutory calendar from the `chinese-days` package: public holidays (法定节假日, with
 * the weekend days inside each holiday span) and make-up working days (调休上班日). The package
 * knows the years the State Council has published (2004 onwards, the latest being the year after
 * its release); for other years only weekends are known (see `statutoryYearKnown`).
 */
export interface StatutoryDay {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  /** Chinese name of the holiday, e.g. 国庆节 (for a make-up day: the holiday it makes up for). */
  name: string;
  nameEn: string;
  /** A holiday day that is paid for by a make-up working day (调休). */
  inLieu: boolean;
}

const cache = new Map<IsoDate, StatutoryDay | null>();

/** The statutory entry of a day, or null for an ordinary weekday or weekend. */
export function statutoryDay(date: IsoDate): StatutoryDay | null {
  const hit = cache.get(date);
  if (hit !== undefined) return hit;
  const [year, month, day] = date.split('-').map(Number);
  toDayNumber(date);
  // A local-midnight Date: the package reads it with local getters, so any host time zone works.
  const local = new Date(year, month - 1, day);
  const detail = chineseDays.getDayDetail(local);
  // Statutory entries are named "English,中文,days"; ordinary days carry the weekday's name.
  const parts = detail.name.split(',');
  const entry: StatutoryDay | null =
    parts.length >= 2
      ? {
          date,
          kind: detail.work ? 'workday' : 'holiday',
          name: parts[1],
          nameEn: parts[0],
          inLieu: !detail.work && chineseDays.isInLieu(local),
        }
      : null;
  // Bounded: requests may ask about any day of two centuries.
  if (cache.size >= 20_000) cache.clear();
  cache.set(date, entry);
  return entry;
}

/** Whether the package has the State Council's arrangement for this year (New Year's Day is always listed). */
export function statutoryYearKnown(year: number): boolean {
  return statutoryDay(`${String(year).padStart(4, '0')}-01-01`) !== null;
}

/** Every statutory entry of a year, in date order. */
export function statutoryDaysOfYear(year: number): StatutoryDay[] {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const days: StatutoryDay[] = [];
  for (let date = first; date.startsWith(first.slice(0, 4)); date = addDays(date, 1)) {
    const entry = statutoryDay(date);
    if (entry) days.push(entry);
  }
  return days;
}
