import { createRequire } from 'node:module';
import {
  addDays,
  endOfDayIn,
  fromDayNumber,
  type IsoDate,
  type NotificationMessage,
  toDayNumber,
  weekdayOf,
} from '../../../core/module-kit.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import type { CadenceKind } from './cadence.ts';

// The CommonJS build, as in cadence.ts: Node and Vite see different exports of the ES one.
const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

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

const pad = (n: number) => String(n).padStart(2, '0');
const utcDay = (date: IsoDate) => new Date(toDayNumber(date) * 86_400_000);
const isoDay = (date: Date) => fromDayNumber(Math.floor(date.getTime() / 86_400_000));
// A daily rule over a long task could lay out thousands of periods: one run opens at most this many.
const MAX_PERIODS_PER_RUN = 400;

/**
 * Where a cadence's occurrences are counted from. A preset counts from the start of the calendar
 * week, month or quarter holding the creation day, so the period a task is created in is the first;
 * a custom RRULE counts from the creation day itself (so `FREQ=WEEKLY` repeats its weekday).
 */
export function cadenceStart(cadence: TaskCadence): IsoDate {
  const day = cadence.createdOn;
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  if (cadence.kind === 'weekly') return addDays(day, -((weekdayOf(day) + 6) % 7));
  if (cadence.kind === 'monthly') return `${year}-${pad(month)}-01`;
  if (cadence.kind === 'quarterly') return `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`;
  return day;
}

function ruleOf(cadence: TaskCadence) {
  return new RRule({ ...RRule.parseString(cadence.rule), dtstart: utcDay(cadenceStart(cadence)) });
}

/** The ISO week of a day: `2026-W48` (the ISO year is that of the week's Thursday). */
export function isoWeekKey(day: IsoDate): string {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toDayNumber(thursday) - toDayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** A period's key: `2026-W48` weekly, `2026-11` monthly, `2026-Q4` quarterly, the start day for a custom rule. */
export function periodKey(kind: CadenceKind, startsOn: IsoDate): string {
  const month = Number(startsOn.slice(5, 7));
  if (kind === 'weekly') return isoWeekKey(startsOn);
  if (kind === 'monthly') return startsOn.slice(0, 7);
  if (kind === 'quarterly') return `${startsOn.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
  return startsOn;
}

/** How a period reads in messages: 2026年第48周, 2026年11月, 2026年第4季度, 2026-11-25期. */
export function periodLabel(key: string): string {
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-W(\d{2})$/.exec(key))) return `${match[1]}年第${Number(match[2])}周`;
  if ((match = /^(\d{4})-Q([1-4])$/.exec(key))) return `${match[1]}年第${match[2]}季度`;
  if ((match = /^(\d{4})-(\d{2})$/.exec(key))) return `${match[1]}年${Number(match[2])}月`;
  return `${key}期`;
}

/** The same period as a term of the notification catalogue, so each reader gets it in their language. */
export function periodTerm(key: string): NotificationMessage {
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-W(\d{2})$/.exec(key))) return dispatchMessage('period.week', { year: match[1], week: Number(match[2]) });
  if ((match = /^(\d{4})-Q([1-4])$/.exec(key))) return dispatchMessage('period.quarter', { year: match[1], quarter: match[2] });
  if ((match = /^(\d{4})-(\d{2})$/.exec(key))) return dispatchMessage('period.month', { year: match[1], month: Number(match[2]) });
  return dispatchMessage('period.from', { start: key });
}

/**
 * The periods that start on a day in `[from, to]` (and not after the cadence's last start), oldest
 * first: each runs from its occurrence to the day before the next, and its report is due at the
 * end of the day `dueDays` after it ends (the county's clock).
 */
export function periodsStartingBetween(cadence: TaskCadence, from: IsoDate, to: IsoDate): ReportPeriod[] {
  const last = to < cadence.lastStart ? to : cadence.lastStart;
  if (last < from) return [];
  const rule = ruleOf(cadence);
  const starts = rule.between(utcDay(from), utcDay(last), true).slice(0, MAX_PERIODS_PER_RUN);
  return starts.map((start) => {
    const next = rule.after(start, false);
    const startsOn = isoDay(start);
    // Rules without UNTIL or COUNT always go on; a rule that somehow ends gives its last period one day.
    const endsOn = next ? addDays(isoDay(next), -1) : startsOn;
    return {
      key: periodKey(cadence.kind, startsOn),
      startsOn,
      endsOn,
      dueAt: endOfDayIn(cadence.timeZone, addDays(endsOn, cadence.dueDays)),
    };
  });
}
