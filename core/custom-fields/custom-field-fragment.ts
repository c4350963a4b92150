import { checkTenantSchema, compileTenantSchema, TenantSchemaError } from '../schemas/tenant-schema-guard.ts';
import type { ErrorDetail } from '../http/errors.ts';

/**
 * A tenant's custom fields of one record type: a JSON Schema object fragment
 * `{ type: 'object', properties, required }`, validated on the server under the record's `custom`
 * property and served to the browser inside the record type's schema.
 */
export type FieldFragment = Record<string, unknown> & {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  additionalProperties: false;
};

export const MAX_CUSTOM_FIELDS = 200;

/** Field names become JSON keys, API paths (`body.custom.householdSize`) and column-like names in exports. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** No fields: what a record type has until a tenant admin adds some. */
export const EMPTY_FRAGMENT: FieldFragment = { type: 'object', properties: {}, additionalProperties: false };

/**
 * Checks an untrusted fragment and its uiSchema (size, depth, references, `$data`, regexes, shape,
 * field names, a schema ajv compiles) and returns what to store: unknown fields are always refused
 * (`additionalProperties: false`) and the field order is kept in `ui:order`, because PostgreSQL's
 * jsonb does not keep key order. Throws `TenantSchemaError` naming every problem's path.
 */
export function prepareFragment(
  schema: unknown,
  uiSchema: unknown,
  path = 'body',
): { schema: FieldFragment; uiSchema: Record<string, unknown> } {
  const problems = [...checkTenantSchema(schema, `${path}.schema`), ...checkTenantSchema(uiSchema, `${path}.uiSchema`)];
  if (problems.length > 0) throw new TenantSchemaError(problems);
  const fragment = schema as Record<string, unknown>;
  const ui = uiSchema as Record<string, unknown>;
  problems.push(...checkShape(fragment, `${path}.schema`));
  if (problems.length > 0) throw new TenantSchemaError(problems);
  const properties = fragment.properties as Record<string, Record<string, unknown>>;
  problems.push(...checkOrder(ui['ui:order'], Object.keys(properties), `${path}.uiSchema.ui:order`));
  if (problems.length > 0) throw new TenantSchemaError(problems);
  const normalized = { ...fragment, additionalProperties: false } as FieldFragment;
  compileTenantSchema(normalized, `${path}.schema`);
  const order = ui['ui:order'] ?? Object.keys(properties);
  return { schema: normalized, uiSchema: { ...ui, 'ui:order': order } };
}

function checkShape(fragment: Record<string, unknown>, at: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (fragment.type !== 'object') problems.push({ path: `${at}.type`, message: 'must be "object"' });
  const properties = fragment.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    problems.push({ path: `${at}.properties`, message: 'must be an object of fields' });
    return problems;
  }
  const names = Object.keys(properties);
  if (names.length > MAX_CUSTOM_FIELDS) problems.push({ path: `${at}.properties`, message: `has more than ${MAX_CUSTOM_FIELDS} fields` });
  for (const [name, field] of Object.entries(properties)) {
    if (!FIELD_NAME.test(name))
      problems.push({
        path: `${at}.properties.${name}`,
        message: 'field names are letters, digits and _, starting with a letter (at most 64)',
      });
    if (typeof field !== 'object' || field === null || Array.isArray(field))
      problems.push({ path: `${at}.properties.${name}`, message: 'must be a JSON Schema object' });
  }
  const required = fragment.required;
  if (required !== undefined) {
    if (!Array.isArray(required)) problems.push({ path: `${at}.required`, message: 'must be an array of field names' });
    else {
      required.forEach((name, i) => {
        if (typeof name !== 'string' || !names.includes(name))
          problems.push({ path: `${at}.required[${i}]`, message: 'must name a field of properties' });
      });
      if (new Set(required).size !== required.length) problems.push({ path: `${at}.required`, message: 'names a field twice' });
    }
  }
  if (fragment.additionalProperties !== undefined && fragment.additionalProperties !== false) {
    problems.push({ path: `${at}.additionalProperties`, message: 'must be false (records accept only the declared custom fields)' });
  }
  return problems;
}

/** rjsf refuses a `ui:order` that names a missing field or leaves one out without `*`. */
function checkOrder(order: unknown, names: string[], at: string): ErrorDetail[] {
  if (order === undefined) return [];
  if (!Array.isArray(order) || order.some((n) => typeof n !== 'string')) return [{ path: at, message: 'must be an array of field names' }];
  const problems: ErrorDetail[] = [];
  order.forEach((name: string, i) => {
    if (name !== '*' && !names.includes(name))
      problems.push({ path: `${at}[${i}]`, message: 'must name a field of schema.properties or be "*"' });
  });
  if (!order.includes('*')) {
    for (const name of names)
      if (!order.includes(name)) problems.push({ path: at, message: `leaves out the field "${name}" (add it, or "*")` });
  }
  return problems;
}

/**
 * The schema served to the browser: the record type's own schema with the fragment as its
 * `custom` property (required when the fragment requires a field). The fragment's local `$ref`s
 * are re-rooted under `#/properties/custom`, so they resolve the same in ajv and in rjsf.
 */
export function effectiveSchema(base: Record<string, unknown>, fragment: Record<string, unknown>, uiSchema: Record<string, unknown>) {
  const baseProperties = (base.properties ?? {}) as Record<string, unknown>;
  const baseRequired = Array.isArray(base.required) ? (base.required as string[]) : [];
  const fragmentRequired = Array.isArray(fragment.required) ? fragment.required : [];
  const schema: Record<string, unknown> = {
    ...base,
    properties: { ...baseProperties, custom: rerootRefs(fragment, '#/properties/custom') },
  };
  if (fragmentRequired.length > 0) schema.required = [...new Set([...baseRequired, 'custom'])];
  return { schema, uiSchema: { custom: uiSchema } };
}

/** Keywords whose values are data, not schemas: a `$ref` key inside them is not a reference. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

export function rerootRefs(node: unknown, root: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rerootRefs(item, root));
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // JSON pointers ('#', '#/…') move with the fragment; anchors ('#name') resolve anywhere.
    if (key === '$ref' && typeof value === 'string' && (value === '#' || value.startsWith('#/'))) copy[key] = `${root}${value.slice(1)}`;
    else copy[key] = DATA_KEYWORDS.has(key) ? value : rerootRefs(value, root);
  }
  return copy;
}
