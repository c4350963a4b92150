import {
  addDays,
  calendarPeriodOf,
  calendarPeriodOfKey,
  endOfDayIn,
  type IsoDate,
  type NotificationMessage,
  type PeriodUnit,
  recurringPeriodsStartingBetween,
} from '../../../core/module-kit.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import type { CadenceKind } from './cadence.ts';

/** What a task's cadence needs to lay out its report periods. */
export interface TaskCadence {
  kind: CadenceKind;
  rule: string;
  dueDays: number;
  /** The county's zone: days start and end by its clock. */
  timeZone: string;
  /** The county day the task was created: where its first period is looked for. */
  createdOn: IsoDate;
  /** No period starts after this day (the cadence's `until`, else the task deadline's day). */
  lastStart: IsoDate;
}

/** One report period: the days it spans (inclusive) and the instant its report is due. */
export interface ReportPeriod {
  key: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  dueAt: Date;
}

const UNIT_OF: Record<Exclude<CadenceKind, 'rrule'>, PeriodUnit> = { weekly: 'week', monthly: 'month', quarterly: 'quarter' };
// A daily rule over a long task could lay out thousands of periods: one run opens at most this many.
const MAX_PERIODS_PER_RUN = 400;

/**
 * Where a cadence's occurrences are counted from. A preset counts from the start of the calendar
 * week, month or quarter holding the creation day, so the period a task is created in is the first;
 * a custom RRULE counts from the creation day itself (so `FREQ=WEEKLY` repeats its weekday).
 */
export function cadenceStart(cadence: TaskCadence): IsoDate {
  return cadence.kind === 'rrule' ? cadence.createdOn : calendarPeriodOf(UNIT_OF[cadence.kind], cadence.createdOn).startsOn;
}

/** The ISO week of a day: `2026-W48` (the ISO year is that of the week's Thursday), the key of a weekly period. */
export function isoWeekKey(day: IsoDate): string {
  return calendarPeriodOf('week', day).key;
}

/** A period's key: `2026-W48` weekly, `2026-11` monthly, `2026-Q4` quarterly, the start day for a custom rule. */
export function periodKey(kind: CadenceKind, startsOn: IsoDate): string {
  return kind === 'rrule' ? startsOn : calendarPeriodOf(UNIT_OF[kind], startsOn).key;
}

/** How a period reads in messages: 2026年第48周, 2026年11月, 2026年第4季度, 2026-11-25期. */
export function periodLabel(key: string): string {
  const period = calendarPeriodOfKey(key);
  if (period?.unit === 'week') return `${period.year}年第${period.number}周`;
  if (period?.unit === 'quarter') return `${period.year}年第${period.number}季度`;
  if (period?.unit === 'month') return `${period.year}年${period.number}月`;
  return `${key}期`;
}

/** The same period as a term of the notification catalogue, so each reader gets it in their language. */
export function periodTerm(key: string): NotificationMessage {
  const period = calendarPeriodOfKey(key);
  if (period?.unit === 'week') return dispatchMessage('period.week', { year: String(period.year), week: period.number });
  if (period?.unit === 'quarter') return dispatchMessage('period.quarter', { year: String(period.year), quarter: String(period.number) });
  if (period?.unit === 'month') return dispatchMessage('period.month', { year: String(period.year), month: period.number });
  return dispatchMessage('period.from', { start: key });
}

/**
 * The periods that start on a day in `[from, to]` (and not after the cadence's last start), oldest
 * first: each runs from its occurrence to the day before the next, and its report is due at the
 * end of the day `dueDays` after it ends (the county's clock).
 */
export function periodsStartingBetween(cadence: TaskCadence, from: IsoDate, to: IsoDate): ReportPeriod[] {
  const last = to < cadence.lastStart ? to : cadence.lastStart;
  const recurrence = { rule: cadence.rule, firstDay: cadenceStart(cadence), timeZone: cadence.timeZone };
  return recurringPeriodsStartingBetween(recurrence, from, last, MAX_PERIODS_PER_RUN).map(({ startsOn, endsOn }) => ({
    key: periodKey(cadence.kind, startsOn),
    startsOn,
    endsOn,
    dueAt: endOfDayIn(cadence.timeZone, addDays(endsOn, cadence.dueDays)),
  }));
}
