/**
 * What the designer edits: a flat list of fields (a repeating group holds its own columns). Turned
 * into JSON Schema draft-07 + an rjsf uiSchema by model-to-schema.ts, and back by schema-to-model.ts.
 */
export const FIELD_KINDS = [
  'text',
  'textarea',
  'number',
  'date',
  'datetime',
  'choice',
  'multi',
  'yesno',
  'person',
  'unit',
  'file',
  'location',
  'section',
  'group',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** What a repeating group's columns may be. */
export const COLUMN_KINDS: readonly FieldKind[] = [
  'text',
  'textarea',
  'number',
  'date',
  'choice',
  'multi',
  'yesno',
  'person',
  'unit',
  'file',
];

/** Fields a condition can look at: answered by picking a value. */
export const CONDITION_SOURCE_KINDS: readonly FieldKind[] = ['choice', 'multi', 'yesno'];

export interface ChoiceOption {
  value: string;
  label: string;
}

/** "when field `field` is `value`" (a multiple choice: "has `value` ticked"). */
export interface Condition {
  field: string;
  value: string | boolean;
}

export type DefaultValue = string | number | boolean | string[];

export interface DesignerField {
  /** The property name in the answers (letters, digits, underscore). */
  key: string;
  kind: FieldKind;
  label: string;
  help?: string;
  required?: boolean;
  defaultValue?: DefaultValue;
  /** number: value range; multi and group: how many ticks / rows. */
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  minItems?: number;
  maxItems?: number;
  /** text: length and pattern (with the message shown when it does not match). */
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  patternMessage?: string;
  /** text: a check-character format a pattern preset adds (身份证号, 统一社会信用代码). */
  format?: 'cn-id-card' | 'cn-uscc';
  options?: ChoiceOption[];
  /** file: images only (a photo) or any allowed file. */
  accept?: 'image' | 'any';
  /** Shown only when the condition holds (and then `required` applies). */
  showWhen?: Condition;
  /** Always shown, but required when the condition holds. */
  requireWhen?: Condition;
  /** group: the columns of each row. */
  columns?: DesignerField[];
}

export interface DesignerModel {
  title: string;
  description?: string;
  fields: DesignerField[];
}

/** The property-name rule: also what the results filters (`filter[key]`) accept. */
export const FIELD_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export const isContainer = (kind: FieldKind) => kind === 'group';
export const hasOptions = (kind: FieldKind) => kind === 'choice' || kind === 'multi';
export const isAnswerless = (kind: FieldKind) => kind === 'section';
