import type { ResultField } from '../../schemas/results.schema';
import { countyTime } from '../../../../admin-ui/src/module-kit';

/** The answer at a dotted field name (`care.hours`). */
export function answerAt(data: Record<string, unknown>, name: string): unknown {
  let value: unknown = data;
  for (const part of name.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/**
 * An answer as table text: option labels for choices, 是/否 for yes/no, a date-time in the
 * county's time zone, the value otherwise.
 */
export function answerText(
  data: Record<string, unknown>,
  field: ResultField,
  words: { yes: string; no: string },
  timeZone?: string,
): string {
  const value = answerAt(data, field.name);
  const label = (v: unknown) => field.options.find((o) => o.value === String(v))?.label ?? String(v);
  if (value === undefined || value === null || value === '') return '';
  if (field.kind === 'boolean') return value === true ? words.yes : value === false ? words.no : String(value);
  if (field.format === 'date-time' && typeof value === 'string') return countyTime(value, undefined, timeZone);
  if (Array.isArray(value)) return value.map(label).join('、');
  if (field.kind === 'choice') return label(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
