import type { ResultField } from '../api/forms-types';

/** An answer as table text: option labels for choices, 是/否 for yes/no, the value otherwise. */
export function answerText(data: Record<string, unknown>, field: ResultField, words: { yes: string; no: string }): string {
  let value: unknown = data;
  for (const part of field.name.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  const label = (v: unknown) => field.options.find((o) => o.value === String(v))?.label ?? String(v);
  if (value === undefined || value === null || value === '') return '';
  if (field.kind === 'boolean') return value === true ? words.yes : value === false ? words.no : String(value);
  if (Array.isArray(value)) return value.map(label).join('、');
  if (field.kind === 'choice') return label(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
