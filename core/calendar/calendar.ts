import { fromDayNumber, toDayNumber, weekdayOf, type IsoDate } from '../time/calendar-date.ts';
import { statutoryDay } from './statutory-days.ts';

/** A tenant's own decision about one day: a local holiday, or an extra working day. */
export interface CalendarOverride {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  name: string;
}

/** How one day counts, and which rule decided it. */
export type CalendarDay = {
  date: IsoDate;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  working: boolean;
  /** `tenant` an override of the tenant; `statutory` China's holidays and make-up days; `weekly` Monday–Friday. */
  source: 'tenant' | 'statutory' | 'weekly';
  /** Holiday name (e.g. 国庆节) or the override's name; empty for ordinary days. */
  name: string;
};

/** The calendar was asked about a day outside the range it was loaded for. */
export class CalendarRangeError extends Error {
  constructor(
    readonly date: IsoDate,
    readonly range: { from: IsoDate; to: IsoDate },
  ) {
    super(`${date} is outside the loaded calendar range ${range.from}..${range.to}`);
    this.name = 'CalendarRangeError';
  }
}

/**
 * A tenant's working-day calendar for a range of days, answering synchronously: the tenant's
 * overrides first, then China's statutory holidays and make-up working days, then Monday–Friday.
 * Built by `loadTenantCalendar` (one query for the range); asking about a day outside the range
 * throws `CalendarRangeError` rather than silently ignoring the tenant's overrides there.
 */
export class Calendar {
  private readonly overrides = new Map<IsoDate, CalendarOverride>();
  private readonly first: number;
  private readonly last: number;

  constructor(
    readonly range: { from: IsoDate; to: IsoDate },
    overrides: Iterable<CalendarOverride>,
  ) {
    this.first = toDayNumber(range.from);
    this.last = toDayNumber(range.to);
    if (this.last < this.first) throw new RangeError(`Calendar range ends (${range.to}) before it starts (${range.from})`);
    for (const override of overrides) this.overrides.set(override.date, override);
  }

  covers(date: IsoDate): boolean {
    const n = toDayNumber(date);
    return n >= this.first && n <= this.last;
  }

  day(date: IsoDate): CalendarDay {
    this.requireCovered(date);
    const weekday = weekdayOf(date);
    const override = this.overrides.get(date);
    if (override) return { date, weekday, working: override.kind === 'workday', source: 'tenant', name: override.name };
    const statutory = statutoryDay(date);
    if (statutory) return { date, weekday, working: statutory.kind === 'workday', source: 'statutory', name: statutory.name };
    return { date, weekday, working: weekday >= 1 && weekday <= 5, source: 'weekly', name: '' };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  /**
   * The deadline `n` working days from `date`. The start day itself is never counted:
   * - n > 0: the n-th working day after `date` (Friday + 1 is the next Monday, if it is a working day);
   * - n < 0: the |n|-th working day before `date`;
   * - n = 0: `date` when it is a working day, else the next working day.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
    this.requireCovered(date);
    let current = toDayNumber(date);
    if (n === 0) {
      while (!this.isWorkingDay(fromDayNumber(current))) current += 1;
      return fromDayNumber(current);
    }
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    while (remaining > 0) {
      current += step;
      if (this.isWorkingDay(fromDayNumber(current))) remaining -= 1;
    }
    return fromDayNumber(current);
  }

  /**
   * Working days from `from` to `to`, counting `to` and not `from` (the days one steps onto):
   * the working days in (from, to] when `to` is later, minus those in [to, from) when earlier, 0 on
   * the same day. So `addWorkingDays(from, workingDaysBetween(from, to)) === to` for a working day
   * `to`, and `workingDaysBetween(deadline, today)` is how many working days a task is overdue.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    this.requireCovered(from);
    this.requireCovered(to);
    const start = toDayNumber(from);
    const end = toDayNumber(to);
    let count = 0;
    if (end >= start) {
      for (let d = start + 1; d <= end; d += 1) if (this.isWorkingDay(fromDayNumber(d))) count += 1;
      return count;
    }
    for (let d = end; d < start; d += 1) if (this.isWorkingDay(fromDayNumber(d))) count -= 1;
    return count;
  }

  /** Every day from `from` to `to`, both included, in date order. */
  days(from: IsoDate, to: IsoDate): CalendarDay[] {
    this.requireCovered(from);
    this.requireCovered(to);
    const result: CalendarDay[] = [];
    for (let d = toDayNumber(from); d <= toDayNumber(to); d += 1) result.push(this.day(fromDayNumber(d)));
    return result;
  }

  private requireCovered(date: IsoDate): void {
    if (!this.covers(date)) throw new CalendarRangeError(date, this.range);
  }
}
