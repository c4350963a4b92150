/**
 * The answer fields of a form version that lists filter, sort, count and export by — the one field
 * list every results view uses. A field counts wherever the schema defines it: top-level
 * properties, those of a condition's `then`/`else` (the designer keeps a "show when" field only
 * in its `allOf[].then`), of `allOf`/`anyOf`/`oneOf` branches and `dependencies` entries, and of
 * nested objects (dotted, e.g. `address.town`), with local `$ref` resolved. An `if` only tests
 * answers and defines none. A field defined in several branches is listed once (its first
 * definition). A repeating group (an array of objects, kind `group`) is listed itself and so
 * are its rows' fields (`members.relation`, with `group` set): those filter by containment ("any
 * row matches") and are exported one row per group row, but neither sort nor count.
 */
export type FieldKind = 'number' | 'choice' | 'multi' | 'boolean' | 'date' | 'text' | 'file' | 'group' | 'other';

export interface FormField {
  /** Dotted path of property names. */
  name: string;
  path: string[];
  title: string;
  kind: FieldKind;
  /** Allowed values of a choice or multi-choice field, with their labels. */
  options: { value: string; label: string }[];
  /** `date-time` for a date field holding a moment (shown in the county's time zone), else absent. */
  format?: 'date-time';
  /** For a field of a repeating group's rows: the group's path (the array); `path` continues inside a row. */
  group?: string[];
}

type Schema = Record<string, unknown>;

export function formFields(schema: Schema): FormField[] {
  const fields: FormField[] = [];
  const walk = (node: Schema, path: string[], depth: number, group: string[] | undefined): void => {
    for (const [key, raw] of propertiesOf(schema, node)) {
      const property = resolve(schema, raw);
      const here = [...path, key];
      const title = typeof property.title === 'string' ? property.title : key;
      if (property.type === 'object' && propertiesOf(schema, property).length > 0 && depth < 3) {
        walk(property, here, depth + 1, group);
        continue;
      }
      const rows = group ? null : groupRows(schema, property);
      if (rows) {
        fields.push({ name: here.join('.'), path: here, title, kind: 'group', options: [] });
        // Paths inside a row start again at the row; the name stays dotted from the root.
        walk(rows, [], depth + 1, here);
        continue;
      }
      const name = group ? [...group, ...here].join('.') : here.join('.');
      fields.push({ name, path: here, title, ...kindOf(schema, property), ...(group ? { group } : {}) });
    }
  };
  walk(schema, [], 0, undefined);
  return fields;
}

/**
 * The properties a node defines for its answers, in schema order: its own, then those of its
 * `allOf`/`anyOf`/`oneOf` branches, `then`/`else` and schema `dependencies`, recursively.
 */
function propertiesOf(root: Schema, start: Schema): [string, Schema][] {
  const found = new Map<string, Schema>();
  const visit = (raw: unknown, depth: number): void => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || depth > 8) return;
    const node = resolve(root, raw as Schema);
    const own = node.properties;
    if (typeof own === 'object' && own !== null) {
      for (const [key, value] of Object.entries(own as Record<string, unknown>)) {
        if (!found.has(key) && typeof value === 'object' && value !== null) found.set(key, value as Schema);
      }
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[keyword])) for (const branch of node[keyword] as unknown[]) visit(branch, depth + 1);
    }
    visit(node.then, depth + 1);
    visit(node.else, depth + 1);
    const dependencies = node.dependencies;
    if (typeof dependencies === 'object' && dependencies !== null) {
      for (const entry of Object.values(dependencies as Record<string, unknown>)) if (!Array.isArray(entry)) visit(entry, depth + 1);
    }
  };
  visit(start, 0);
  return [...found.entries()];
}

/** The row schema of a repeating group (an array whose items are objects with properties); one level deep only. */
function groupRows(root: Schema, property: Schema): Schema | null {
  if (property.type !== 'array' || !property.items || Array.isArray(property.items)) return null;
  const items = resolve(root, property.items as Schema);
  return items.type === 'object' && propertiesOf(root, items).length > 0 ? items : null;
}

/** A photo or file answer: an uploaded core file's id (the designer's `x-ref: "file"`). */
const isFile = (property: Schema) => property['x-ref'] === 'file';

function kindOf(root: Schema, property: Schema): Pick<FormField, 'kind' | 'options' | 'format'> {
  if (isFile(property)) return { kind: 'file', options: [] };
  const options = optionsOf(property);
  if (options.length > 0) return { kind: 'choice', options };
  if (property.type === 'array' && property.items && !Array.isArray(property.items)) {
    const items = resolve(root, property.items as Schema);
    if (isFile(items)) return { kind: 'file', options: [] };
    const itemOptions = optionsOf(items);
    return itemOptions.length > 0 ? { kind: 'multi', options: itemOptions } : { kind: 'other', options: [] };
  }
  if (property.type === 'number' || property.type === 'integer') return { kind: 'number', options: [] };
  if (property.type === 'boolean')
    return {
      kind: 'boolean',
      options: [
        { value: 'true', label: '是' },
        { value: 'false', label: '否' },
      ],
    };
  if (property.type === 'string' && property.format === 'date-time') return { kind: 'date', options: [], format: 'date-time' };
  if (property.type === 'string' && property.format === 'date') return { kind: 'date', options: [] };
  if (property.type === 'string') return { kind: 'text', options: [] };
  return { kind: 'other', options: [] };
}

/** `enum` (labelled by rjsf's `enumNames` when present) or a `oneOf` of `const`s with titles. */
function optionsOf(property: Schema): { value: string; label: string }[] {
  if (Array.isArray(property.enum)) {
    const names = Array.isArray(property.enumNames) ? property.enumNames : [];
    return property.enum
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .map((v, i) => ({ value: String(v), label: typeof names[i] === 'string' ? names[i] : String(v) }));
  }
  if (Array.isArray(property.oneOf) && property.oneOf.every((o) => typeof o === 'object' && o !== null && 'const' in o)) {
    return (property.oneOf as Schema[]).map((o) => ({
      value: String(o.const),
      label: typeof o.title === 'string' ? o.title : String(o.const),
    }));
  }
  return [];
}

function resolve(root: Schema, node: Schema): Schema {
  let current = node;
  for (let i = 0; i < 10 && typeof current.$ref === 'string' && current.$ref.startsWith('#'); i++) {
    let target: unknown = root;
    for (const token of current.$ref.slice(1).split('/').slice(1)) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      target = typeof target === 'object' && target !== null ? (target as Schema)[key] : undefined;
    }
    if (typeof target !== 'object' || target === null) break;
    current = { ...(target as Schema), ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}
