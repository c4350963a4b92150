import type { DesignerField, DesignerModel } from '../designer/designer-model';
import { modelToSchema, type JsonObject, type SchemaTexts } from '../designer/model-to-schema';
import { modelProblems, type ModelProblem } from '../designer/model-ops';
import { schemaToModel } from '../designer/schema-to-model';
import { CUSTOM_FIELD_CAPABILITIES } from './custom-field-capabilities';

/**
 * A record type's custom fields as core stores them (core/custom-fields/custom-field-fragment.ts):
 * `{ type: 'object', properties, required?, additionalProperties: false }` (plus anything else a
 * tenant wrote, e.g. `allOf` of "required when") and a uiSchema whose `ui:order` keeps the order.
 */
export interface Fragment {
  schema: JsonObject;
  uiSchema: JsonObject;
}

export type FragmentDraft = { kind: 'model'; model: DesignerModel } | { kind: 'json'; fragment: Fragment };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with keys sorted: two schemas mean the same when these are equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

// The list editor (admin-ui/src/pages/custom-fields) writes choices as `enum`; the designer as
// `oneOf` of `const` + title. Both accept the same answers.
function enumAsOneOf(node: JsonObject): JsonObject {
  if (node.type !== 'string' || !Array.isArray(node.enum) || node.oneOf !== undefined || !node.enum.every((v) => typeof v === 'string'))
    return node;
  const { enum: values, ...rest } = node;
  return { ...rest, oneOf: (values as string[]).map((v) => ({ const: v, title: v })) };
}

function normalizeProperty(property: unknown): unknown {
  if (!isObject(property)) return property;
  const node = enumAsOneOf(property);
  return isObject(node.items) ? { ...node, items: enumAsOneOf(node.items) } : node;
}

/** The stored fragment with choices spelled the designer's way, and without the root's `additionalProperties` (always false). */
function normalize(schema: JsonObject): JsonObject {
  const { additionalProperties: _always, ...rest } = schema;
  const properties = isObject(rest.properties)
    ? Object.fromEntries(Object.entries(rest.properties).map(([k, v]) => [k, normalizeProperty(v)]))
    : rest.properties;
  return { ...rest, properties };
}

const fieldNames = (schema: JsonObject) => (isObject(schema.properties) ? Object.keys(schema.properties) : []);

/** uiSchema keys that are not about one field (kept as they were). */
const otherUi = (uiSchema: JsonObject, names: string[]) =>
  Object.fromEntries(Object.entries(uiSchema).filter(([key]) => key !== 'ui:order' && !names.includes(key)));

/** The fragment and uiSchema the PUT expects, from the designer's model. */
export function modelToFragment(model: DesignerModel, texts: SchemaTexts, previous: Fragment): Fragment {
  const built = modelToSchema({ ...model, title: '', description: undefined }, texts);
  // Custom fields refuse unknown values by additionalProperties; the form's propertyNames is not needed.
  const { propertyNames: _names, ...schema } = built.schema;
  return {
    schema: { ...schema, additionalProperties: false },
    uiSchema: { ...otherUi(previous.uiSchema, fieldNames(previous.schema)), ...built.uiSchema },
  };
}

/** Every per-field uiSchema entry the stored fragment had is still there after the designer rewrote it. */
function keepsUi(stored: JsonObject, rebuilt: JsonObject, names: string[]): boolean {
  return names.every((name) => {
    const before = isObject(stored[name]) ? stored[name] : {};
    const after = isObject(rebuilt[name]) ? rebuilt[name] : {};
    return Object.keys(before).every((key) => canonical(before[key]) === canonical(after[key]));
  });
}

const allowed = (fields: DesignerField[], kinds: readonly string[]) => fields.every((f) => kinds.includes(f.kind));

/**
 * The stored fields as the designer's model when the designer can edit them without losing
 * anything (what it would save means the same as what is stored), else as JSON to edit by hand.
 */
export function fragmentToDraft(fragment: Fragment, texts: SchemaTexts): FragmentDraft {
  const schema = normalize(fragment.schema);
  const names = fieldNames(schema);
  if (names.length === 0) return { kind: 'model', model: { title: '', fields: [] } };
  const model = schemaToModel(schema, fragment.uiSchema);
  const json: FragmentDraft = { kind: 'json', fragment };
  if (!model) return json;
  const { columnKinds, kinds, conditions } = CUSTOM_FIELD_CAPABILITIES;
  if (!allowed(model.fields, kinds) || !model.fields.every((f) => allowed(f.columns ?? [], columnKinds))) return json;
  if (model.fields.some((f) => (f.showWhen && !conditions.includes('show')) || (f.requireWhen && !conditions.includes('require'))))
    return json;
  const rebuilt = modelToFragment(model, texts, fragment);
  if (canonical(normalize(rebuilt.schema)) !== canonical(schema) || !keepsUi(fragment.uiSchema, rebuilt.uiSchema, names)) return json;
  return { kind: 'model', model };
}

/** What keeps the model from being saved; no fields at all is fine for custom fields. */
export function fragmentProblems(model: DesignerModel): ModelProblem[] {
  return modelProblems(model).filter((p) => p.kind !== 'noFields');
}

/**
 * The field a server problem is about: `body.schema.properties.householdSize.minimum` and
 * `body.uiSchema.householdSize…` → `householdSize`; a problem of the whole set → null.
 */
export function fieldOfProblem(path: string): string | null {
  const match = /^body\.(?:schema\.properties|uiSchema)\.([A-Za-z][A-Za-z0-9_]*)(?=$|[.[])/.exec(path);
  return match ? match[1] : null;
}
