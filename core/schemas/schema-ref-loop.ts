/**
 * Finds a `$ref` loop that never descends into the data: `{"$ref": "#"}`, or definitions that
 * reach each other only through `$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
 * Validating anything against such a schema recurses forever. Recursion through `properties`
 * or `items` (a tree of family members) is legitimate: each step consumes a level of the data,
 * and the data's depth is bounded separately.
 */
export function findRefLoop(schema: unknown): string | null {
  const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'];
  const IN_PLACE_ONE = ['not', 'if', 'then', 'else'];
  const state = new Map<string, 'visiting' | 'done'>();

  const visit = (pointer: string, node: unknown, depth: number): string | null => {
    if (typeof node !== 'object' || node === null || depth > 200) return null;
    const seen = state.get(pointer);
    if (seen === 'visiting') return pointer;
    if (seen === 'done') return null;
    state.set(pointer, 'visiting');
    const record = node as Record<string, unknown>;
    const next: [string, unknown][] = [];
    if (typeof record.$ref === 'string' && record.$ref.startsWith('#')) {
      const target = resolvePointer(schema, record.$ref);
      if (target !== undefined) next.push([refPointer(record.$ref), target]);
    }
    for (const key of IN_PLACE_LISTS) {
      const list = record[key];
      if (Array.isArray(list)) list.forEach((item, i) => next.push([`${pointer}/${key}/${i}`, item]));
    }
    for (const key of IN_PLACE_ONE) if (key in record) next.push([`${pointer}/${key}`, record[key]]);
    for (const [childPointer, child] of next) {
      const loop = visit(childPointer, child, depth + 1);
      if (loop) return loop;
    }
    state.set(pointer, 'done');
    return null;
  };

  // Every subschema may start a loop, not only the root: walk them all.
  const starts: [string, unknown][] = [];
  const collect = (pointer: string, node: unknown, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > 64) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => collect(`${pointer}/${i}`, item, depth + 1));
      return;
    }
    starts.push([pointer, node]);
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples')
        collect(`${pointer}/${escapeToken(key)}`, value, depth + 1);
    }
  };
  collect('#', schema, 0);
  for (const [pointer, node] of starts) {
    const loop = visit(pointer, node, 0);
    if (loop) return loop;
  }
  return null;
}

function refPointer(ref: string): string {
  const path = safeDecode(ref.slice(1));
  if (path === '' || path === '/') return '#';
  return `#${path
    .split('/')
    .map((t) => escapeToken(decodeToken(t)))
    .join('/')}`;
}

function resolvePointer(root: unknown, ref: string): unknown {
  const path = safeDecode(ref.slice(1));
  if (path === '' || path === '/') return root;
  let node: unknown = root;
  for (const token of path.split('/').slice(1).map(decodeToken)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

const decodeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');
const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
