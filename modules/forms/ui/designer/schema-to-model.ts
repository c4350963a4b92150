import type { ChoiceOption, Condition, DefaultValue, DesignerField, DesignerModel, FieldKind } from './designer-model';
import type { JsonObject } from './model-to-schema';

/** Formats a text field may carry: the check-character ones of the pattern presets. */
const TEXT_FORMATS = ['cn-id-card', 'cn-uscc'];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

// Root keywords the designer writes; any other means the schema was written elsewhere.
const ROOT_KEYS = new Set(['type', 'title', 'description', 'properties', 'required', 'allOf', 'propertyNames', '$schema']);

function optionsOf(node: unknown): ChoiceOption[] | undefined {
  if (!isObject(node) || !Array.isArray(node.oneOf)) return undefined;
  const options = node.oneOf.map((o) =>
    isObject(o) && typeof o.const === 'string' ? { value: o.const, label: str(o.title) ?? o.const } : null,
  );
  return options.every((o): o is ChoiceOption => o !== null) ? options : undefined;
}

function defaultOf(value: unknown): DefaultValue | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function kindOf(schema: JsonObject, ui: JsonObject): FieldKind | null {
  const widget = str(ui['ui:widget']);
  const field = str(ui['ui:field']);
  switch (schema.type) {
    case 'null':
      return field === 'section' ? 'section' : null;
    case 'string': {
      if (schema.format === 'uuid')
        return schema['x-ref'] === 'person' || schema['x-ref'] === 'unit' || schema['x-ref'] === 'file' ? schema['x-ref'] : null;
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return 'datetime';
      if (schema.format !== undefined && !TEXT_FORMATS.includes(String(schema.format))) return null;
      if (schema.oneOf !== undefined) return optionsOf(schema) ? 'choice' : null;
      return widget === 'textarea' ? 'textarea' : 'text';
    }
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'yesno';
    case 'array':
      if (optionsOf(schema.items)) return 'multi';
      return isObject(schema.items) && schema.items.type === 'object' ? 'group' : null;
    case 'object':
      return schema['x-ref'] === 'location' ? 'location' : null;
    default:
      return null;
  }
}

/** One property back into a designer field; null when the designer could not have written it. */
function fieldOf(key: string, schema: unknown, uiSchema: unknown, required: boolean, inGroup: boolean): DesignerField | null {
  if (!isObject(schema)) return null;
  const ui = isObject(uiSchema) ? uiSchema : {};
  const kind = kindOf(schema, ui);
  if (!kind || (inGroup && (kind === 'group' || kind === 'section' || kind === 'location'))) return null;
  const field: DesignerField = { key, kind, label: str(schema.title) ?? key };
  const help = str(ui['ui:help']);
  if (help) field.help = help;
  if (required || (kind === 'location' && strings(schema.required).includes('address'))) field.required = true;
  const defaultValue = defaultOf(schema.default);
  if (defaultValue !== undefined) field.defaultValue = defaultValue;
  const assign = <K extends keyof DesignerField>(name: K, value: DesignerField[K] | undefined) => {
    if (value !== undefined) field[name] = value;
  };
  assign('minimum', num(schema.minimum));
  assign('maximum', num(schema.maximum));
  if (schema.type === 'integer') field.integer = true;
  assign('minLength', num(schema.minLength));
  assign('maxLength', num(schema.maxLength));
  assign('pattern', str(schema.pattern));
  assign('patternMessage', str(schema['x-pattern-message']));
  const format = str(schema.format);
  if (format === 'cn-id-card' || format === 'cn-uscc') field.format = format;
  assign('maxItems', num(schema.maxItems));
  const minItems = num(schema.minItems);
  // A required list was written with minItems ≥ 1; 1 is what "required" alone means.
  if (minItems !== undefined && !(required && minItems === 1)) field.minItems = minItems;
  if (kind === 'choice') field.options = optionsOf(schema);
  if (kind === 'multi') field.options = optionsOf(schema.items);
  if (kind === 'file') field.accept = isObject(ui['ui:options']) && ui['ui:options'].accept === 'any' ? 'any' : 'image';
  if (kind === 'group') {
    const items = schema.items as JsonObject;
    const itemsUi = isObject(ui.items) ? ui.items : {};
    const properties = isObject(items.properties) ? items.properties : {};
    const columnRequired = strings(items.required);
    const columns = orderKeys(Object.keys(properties), itemsUi['ui:order']).map((k) =>
      fieldOf(k, properties[k], itemsUi[k], columnRequired.includes(k), true),
    );
    if (columns.some((c) => c === null)) return null;
    field.columns = columns as DesignerField[];
  }
  return field;
}

function orderKeys(keys: string[], order: unknown): string[] {
  const wanted = strings(order).filter((k) => keys.includes(k));
  return [...wanted, ...keys.filter((k) => !wanted.includes(k))];
}

function conditionOf(ifSchema: unknown): Condition | null {
  if (!isObject(ifSchema) || !isObject(ifSchema.properties)) return null;
  const entries = Object.entries(ifSchema.properties);
  if (entries.length !== 1) return null;
  const [field, test] = entries[0];
  if (!isObject(test)) return null;
  const value = isObject(test.contains) ? test.contains.const : test.const;
  return typeof value === 'string' || typeof value === 'boolean' ? { field, value } : null;
}

/**
 * A stored schema + uiSchema back into the designer's model, or null when it holds anything the
 * designer does not write (then it is edited as JSON). modelToSchema(schemaToModel(x)) gives x
 * back for everything the designer wrote.
 */
export function schemaToModel(schema: JsonObject, uiSchema: JsonObject): DesignerModel | null {
  if (schema.type !== 'object' || !isObject(schema.properties)) return null;
  if (Object.keys(schema).some((k) => !ROOT_KEYS.has(k))) return null;
  const required = strings(schema.required);
  const fields: DesignerField[] = [];
  for (const [key, property] of Object.entries(schema.properties)) {
    const field = fieldOf(key, property, uiSchema[key], required.includes(key), false);
    if (!field) return null;
    fields.push(field);
  }
  for (const branch of Array.isArray(schema.allOf) ? schema.allOf : []) {
    if (!isObject(branch) || !isObject(branch.then) || Object.keys(branch).some((k) => k !== 'if' && k !== 'then')) return null;
    const condition = conditionOf(branch.if);
    if (!condition) return null;
    const thenRequired = strings(branch.then.required);
    const properties = isObject(branch.then.properties) ? branch.then.properties : {};
    for (const [key, property] of Object.entries(properties)) {
      const field = fieldOf(key, property, uiSchema[key], thenRequired.includes(key), false);
      if (!field || fields.some((f) => f.key === key)) return null;
      fields.push({ ...field, showWhen: condition });
    }
    for (const key of thenRequired.filter((k) => !(k in properties))) {
      const field = fields.find((f) => f.key === key);
      if (!field || field.showWhen || field.requireWhen) return null;
      field.requireWhen = condition;
    }
  }
  const order = orderKeys(
    fields.map((f) => f.key),
    uiSchema['ui:order'],
  );
  const model: DesignerModel = {
    title: str(schema.title) ?? '',
    fields: order.map((k) => fields.find((f) => f.key === k) as DesignerField),
  };
  const description = str(schema.description);
  if (description) model.description = description;
  return model;
}
