import { addDays, calendarPeriodOf, calendarPeriodOfKey, type IsoDate, type PeriodUnit } from '../../../core/module-kit.ts';

/**
 * A collection's frequency in the platform's calendar periods (core/time/periods.ts): what forms
 * adds is the one-time collection, which has a single period keyed `once` instead.
 */
export type Frequency = 'once' | 'weekly' | 'monthly' | 'quarterly';

/** One reporting period of a collection: its key and the days it spans (inclusive). */
export interface Period {
  key: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

const UNIT_OF: Record<Exclude<Frequency, 'once'>, PeriodUnit> = { weekly: 'week', monthly: 'month', quarterly: 'quarter' };

/** The period of `frequency` that holds `date`: `2025-W12` (ISO week), `2025-03`, `2025-Q1`. */
export function periodOf(frequency: Exclude<Frequency, 'once'>, date: IsoDate): Period {
  const { key, startsOn, endsOn } = calendarPeriodOf(UNIT_OF[frequency], date);
  return { key, startsOn, endsOn };
}

/** The period a key names, or null when the key does not fit the frequency (e.g. `2025-W53`, a 52-week year). */
export function periodFromKey(frequency: Exclude<Frequency, 'once'>, key: string): Period | null {
  const period = calendarPeriodOfKey(key);
  return period?.unit === UNIT_OF[frequency] ? { key: period.key, startsOn: period.startsOn, endsOn: period.endsOn } : null;
}

/** Due date in calendar days: `offset` days after the period's last day (0: the last day itself). */
export function calendarDueDate(period: Period, offset: number): IsoDate {
  return addDays(period.endsOn, offset);
}
