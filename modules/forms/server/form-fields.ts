/**
 * The answer fields of a form version that lists filter, sort, count and export by: top-level
 * properties and the properties of nested objects (dotted, e.g. `address.town`), with local
 * `$ref` resolved. A repeating group (an array of objects, kind `group`) is listed itself and so
 * are its rows' fields (`members.relation`, with `group` set): those filter by containment ("any
 * row matches") and are exported one row per group row, but neither sort nor count.
 */
export type FieldKind = 'number' | 'choice' | 'multi' | 'boolean' | 'date' | 'text' | 'group' | 'other';

export interface FormField {
  /** Dotted path of property names. */
  name: string;
  path: string[];
  title: string;
  kind: FieldKind;
  /** Allowed values of a choice or multi-choice field, with their labels. */
  options: { value: string; label: string }[];
  /** For a field of a repeating group's rows: the group's path (the array); `path` continues inside a row. */
  group?: string[];
}

type Schema = Record<string, unknown>;

export function formFields(schema: Schema): FormField[] {
  const fields: FormField[] = [];
  const walk = (node: Schema, path: string[], depth: number, group: string[] | undefined): void => {
    const properties = (resolve(schema, node).properties ?? {}) as Record<string, Schema>;
    for (const [key, raw] of Object.entries(properties)) {
      const property = resolve(schema, raw);
      const here = [...path, key];
      const title = typeof property.title === 'string' ? property.title : key;
      if (property.type === 'object' && property.properties && depth < 3) {
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

/** The row schema of a repeating group (an array whose items are objects with properties); one level deep only. */
function groupRows(root: Schema, property: Schema): Schema | null {
  if (property.type !== 'array' || !property.items || Array.isArray(property.items)) return null;
  const items = resolve(root, property.items as Schema);
  return items.type === 'object' && items.properties ? items : null;
}

function kindOf(root: Schema, property: Schema): Pick<FormField, 'kind' | 'options'> {
  const options = optionsOf(property);
  if (options.length > 0) return { kind: 'choice', options };
  if (property.type === 'array' && property.items && !Array.isArray(property.items)) {
    const itemOptions = optionsOf(resolve(root, property.items as Schema));
    return itemOptions.length > 0 ? { kind: 'multi', options: itemOptions } : { kind: 'other', options: [] };
  }
  if (property.type === 'number' || property.type === 'integer') return { kind: 'number', options: [] };
  if (property.type === 'boolean') return { kind: 'boolean', options: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] };
  if (property.type === 'string' && (property.format === 'date' || property.format === 'date-time')) return { kind: 'date', options: [] };
  if (property.type === 'string') return { kind: 'text', options: [] };
  return { kind: 'other', options: [] };
}

/** `enum` (labelled by rjsf's `enumNames` when present) or a `oneOf` of `const`s with titles. */
function optionsOf(property: Schema): { value: string; label: string }[] {
  if (Array.isArray(property.enum)) {
    const names = Array.isArray(property.enumNames) ? property.enumNames : [];
    return property.enum.filter((v) => typeof v === 'string' || typeof v === 'number').map((v, i) => ({ value: String(v), label: typeof names[i] === 'string' ? names[i] : String(v) }));
  }
  if (Array.isArray(property.oneOf) && property.oneOf.every((o) => typeof o === 'object' && o !== null && 'const' in o)) {
    return (property.oneOf as Schema[]).map((o) => ({ value: String(o.const), label: typeof o.title === 'string' ? o.title : String(o.const) }));
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
