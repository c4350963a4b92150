import type { ResultField } from '../../schemas/results.schema';

const FILTER_KEY = /^filter\[([^[\]]+)\](?:\[(gte|lte)\])?$/;

/** The `filter[...]` entries of a results query that hold a value. */
export function fieldFilterEntries(query: Record<string, string | undefined>): [string, string][] {
  return Object.entries(query).filter(
    (entry): entry is [string, string] => FILTER_KEY.test(entry[0]) && entry[1] !== undefined && entry[1] !== '',
  );
}

/** `filter[cause]=other` → "主要致贫原因 = 其他"; `filter[income][gte]=0` → "家庭年收入 ≥ 0". */
export function describeFilter(key: string, value: string, fields: ResultField[], words: { gte: string; lte: string }): string {
  const match = key.match(FILTER_KEY);
  if (!match) return `${key}=${value}`;
  const field = fields.find((f) => f.name === match[1]);
  const label = field?.options.find((o) => o.value === value)?.label ?? value;
  const op = match[2] === 'gte' ? words.gte : match[2] === 'lte' ? words.lte : '=';
  return `${field?.title ?? match[1]} ${op} ${label}`;
}
