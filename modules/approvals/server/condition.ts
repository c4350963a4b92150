import type { ConditionRule, FlowBranch } from '../schemas/flow.schema.ts';

type When = NonNullable<FlowBranch['when']>;

/** Whether a condition branch's rules hold for a request's answers (`all` or `any` of them). */
export function branchHolds(when: When, data: Record<string, unknown>): boolean {
  const results = when.rules.map((rule) => ruleHolds(rule, data[rule.field]));
  return when.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}

/**
 * One rule against one answer. Numbers compare as numbers (a number typed as text too: forms keep
 * what was typed); a list answer (checkboxes) `contains` a value when it holds it, and `eq` a value
 * only when it is exactly that one. A missing answer is `empty` and satisfies no comparison.
 */
export function ruleHolds(rule: ConditionRule, answer: unknown): boolean {
  const blank = answer === undefined || answer === null || answer === '' || (Array.isArray(answer) && answer.length === 0);
  if (rule.op === 'empty') return blank;
  if (rule.op === 'notEmpty') return !blank;
  if (blank) return rule.op === 'ne';
  const value = rule.value;
  switch (rule.op) {
    case 'eq':
      return same(answer, value);
    case 'ne':
      return !same(answer, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => same(answer, v));
    case 'contains':
      return Array.isArray(answer) ? answer.some((a) => same(a, value)) : String(answer).includes(String(value));
    default: {
      const a = asNumber(answer);
      const b = asNumber(value);
      if (a === null || b === null) return false;
      if (rule.op === 'gt') return a > b;
      if (rule.op === 'gte') return a >= b;
      if (rule.op === 'lt') return a < b;
      return a <= b;
    }
  }
}

function same(answer: unknown, value: unknown): boolean {
  if (Array.isArray(answer)) return answer.length === 1 && same(answer[0], value);
  const a = asNumber(answer);
  const b = asNumber(value);
  if (a !== null && b !== null) return a === b;
  return String(answer) === String(value);
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
