import type { Knex } from 'knex';
import { addDays, toDayNumber, type IsoDate } from '../time/calendar-date.ts';
import { Calendar, CalendarRangeError, type CalendarOverride } from './calendar.ts';

/** Longest range one calendar may load: bounds the query and every walk over it. */
export const CALENDAR_MAX_SPAN_DAYS = 366 * 20;

interface CalendarDayRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/**
 * The working-day calendar of the transaction's tenant for the days `from`..`to` (inclusive):
 * the tenant's overrides of that range are read in one query (RLS scopes them to the tenant);
 * the Calendar then answers synchronously. Load the widest range a piece of work needs.
 */
export async function loadTenantCalendar(trx: Knex.Transaction, from: IsoDate, to: IsoDate): Promise<Calendar> {
  const span = toDayNumber(to) - toDayNumber(from);
  if (span < 0) throw new RangeError(`Calendar range ends (${to}) before it starts (${from})`);
  if (span > CALENDAR_MAX_SPAN_DAYS) throw new RangeError(`Calendar range ${from}..${to} is longer than ${CALENDAR_MAX_SPAN_DAYS} days`);
  const rows: CalendarDayRow[] = await trx('core_calendar_day').whereBetween('day', [from, to]).select('day', 'kind', 'name');
  return new Calendar({ from, to }, rows.map(toOverride));
}

/**
 * A range sure to hold a walk of `n` working days from `date` in an ordinary year: five working
 * days a week, plus the longest statutory break (Spring Festival, 9 days) and slack for local
 * holidays. A tenant with unusually many holidays may need more: see `addTenantWorkingDays`.
 */
export function rangeForWorkingDays(date: IsoDate, n: number, slackDays = 45): { from: IsoDate; to: IsoDate } {
  const reach = Math.ceil((Math.abs(n) * 7) / 5) + slackDays;
  return n >= 0 ? { from: date, to: addDays(date, reach) } : { from: addDays(date, -reach), to: date };
}

/**
 * `Calendar.addWorkingDays` for the transaction's tenant when only one deadline is needed:
 * loads a range that fits, widening it when the tenant's holidays push the deadline further.
 * Throws `CalendarRangeError` when no deadline exists within `CALENDAR_MAX_SPAN_DAYS`.
 */
export async function addTenantWorkingDays(
  trx: Knex.Transaction,
  date: IsoDate,
  n: number,
): Promise<{ date: IsoDate; calendar: Calendar }> {
  for (let slack = 45; ; slack *= 4) {
    const wanted = rangeForWorkingDays(date, n, slack);
    const range = clampRange(date, wanted);
    const calendar = await loadTenantCalendar(trx, range.from, range.to);
    try {
      return { date: calendar.addWorkingDays(date, n), calendar };
    } catch (error) {
      const exhausted = range.from !== wanted.from || range.to !== wanted.to;
      if (!(error instanceof CalendarRangeError) || exhausted) throw error;
    }
  }
}

/** `Calendar.workingDaysBetween` for the transaction's tenant (one query). */
export async function tenantWorkingDaysBetween(trx: Knex.Transaction, from: IsoDate, to: IsoDate): Promise<number> {
  const [first, last] = from <= to ? [from, to] : [to, from];
  const calendar = await loadTenantCalendar(trx, first, last);
  return calendar.workingDaysBetween(from, to);
}

function clampRange(date: IsoDate, range: { from: IsoDate; to: IsoDate }): { from: IsoDate; to: IsoDate } {
  const from = toDayNumber(range.from) < toDayNumber(date) - CALENDAR_MAX_SPAN_DAYS ? addDays(date, -CALENDAR_MAX_SPAN_DAYS) : range.from;
  const to = toDayNumber(range.to) > toDayNumber(date) + CALENDAR_MAX_SPAN_DAYS ? addDays(date, CALENDAR_MAX_SPAN_DAYS) : range.to;
  return { from, to };
}

function toOverride(row: CalendarDayRow): CalendarOverride {
  return { date: row.day, kind: row.kind, name: row.name };
}
