/**
 * What a deadline's countdown says, as the clock reads it: whole days only when a day or more is
 * left ("还剩 2 天"), hours or minutes under a day ("还剩 5 分钟"), and past the deadline how long
 * ago in days, hours or minutes ("已超期 3 小时"). The deadline instant itself is not overdue,
 * as on the server's lights. Units round down, so "1 天" never stands for 5 minutes.
 */
export interface Countdown {
  key: 'task.leftDays' | 'task.leftHours' | 'task.leftMinutes' | 'task.overdueDays' | 'task.overdueHours' | 'task.overdueMinutes';
  n: number;
  /** danger past the deadline, warning within `warnDays` days, else secondary. */
  tone: 'danger' | 'warning' | 'secondary';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function countdown(deadlineIso: string, now: number = Date.now(), warnDays = 3): Countdown {
  const left = new Date(deadlineIso).getTime() - now;
  const span = Math.abs(left);
  const overdue = left < 0;
  const [unit, n] =
    span >= DAY
      ? (['Days', Math.floor(span / DAY)] as const)
      : span >= HOUR
        ? (['Hours', Math.floor(span / HOUR)] as const)
        : (['Minutes', Math.max(overdue ? 1 : 0, Math.floor(span / MINUTE))] as const);
  const key = `task.${overdue ? 'overdue' : 'left'}${unit}` as Countdown['key'];
  return { key, n, tone: overdue ? 'danger' : left <= warnDays * DAY ? 'warning' : 'secondary' };
}
