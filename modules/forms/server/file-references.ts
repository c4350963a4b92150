/**
 * Where a form's answers name uploaded files. A file field is a string with `format: "uuid"` and
 * the annotation `"x-ref": "file"` (the designer's photo/file widget writes both); the answer is
 * the id of a core file. The schema is walked alongside the data through properties, items,
 * additionalProperties, local $ref and every branch of allOf/anyOf/oneOf/if/then/else.
 */
export interface FileReference {
  path: string;
  id: string;
}

export function fileReferences(schema: Record<string, unknown>, data: unknown, basePath: string): FileReference[] {
  const found = new Map<string, FileReference>();
  const visit = (node: unknown, value: unknown, path: string, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > 64) return;
    const s = node as Record<string, unknown>;
    if (typeof s.$ref === 'string') visit(resolveLocal(schema, s.$ref), value, path, depth + 1);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      if (Array.isArray(s[key])) for (const branch of s[key] as unknown[]) visit(branch, value, path, depth + 1);
    }
    for (const key of ['then', 'else']) if (key in s) visit(s[key], value, path, depth + 1);
    if (s['x-ref'] === 'file' && typeof value === 'string') found.set(path, { path, id: value });
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const itemSchema = Array.isArray(s.items) ? (s.items as unknown[])[i] ?? s.additionalItems : s.items;
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
