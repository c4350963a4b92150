/**
 * Calendar days as `YYYY-MM-DD` strings: a day of a county's calendar (core/time/time-zone.ts reads it off the county's clock), with no time and
 * no time zone. Arithmetic runs on whole UTC days, so the host's time zone never shifts a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export class CalendarDateError extends Error {
  constructor(readonly value: string) {
    super(`"${value}" is not a calendar date (YYYY-MM-DD)`);
    this.name = 'CalendarDateError';
  }
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`; throws `CalendarDateError` otherwise (e.g. 2025-02-30). */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new CalendarDateError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new CalendarDateError(date);
  return time / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}
