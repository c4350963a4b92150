import { describe, expect, it } from 'vitest';
import { countdown } from './countdown';

const deadline = '2026-03-31T15:59:59.999Z';
const at = (offsetMs: number) => new Date(deadline).getTime() + offsetMs;
const MIN = 60_000;

describe('deadline countdown: the words match the clock', () => {
  it('five minutes before the deadline says 5 minutes left, not 1 day', () => {
    expect(countdown(deadline, at(-5 * MIN))).toEqual({ key: 'task.leftMinutes', n: 5, tone: 'warning' });
  });
  it('under a day shows hours; a day or more shows whole days, rounded down', () => {
    expect(countdown(deadline, at(-(5 * 60 + 30) * MIN))).toMatchObject({ key: 'task.leftHours', n: 5 });
    expect(countdown(deadline, at(-(36 * 60) * MIN))).toMatchObject({ key: 'task.leftDays', n: 1, tone: 'warning' });
    expect(countdown(deadline, at(-10 * 24 * 60 * MIN))).toMatchObject({ key: 'task.leftDays', n: 10, tone: 'secondary' });
  });
  it('past the deadline says how long overdue, in minutes, hours or days — never "0 days left"', () => {
    expect(countdown(deadline, at(20 * 1000))).toEqual({ key: 'task.overdueMinutes', n: 1, tone: 'danger' });
    expect(countdown(deadline, at(3 * 60 * MIN + 5 * MIN))).toMatchObject({ key: 'task.overdueHours', n: 3 });
    expect(countdown(deadline, at(2 * 24 * 60 * MIN + MIN))).toMatchObject({ key: 'task.overdueDays', n: 2 });
  });
  it('the deadline instant itself is not overdue', () => {
    expect(countdown(deadline, at(0))).toMatchObject({ key: 'task.leftMinutes', n: 0 });
  });
});
