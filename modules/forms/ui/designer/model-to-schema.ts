import type { Condition, DesignerField, DesignerModel } from './designer-model';

export type JsonObject = Record<string, unknown>;

/** Titles of the location field's parts, in the UI language of whoever builds the form. */
export interface SchemaTexts {
  address: string;
  latitude: string;
  longitude: string;
}

export interface BuiltSchema {
  schema: JsonObject;
  uiSchema: JsonObject;
}

const defined = (entries: Record<string, unknown>): JsonObject =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== ''));

const choiceOneOf = (field: DesignerField) => (field.options ?? []).map((o) => ({ const: o.value, title: o.label || o.value }));

/** The JSON Schema of one field's answer (draft-07). */
export function fieldSchema(field: DesignerField, texts: SchemaTexts): JsonObject {
  const base = { title: field.label };
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return defined({
        type: 'string',
        ...base,
        minLength: field.minLength,
        maxLength: field.maxLength,
        pattern: field.pattern,
        format: field.format,
        'x-pattern-message': field.pattern || field.format ? field.patternMessage : undefined,
        default: field.defaultValue,
      });
    case 'number':
      return defined({
        type: field.integer ? 'integer' : 'number',
        ...base,
        minimum: field.minimum,
        maximum: field.maximum,
        default: field.defaultValue,
      });
    case 'date':
      return defined({ type: 'string', format: 'date', ...base, default: field.defaultValue });
    case 'datetime':
      return defined({ type: 'string', format: 'date-time', ...base, default: field.defaultValue });
    case 'choice':
      return defined({ type: 'string', ...base, oneOf: choiceOneOf(field), default: field.defaultValue });
    case 'multi':
      return defined({
        type: 'array',
        ...base,
        items: { type: 'string', oneOf: choiceOneOf(field) },
        uniqueItems: true,
        minItems: minItemsOf(field),
        maxItems: field.maxItems,
        default: field.defaultValue,
      });
    case 'yesno':
      return defined({ type: 'boolean', ...base, default: field.defaultValue });
    case 'person':
    case 'unit':
    case 'file':
      return { type: 'string', format: 'uuid', ...base, 'x-ref': field.kind };
    case 'location':
      return {
        type: 'object',
        ...base,
        'x-ref': 'location',
        properties: {
          address: { type: 'string', title: texts.address, maxLength: 200 },
          latitude: { type: 'number', title: texts.latitude, minimum: -90, maximum: 90 },
          longitude: { type: 'number', title: texts.longitude, minimum: -180, maximum: 180 },
        },
        ...(field.required ? { required: ['address'] } : {}),
        additionalProperties: false,
      };
    case 'section':
      return { type: 'null', ...base };
    case 'group': {
      const columns = field.columns ?? [];
      const required = columns.filter((c) => c.required).map((c) => c.key);
      return defined({
        type: 'array',
        ...base,
        items: {
          type: 'object',
          properties: Object.fromEntries(columns.map((c) => [c.key, fieldSchema(c, texts)])),
          ...(required.length ? { required } : {}),
          additionalProperties: false,
        },
        minItems: minItemsOf(field),
        maxItems: field.maxItems,
      });
    }
  }
}

// A required list needs at least one entry: an empty array would otherwise count as an answer.
function minItemsOf(field: DesignerField): number | undefined {
  if (field.required) return Math.max(1, field.minItems ?? 1);
  return field.minItems;
}

/** The uiSchema of one field: its widget, help text and, for a group, its columns'. */
export function fieldUiSchema(field: DesignerField): JsonObject {
  const ui: JsonObject = {};
  if (field.help) ui['ui:help'] = field.help;
  switch (field.kind) {
    case 'textarea':
      ui['ui:widget'] = 'textarea';
      break;
    case 'choice':
    case 'yesno':
      ui['ui:widget'] = 'radio';
      break;
    case 'multi':
      ui['ui:widget'] = 'checkboxes';
      break;
    case 'person':
    case 'unit':
      ui['ui:widget'] = field.kind;
      break;
    case 'file':
      ui['ui:widget'] = 'file';
      ui['ui:options'] = { accept: field.accept === 'any' ? 'any' : 'image' };
      break;
    case 'location':
    case 'section':
      ui['ui:field'] = field.kind;
      break;
    case 'group': {
      const columns = field.columns ?? [];
      ui['ui:options'] = { orderable: false };
      ui.items = {
        'ui:order': [...columns.map((c) => c.key), '*'],
        ...Object.fromEntries(columns.map((c) => [c.key, fieldUiSchema(c)]).filter(([, v]) => Object.keys(v as JsonObject).length > 0)),
      };
      break;
    }
    default:
      break;
  }
  return ui;
}

const conditionKey = (c: Condition) => JSON.stringify([c.field, c.value]);

/** `if` of a condition: the source answered with the value (multi-choice: has it ticked). */
export function conditionSchema(condition: Condition, model: DesignerModel): JsonObject {
  const source = model.fields.find((f) => f.key === condition.field);
  const test = source?.kind === 'multi' ? { contains: { const: condition.value } } : { const: condition.value };
  return { properties: { [condition.field]: test }, required: [condition.field] };
}

/**
 * The whole form: draft-07, root `type: "object"`. Unconditional fields are root properties;
 * a field shown under a condition lives only in that condition's `then` (so rjsf shows it only
 * then, and the server requires it only then); "required when" adds to a `then`'s `required`.
 * `propertyNames` lists every field, so answers naming anything else are refused while fields
 * that live in a `then` are still allowed (which `additionalProperties: false` would forbid).
 */
export function modelToSchema(model: DesignerModel, texts: SchemaTexts): BuiltSchema {
  const plain = model.fields.filter((f) => !f.showWhen);
  const required = plain.filter((f) => f.required && f.kind !== 'section').map((f) => f.key);
  const branches = new Map<string, { condition: Condition; properties: JsonObject; required: string[] }>();
  const branchOf = (condition: Condition) => {
    const key = conditionKey(condition);
    const branch = branches.get(key) ?? { condition, properties: {}, required: [] };
    branches.set(key, branch);
    return branch;
  };
  for (const field of model.fields) {
    if (field.showWhen) {
      const branch = branchOf(field.showWhen);
      branch.properties[field.key] = fieldSchema(field, texts);
      if (field.required && field.kind !== 'section') branch.required.push(field.key);
    } else if (field.requireWhen) {
      branchOf(field.requireWhen).required.push(field.key);
    }
  }
  const allOf = [...branches.values()].map((b) => ({
    if: conditionSchema(b.condition, model),
    then: defined({
      properties: Object.keys(b.properties).length ? b.properties : undefined,
      required: b.required.length ? b.required : undefined,
    }),
  }));

  const schema: JsonObject = defined({
    type: 'object',
    title: model.title,
    description: model.description,
    properties: Object.fromEntries(plain.map((f) => [f.key, fieldSchema(f, texts)])),
    required: required.length ? required : undefined,
    allOf: allOf.length ? allOf : undefined,
    propertyNames: { enum: model.fields.map((f) => f.key) },
  });
  const uiSchema: JsonObject = { 'ui:order': [...model.fields.map((f) => f.key), '*'] };
  for (const field of model.fields) {
    const ui = fieldUiSchema(field);
    if (Object.keys(ui).length > 0) uiSchema[field.key] = ui;
  }
  return { schema, uiSchema };
}
