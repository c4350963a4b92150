import { describe, expect, it } from 'vitest';
import { cadenceRule, PRESET_RULES } from './cadence.ts';

/** The error a cadence is refused with: its code and the fields it names. */
function refusal(input: Parameters<typeof cadenceRule>[0]) {
  try {
    cadenceRule(input);
  } catch (error) {
    const { statusCode, code, details } = error as { statusCode: number; code: string; details: { path: string }[] };
    return [statusCode, code, details.map((d) => d.path)];
  }
  return 'accepted';
}

describe('a task’s cadence rule', () => {
  it('a preset stores its RRULE; a custom rule is stored as written', () => {
    expect(cadenceRule({ kind: 'weekly' })).toBe(PRESET_RULES.weekly);
    expect(cadenceRule({ kind: 'quarterly' })).toBe('FREQ=MONTHLY;BYMONTHDAY=1;BYMONTH=1,4,7,10');
    expect(cadenceRule({ kind: 'rrule', rule: 'FREQ=MONTHLY;BYMONTHDAY=25' })).toBe('FREQ=MONTHLY;BYMONTHDAY=25');
    expect(cadenceRule({ kind: 'rrule', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH' })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH');
  });

  it('refuses, naming body.cadence.rule, a rule that is missing, stray, unreadable, finer than daily or bounded by itself', () => {
    const refused = [400, 'DISPATCH_CADENCE_INVALID', ['body.cadence.rule']];
    expect(refusal({ kind: 'monthly', rule: 'FREQ=DAILY' })).toEqual(refused);
    expect(refusal({ kind: 'rrule' })).toEqual(refused);
    for (const rule of [
      'hello',
      'FREQ=DAILY;FOO=1',
      'BYDAY=MO',
      'FREQ=HOURLY',
      'FREQ=MINUTELY',
      'FREQ=DAILY;COUNT=3',
      'FREQ=DAILY;UNTIL=20270101',
    ])
      expect(refusal({ kind: 'rrule', rule }), rule).toEqual(refused);
    expect(refusal({ kind: 'rrule', rule: 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY' })).toEqual(refused);
  });

  it('refuses a rule the period job could not lay out (it would loop for ever or fail on it)', () => {
    const refused = [400, 'DISPATCH_CADENCE_INVALID', ['body.cadence.rule']];
    for (const rule of ['FREQ=DAILY;INTERVAL=-1', 'FREQ=DAILY;INTERVAL=abc', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=MONTHLY;BYMONTHDAY=abc'])
      expect(refusal({ kind: 'rrule', rule }), rule).toEqual(refused);
  });
});
