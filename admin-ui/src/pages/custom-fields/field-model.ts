/**
 * The list editor's view of a custom-field fragment (core/custom-fields/custom-field-fragment.ts):
 * each property of `{ type: 'object', properties, required }` as one field of a known kind, and
 * back. Keywords the editor does not manage (description, default, …) are kept as they were, and
 * a property no kind describes stays untouched as `other`, so saving never loses what another
 * tool (tenants:apply, the forms designer) wrote.
 */
export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'single' | 'multiple' | 'boolean' | 'other';

export const EDITABLE_KINDS: Exclude<FieldKind, 'other'>[] = ['text', 'textarea', 'number', 'date', 'single', 'multiple', 'boolean'];

export interface FieldDraft {
  /** The JSON key: letters, digits and _, starting with a letter. */
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Choices of `single` and `multiple`. */
  options: string[];
  /** Length of text, value of a number, count of multiple choices. */
  min?: number;
  max?: number;
  /** Numbers only: whole numbers. */
  integer: boolean;
  /** The stored property and its uiSchema, for the keywords this editor leaves alone. */
  raw: Record<string, unknown>;
  rawUi: Record<string, unknown>;
}

/** Same rule as the server's FIELD_NAME. */
export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const MANAGED_KEYS = [
  'type',
  'title',
  'enum',
  'items',
  'uniqueItems',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);
const stringList = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function kindOf(property: Record<string, unknown>, ui: Record<string, unknown>): FieldKind {
  const { type } = property;
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'string') {
    if (Array.isArray(property.enum)) return 'single';
    if (property.format === 'date') return 'date';
    // Choices as oneOf (the forms designer writes them so) or another format (date-time): kept as stored.
    if (property.oneOf !== undefined || property.format !== undefined) return 'other';
    return ui['ui:widget'] === 'textarea' ? 'textarea' : 'text';
  }
  if (type === 'array' && isRecord(property.items) && property.items.type === 'string' && Array.isArray(property.items.enum))
    return 'multiple';
  return 'other';
}

function limitsOf(kind: FieldKind, property: Record<string, unknown>): { min?: number; max?: number } {
  if (kind === 'text' || kind === 'textarea')
    return { min: numberOrUndefined(property.minLength), max: numberOrUndefined(property.maxLength) };
  if (kind === 'number') return { min: numberOrUndefined(property.minimum), max: numberOrUndefined(property.maximum) };
  if (kind === 'multiple') return { min: numberOrUndefined(property.minItems), max: numberOrUndefined(property.maxItems) };
  return {};
}

/** The stored fragment as a list, in `ui:order` (jsonb does not keep key order), then any left out. */
export function fragmentToFields(schema: Record<string, unknown>, uiSchema: Record<string, unknown>): FieldDraft[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = stringList(schema.required);
  const order = stringList(uiSchema['ui:order']).filter((name) => name in properties);
  const names = [...order, ...Object.keys(properties).filter((name) => !order.includes(name))];
  return names.map((name) => {
    const property = isRecord(properties[name]) ? properties[name] : {};
    const ui = isRecord(uiSchema[name]) ? uiSchema[name] : {};
    const kind = kindOf(property, ui);
    const options =
      kind === 'single'
        ? stringList(property.enum)
        : kind === 'multiple' && isRecord(property.items)
          ? stringList(property.items.enum)
          : [];
    return {
      name,
      label: typeof property.title === 'string' ? property.title : '',
      kind,
      required: required.includes(name),
      options,
      ...limitsOf(kind, property),
      integer: property.type === 'integer',
      raw: property,
      rawUi: ui,
    };
  });
}

function propertyOf(field: FieldDraft): Record<string, unknown> {
  if (field.kind === 'other') return field.raw;
  const kept = Object.fromEntries(Object.entries(field.raw).filter(([key]) => !MANAGED_KEYS.includes(key)));
  const property: Record<string, unknown> = { ...kept, title: field.label };
  const limit = (minKey: string, maxKey: string) => {
    if (field.min !== undefined) property[minKey] = field.min;
    if (field.max !== undefined) property[maxKey] = field.max;
  };
  switch (field.kind) {
    case 'text':
    case 'textarea':
      property.type = 'string';
      limit('minLength', 'maxLength');
      break;
    case 'number':
      property.type = field.integer ? 'integer' : 'number';
      limit('minimum', 'maximum');
      break;
    case 'date':
      property.type = 'string';
      property.format = 'date';
      break;
    case 'single':
      property.type = 'string';
      property.enum = field.options;
      break;
    case 'multiple':
      property.type = 'array';
      property.items = { type: 'string', enum: field.options };
      property.uniqueItems = true;
      limit('minItems', 'maxItems');
      break;
    case 'boolean':
      property.type = 'boolean';
      break;
  }
  return property;
}

// Widgets RJSF should use; other kinds keep whatever uiSchema they had.
const WIDGETS: Partial<Record<FieldKind, string>> = { textarea: 'textarea', single: 'radio', multiple: 'checkboxes' };

function uiOf(field: FieldDraft): Record<string, unknown> {
  const ui = { ...field.rawUi };
  const widget = WIDGETS[field.kind];
  if (widget) ui['ui:widget'] = widget;
  else if (field.kind !== 'other' && ui['ui:widget'] === 'textarea') delete ui['ui:widget'];
  return ui;
}

/** The fragment and uiSchema the PUT expects; `baseUi` keeps uiSchema keys that are not fields. */
export function fieldsToFragment(fields: FieldDraft[], baseUi: Record<string, unknown>, fieldNamesBefore: string[]) {
  const properties = Object.fromEntries(fields.map((field) => [field.name, propertyOf(field)]));
  const required = fields.filter((field) => field.required).map((field) => field.name);
  const schema: Record<string, unknown> = { type: 'object', properties, additionalProperties: false };
  if (required.length > 0) schema.required = required;
  // Per-field entries of removed or renamed fields go; other top-level keys stay.
  const uiSchema: Record<string, unknown> = Object.fromEntries(
    Object.entries(baseUi).filter(([key]) => key !== 'ui:order' && !fieldNamesBefore.includes(key)),
  );
  for (const field of fields) {
    const ui = uiOf(field);
    if (Object.keys(ui).length > 0) uiSchema[field.name] = ui;
  }
  uiSchema['ui:order'] = fields.map((field) => field.name);
  return { schema, uiSchema };
}

/** `body.schema.properties.householdSize.minimum` → `householdSize`; issues about the whole set → null. */
export function fieldOfIssue(path: string): string | null {
  const match = /^body\.(?:schema\.properties|uiSchema)\.([A-Za-z][A-Za-z0-9_]*)(?=$|[.[])/.exec(path);
  return match ? match[1] : null;
}
