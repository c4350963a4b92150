import type { ChoiceOption, Condition, DesignerField, DesignerModel, FieldKind } from './designer-model';
import { CONDITION_SOURCE_KINDS, FIELD_KEY_PATTERN, hasOptions } from './designer-model';

/** Words a new field starts with, in the UI language. */
export interface NewFieldTexts {
  label: (kind: FieldKind) => string;
  option: (n: number) => string;
  column: (n: number) => string;
}

/** A key not used yet by the form (nor by the group's other columns): `text1`, `number2`, … */
export function freshKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Every key of the model, the group columns' included (column keys are per group but kept unique for clarity). */
export function allKeys(fields: DesignerField[]): string[] {
  return fields.flatMap((f) => [f.key, ...(f.columns ?? []).map((c) => c.key)]);
}

export function createField(kind: FieldKind, taken: Iterable<string>, texts: NewFieldTexts): DesignerField {
  const key = freshKey(kind, taken);
  const field: DesignerField = { key, kind, label: texts.label(kind) };
  if (hasOptions(kind)) field.options = [1, 2].map((n) => ({ value: optionCode(texts.option(n)), label: texts.option(n) }));
  if (kind === 'file') field.accept = 'image';
  if (kind === 'group') field.columns = [{ key: 'text1', kind: 'text', label: texts.column(1) }];
  return field;
}

/**
 * What an option stores: its label, trimmed (`因病`), so answers, filters and exports read as the
 * county wrote them rather than `option1`. The designer may still type a code of their own.
 */
export function optionCode(label: string): string {
  return label.trim().slice(0, 64);
}

/** An option added at the end: "选项3" stored as "选项3", unique among the others. */
export function addOption(options: ChoiceOption[], label: string): ChoiceOption[] {
  const taken = new Set(options.map((o) => o.value));
  let value = optionCode(label);
  for (let n = 2; taken.has(value); n++) value = `${optionCode(label)}${n}`;
  return [...options, { value, label }];
}

/**
 * A new label for option `index`. Its stored value follows the label while the value is still
 * the one the designer was given (the old label's code, or a legacy `optionN`); a value typed by
 * hand stays. A value another option holds gets a number.
 */
export function relabelOption(options: ChoiceOption[], index: number, label: string): ChoiceOption[] {
  const current = options[index];
  const automatic = current.value === optionCode(current.label) || /^option\d+$/.test(current.value) || current.value === '';
  if (!automatic || optionCode(label) === '') return options.map((o, i) => (i === index ? { ...o, label } : o));
  const taken = new Set(options.filter((_, i) => i !== index).map((o) => o.value));
  let value = optionCode(label);
  for (let n = 2; taken.has(value); n++) value = `${optionCode(label)}${n}`;
  return options.map((o, i) => (i === index ? { value, label } : o));
}

export function insertField<T>(list: T[], item: T, index: number): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** Replaces the field `key`; a renamed key is followed by the conditions that name it. */
export function updateField(model: DesignerModel, key: string, next: DesignerField): DesignerModel {
  const rename = (c: Condition | undefined) => (c && c.field === key ? { ...c, field: next.key } : c);
  const fields = model.fields
    .map((f) => (f.key === key ? next : f))
    .map((f) => {
      if (next.key === key) return f;
      const showWhen = rename(f.showWhen);
      const requireWhen = rename(f.requireWhen);
      return { ...f, ...(showWhen ? { showWhen } : {}), ...(requireWhen ? { requireWhen } : {}) };
    });
  return { ...model, fields };
}

/** Removes the field, and every condition that looked at it. */
export function removeField(model: DesignerModel, key: string): DesignerModel {
  const fields = model.fields
    .filter((f) => f.key !== key)
    .map((f) => {
      const copy = { ...f };
      if (copy.showWhen?.field === key) delete copy.showWhen;
      if (copy.requireWhen?.field === key) delete copy.requireWhen;
      return copy;
    });
  return { ...model, fields };
}

/** Fields a condition of `key` may look at: unconditional choice / multi-choice / yes-no fields other than itself. */
export function conditionSources(model: DesignerModel, key: string): DesignerField[] {
  return model.fields.filter((f) => f.key !== key && CONDITION_SOURCE_KINDS.includes(f.kind) && !f.showWhen);
}

/** The values a condition on `source` can test. */
export function conditionValues(source: DesignerField): ChoiceOption[] | 'boolean' {
  return source.kind === 'yesno' ? 'boolean' : (source.options ?? []);
}

export type ModelProblem =
  | { kind: 'noFields' }
  | { kind: 'badKey'; key: string }
  | { kind: 'duplicateKey'; key: string }
  | { kind: 'noLabel'; key: string }
  | { kind: 'noOptions'; key: string }
  | { kind: 'duplicateOption'; key: string }
  | { kind: 'badRange'; key: string }
  | { kind: 'badPattern'; key: string }
  | { kind: 'badCondition'; key: string }
  | { kind: 'noColumns'; key: string };

/** What keeps the model from being saved, each naming its field. */
export function modelProblems(model: DesignerModel): ModelProblem[] {
  const problems: ModelProblem[] = [];
  if (model.fields.length === 0) problems.push({ kind: 'noFields' });
  const checkList = (fields: DesignerField[]) => {
    const seen = new Set<string>();
    for (const field of fields) {
      if (!FIELD_KEY_PATTERN.test(field.key)) problems.push({ kind: 'badKey', key: field.key });
      if (seen.has(field.key)) problems.push({ kind: 'duplicateKey', key: field.key });
      seen.add(field.key);
      if (!field.label.trim()) problems.push({ kind: 'noLabel', key: field.key });
      if (hasOptions(field.kind)) {
        const values = (field.options ?? []).map((o) => o.value);
        if (values.length === 0 || values.some((v) => !v.trim())) problems.push({ kind: 'noOptions', key: field.key });
        if (new Set(values).size !== values.length) problems.push({ kind: 'duplicateOption', key: field.key });
      }
      const ranges: [number | undefined, number | undefined][] = [
        [field.minimum, field.maximum],
        [field.minLength, field.maxLength],
        [field.minItems, field.maxItems],
      ];
      if (ranges.some(([min, max]) => min !== undefined && max !== undefined && min > max))
        problems.push({ kind: 'badRange', key: field.key });
      if (field.pattern !== undefined && !isRegex(field.pattern)) problems.push({ kind: 'badPattern', key: field.key });
      if (field.kind === 'group') {
        if (!field.columns?.length) problems.push({ kind: 'noColumns', key: field.key });
        else checkList(field.columns);
      }
    }
  };
  checkList(model.fields);
  for (const field of model.fields) {
    for (const condition of [field.showWhen, field.requireWhen]) {
      if (!condition) continue;
      const source = conditionSources(model, field.key).find((f) => f.key === condition.field);
      const values = source ? conditionValues(source) : [];
      const fits = values === 'boolean' ? typeof condition.value === 'boolean' : values.some((o) => o.value === condition.value);
      if (!source || !fits) problems.push({ kind: 'badCondition', key: field.key });
    }
  }
  return problems;
}

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return pattern.length > 0;
  } catch {
    return false;
  }
}
