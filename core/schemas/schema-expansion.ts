/**
 * How many schema nodes validating one value may visit: the schema's nodes with every local
 * `$ref` replaced by what it points to. Twenty definitions, each an `allOf` of two references to
 * the one before, are 1.7 KB of text but expand to a million nodes, and ajv walks them all for
 * every answer. Each target's count is memoised, so this costs one pass over the text whatever
 * the expansion. A reference back into a node still being counted (recursion through
 * `properties` or `items`, which consumes a level of the data each time) counts once: loops that
 * do not descend into the data are refused separately (schema-ref-loop.ts).
 *
 * Counting stops at `limit + 1`: the caller only needs to know whether the limit is passed.
 */
export function expandedSize(schema: unknown, limit: number): number {
  const memo = new Map<unknown, number>();
  const counting = new Set<unknown>();

  const count = (node: unknown, depth: number): number => {
    if (typeof node !== 'object' || node === null || depth > 200) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (counting.has(node)) return 1;
    counting.add(node);
    let total = 1;
    const children = Array.isArray(node)
      ? node
      : Object.entries(node)
          .filter(([key]) => !DATA_KEYWORDS.has(key))
          .map(([, value]) => value);
    for (const child of children) {
      total = Math.min(limit + 1, total + count(child, depth + 1));
      if (total > limit) break;
    }
    const ref = Array.isArray(node) ? undefined : (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && total <= limit) {
      const target = resolveLocalRef(schema, ref);
      if (target !== undefined) total = Math.min(limit + 1, total + count(target, depth + 1));
    }
    counting.delete(node);
    memo.set(node, total);
    return total;
  };
  return count(schema, 0);
}

// Values, not schemas: their content is compared as a whole, never walked by the validator.
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(ref.slice(1));
  } catch {
    path = ref.slice(1);
  }
  if (path === '' || path === '/') return root;
  // `#name` is an anchor, not a pointer: ajv resolves it by `$id`, which tenant schemas may not set absolutely.
  if (!path.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const token of path
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
