import { describe, expect, it } from 'vitest';
import { ownLight, rolledUpLight, worstLight, type LightNode } from './lights.ts';

const rules = { yellowDaysBeforeDeadline: 3, blueAheadPercent: 10, problemTurnsYellow: true };
const DAY = 86_400_000;
const created = new Date('2026-01-01T00:00:00Z');
const deadline = new Date('2026-01-21T00:00:00Z'); // 20 days
const node = (extra: Partial<LightNode> = {}): LightNode => ({
  status: 'open',
  progress: 0,
  problem: false,
  createdAt: created,
  deadline,
  ...extra,
});
const at = (days: number, ms = 0) => new Date(created.getTime() + days * DAY + ms);

describe('lights are computed from dates and reports, at their boundaries', () => {
  it('no progress yet is white, until the yellow window opens', () => {
    expect(ownLight(node(), rules, at(1))).toEqual({ light: 'white', cause: 'not_started' });
    expect(ownLight(node({ status: 'pending' }), rules, at(16, -1))).toEqual({ light: 'white', cause: 'not_started' });
  });

  it('turns yellow exactly three days before the deadline, not a millisecond earlier', () => {
    expect(ownLight(node({ progress: 80 }), rules, at(17, -1)).light).not.toBe('yellow');
    expect(ownLight(node({ progress: 80 }), rules, at(17))).toEqual({ light: 'yellow', cause: 'due_soon' });
  });

  it('turns red one millisecond after the deadline; the deadline instant itself is still yellow', () => {
    expect(ownLight(node({ progress: 90 }), rules, deadline)).toEqual({ light: 'yellow', cause: 'due_soon' });
    expect(ownLight(node({ progress: 90 }), rules, new Date(deadline.getTime() + 1))).toEqual({ light: 'red', cause: 'overdue' });
  });

  it('done or closed work is green whatever the date', () => {
    expect(ownLight(node({ status: 'done', progress: 100 }), rules, at(40))).toEqual({ light: 'green', cause: 'completed' });
    expect(ownLight(node({ status: 'closed' }), rules, at(40))).toEqual({ light: 'green', cause: 'completed' });
  });

  it('a reported problem is yellow (when the rules say so), overdue still wins', () => {
    expect(ownLight(node({ progress: 30, problem: true }), rules, at(2))).toEqual({ light: 'yellow', cause: 'problem_reported' });
    expect(ownLight(node({ progress: 30, problem: true }), { ...rules, problemTurnsYellow: false }, at(2))).toEqual({
      light: 'blue',
      cause: 'ahead',
    });
    expect(ownLight(node({ progress: 30, problem: true }), rules, at(21)).light).toBe('red');
  });

  it('blue when progress is at least ten points ahead of the time elapsed, green just below', () => {
    // Day 5 of 20: 25 % of the time has passed.
    expect(ownLight(node({ progress: 35 }), rules, at(5))).toEqual({ light: 'blue', cause: 'ahead' });
    expect(ownLight(node({ progress: 34 }), rules, at(5))).toEqual({ light: 'green', cause: 'on_track' });
    expect(ownLight(node({ progress: 10 }), rules, at(5))).toEqual({ light: 'green', cause: 'on_track' });
  });

  it('a parent takes the worst of its own light and its subtasks', () => {
    expect(rolledUpLight({ light: 'green', cause: 'on_track' }, ['blue', 'red'], false)).toEqual({ light: 'red', cause: 'subtask' });
    expect(rolledUpLight({ light: 'yellow', cause: 'due_soon' }, ['green'], false)).toEqual({ light: 'yellow', cause: 'due_soon' });
    expect(rolledUpLight({ light: 'white', cause: 'not_started' }, ['white', 'white'], false)).toEqual({
      light: 'white',
      cause: 'not_started',
    });
    expect(rolledUpLight({ light: 'green', cause: 'completed' }, ['red'], true)).toEqual({ light: 'green', cause: 'completed' });
    expect(worstLight([])).toBe('white');
    expect(worstLight(['white', 'blue', 'green'])).toBe('green');
  });
});
