import type { JsonObject } from './model-to-schema';

export type ParsedImport =
  | { ok: true; schema: JsonObject; uiSchema: JsonObject; fromBundle: boolean }
  | { ok: false; problem: 'schemaNotJson' | 'uiNotJson' | 'notObject' };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * What an admin pasted or uploaded: a schema (and a uiSchema in the second box), or one file
 * holding both as `{ "schema": …, "uiSchema": … }` (the shape the playground and our export use).
 */
export function parseImport(schemaText: string, uiText: string): ParsedImport {
  const schema = parse(schemaText);
  if (!schema.ok) return { ok: false, problem: 'schemaNotJson' };
  if (!isObject(schema.value)) return { ok: false, problem: 'notObject' };
  if (isObject(schema.value.schema) && !('type' in schema.value)) {
    const ui = schema.value.uiSchema;
    return { ok: true, schema: schema.value.schema, uiSchema: isObject(ui) ? ui : {}, fromBundle: true };
  }
  if (!uiText.trim()) return { ok: true, schema: schema.value, uiSchema: {}, fromBundle: false };
  const ui = parse(uiText);
  if (!ui.ok) return { ok: false, problem: 'uiNotJson' };
  if (!isObject(ui.value)) return { ok: false, problem: 'notObject' };
  return { ok: true, schema: schema.value, uiSchema: ui.value, fromBundle: false };
}
