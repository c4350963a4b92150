import { badRequest, readRecurrenceRule, type RecurrenceFrequency } from '../../../core/module-kit.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export type CadenceKind = 'weekly' | 'monthly' | 'quarterly' | 'rrule';

export interface CadenceInput {
  kind: CadenceKind;
  rule?: string;
  dueDays?: number;
  until?: string;
}

/** Every cadence is an RRULE: the presets start a period each Monday, each 1st of the month, each quarter. */
export const PRESET_RULES: Record<Exclude<CadenceKind, 'rrule'>, string> = {
  weekly: 'FREQ=WEEKLY;BYDAY=MO',
  monthly: 'FREQ=MONTHLY;BYMONTHDAY=1',
  quarterly: 'FREQ=MONTHLY;BYMONTHDAY=1;BYMONTH=1,4,7,10',
};

// Reports more often than daily are not a supervision cadence; finer frequencies are refused.
const ALLOWED_FREQUENCIES = new Set<RecurrenceFrequency | null>(['yearly', 'monthly', 'weekly', 'daily']);

/** The stored rule of a cadence; 400 naming `body.cadence.rule` for a rule that is not a usable RRULE. */
export function cadenceRule(input: CadenceInput): string {
  if (input.kind !== 'rrule') {
    if (input.rule !== undefined)
      throw badRequest(DISPATCH_ERRORS.CADENCE_INVALID, 'A rule is only for kind "rrule"', [
        { path: 'body.cadence.rule', message: `is not allowed with kind "${input.kind}"` },
      ]);
    return PRESET_RULES[input.kind];
  }
  if (!input.rule)
    throw badRequest(DISPATCH_ERRORS.CADENCE_INVALID, 'Kind "rrule" needs a rule', [
      { path: 'body.cadence.rule', message: 'is required for kind "rrule"' },
    ]);
  const facts = readRecurrenceRule(input.rule);
  if (!facts) {
    throw badRequest(DISPATCH_ERRORS.CADENCE_INVALID, 'The rule is not an RRULE', [
      { path: 'body.cadence.rule', message: 'is not an RFC 5545 RRULE' },
    ]);
  }
  if (!ALLOWED_FREQUENCIES.has(facts.frequency)) {
    throw badRequest(DISPATCH_ERRORS.CADENCE_INVALID, 'The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY', [
      { path: 'body.cadence.rule', message: 'has no FREQ of DAILY, WEEKLY, MONTHLY or YEARLY' },
    ]);
  }
  if (facts.hasStart || facts.hasEnd) {
    throw badRequest(DISPATCH_ERRORS.CADENCE_INVALID, 'The rule must not carry DTSTART, UNTIL or COUNT: the task’s dates bound it', [
      { path: 'body.cadence.rule', message: 'carries DTSTART, UNTIL or COUNT' },
    ]);
  }
  return input.rule;
}
