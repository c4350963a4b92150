import { addDays, fromDayNumber, type IsoDate, toDayNumber } from './calendar-date.ts';
import { RRule, type RRuleOptions } from './rrule.ts';
import { endOfDayIn, instantOfWallTime } from './time-zone.ts';

/**
 * Recurrence on a county's calendar: an RFC 5545 RRULE (`FREQ=MONTHLY;BYMONTHDAY=25`) laid out
 * over whole days. The rule is expanded on floating days (each day as its UTC midnight, as
 * calendar-date.ts counts them), so neither the host's zone nor a daylight-saving change moves an
 * occurrence to another day; the county's zone then gives the instants a day starts and ends.
 */

export type RecurrenceFrequency = 'yearly' | 'monthly' | 'weekly' | 'daily' | 'hourly' | 'minutely' | 'secondly';

/** What a rule says about itself, for a caller that decides which rules it takes. */
export interface RecurrenceRuleFacts {
  /** Null when the rule names no FREQ. */
  frequency: RecurrenceFrequency | null;
  /** The rule carries its own DTSTART. */
  hasStart: boolean;
  /** The rule ends by itself (UNTIL or COUNT). */
  hasEnd: boolean;
}

// rrule's Frequency enumeration, in its order (YEARLY = 0 … SECONDLY = 6).
const FREQUENCIES: RecurrenceFrequency[] = ['yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly'];
const NUMBER_PARTS = ['count', 'bysetpos', 'bymonth', 'bymonthday', 'byyearday', 'byweekno', 'byhour', 'byminute', 'bysecond'] as const;

/**
 * Reads a rule, or null when it is not one rrule can expand. rrule's parser keeps what it cannot
 * read as text (`INTERVAL=abc`) or as a hole (`BYDAY=XX`), and expanding such a rule, or one with
 * an interval below 1, loops for ever or throws: those are refused here, before anyone stores them.
 */
export function readRecurrenceRule(text: string): RecurrenceRuleFacts | null {
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(text);
    new RRule(options);
  } catch {
    return null;
  }
  if (options.interval !== undefined && !(Number.isInteger(options.interval) && options.interval >= 1)) return null;
  for (const part of NUMBER_PARTS) {
    const value = options[part];
    if (value !== undefined && value !== null && ![value].flat().every((n) => Number.isInteger(n))) return null;
  }
  if (options.byweekday !== undefined && options.byweekday !== null && [options.byweekday].flat().some((day) => day == null)) return null;
  return {
    frequency: options.freq === undefined ? null : (FREQUENCIES[options.freq] ?? null),
    hasStart: Boolean(options.dtstart),
    hasEnd: Boolean(options.until || options.count),
  };
}

/** A rule laid out on a county's calendar from its first day. */
export interface DayRecurrence {
  /** An RRULE without DTSTART (read it with `readRecurrenceRule` first). */
  rule: string;
  /** The day occurrences are counted from (the rule's DTSTART). */
  firstDay: IsoDate;
  /** The county's zone: its days start and end by this clock. */
  timeZone: string;
}

/** The stretch of days from one occurrence to the day before the next (inclusive), and the instants the county's clock opens and closes it. */
export interface RecurringPeriod {
  startsOn: IsoDate;
  endsOn: IsoDate;
  startsAt: Date;
  endsAt: Date;
}

const floatingDay = (day: IsoDate) => new Date(toDayNumber(day) * 86_400_000);
const dayOfFloating = (date: Date) => fromDayNumber(Math.floor(date.getTime() / 86_400_000));

/**
 * The periods of a recurrence that start on a day in `[from, to]`, oldest first, at most `limit`
 * of them: each runs from its occurrence to the day before the next. A rule that ends by itself
 * gives its last period that one day.
 */
export function recurringPeriodsStartingBetween(recurrence: DayRecurrence, from: IsoDate, to: IsoDate, limit: number): RecurringPeriod[] {
  if (to < from) return [];
  const rule = new RRule({ ...RRule.parseString(recurrence.rule), dtstart: floatingDay(recurrence.firstDay) });
  const starts = rule.between(floatingDay(from), floatingDay(to), true).slice(0, limit);
  return starts.map((start) => {
    const next = rule.after(start, false);
    const startsOn = dayOfFloating(start);
    const endsOn = next ? addDays(dayOfFloating(next), -1) : startsOn;
    return {
      startsOn,
      endsOn,
      startsAt: instantOfWallTime(recurrence.timeZone, startsOn, 0),
      endsAt: endOfDayIn(recurrence.timeZone, endsOn),
    };
  });
}
