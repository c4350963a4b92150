/**
 * Where a form's answers name records of the tenant: uploaded files, people of the directory,
 * units of the tree. Such a field is a string with `format: "uuid"` and the annotation
 * `"x-ref": "file" | "person" | "unit"` (the designer's file, person and unit widgets write both);
 * the answer is the record's id. The schema is walked alongside the data through properties,
 * items, additionalProperties, local $ref and every branch of allOf/anyOf/oneOf/if/then/else.
 */
export const REFERENCE_KINDS = ['file', 'person', 'unit'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Reference {
  kind: ReferenceKind;
  path: string;
  id: string;
}

const isKind = (value: unknown): value is ReferenceKind =>
  typeof value === 'string' && (REFERENCE_KINDS as readonly string[]).includes(value);

export function schemaReferences(schema: Record<string, unknown>, data: unknown, basePath: string): Reference[] {
  const found = new Map<string, Reference>();
  const visit = (node: unknown, value: unknown, path: string, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > 64) return;
    const s = node as Record<string, unknown>;
    if (typeof s.$ref === 'string') visit(resolveLocal(schema, s.$ref), value, path, depth + 1);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      if (Array.isArray(s[key])) for (const branch of s[key] as unknown[]) visit(branch, value, path, depth + 1);
    }
    for (const key of ['then', 'else']) if (key in s) visit(s[key], value, path, depth + 1);
    const kind = s['x-ref'];
    if (isKind(kind) && typeof value === 'string') found.set(path, { kind, path, id: value });
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const itemSchema = Array.isArray(s.items) ? ((s.items as unknown[])[i] ?? s.additionalItems) : s.items;
        visit(itemSchema, item, `${path}[${i}]`, depth + 1);
      });
    } else if (typeof value === 'object' && value !== null) {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) {
        visit(Object.hasOwn(properties, key) ? properties[key] : s.additionalProperties, item, `${path}.${key}`, depth + 1);
      }
    }
  };
  visit(schema, data, basePath, 0);
  return [...found.values()];
}

function resolveLocal(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
