// Pure JSON Schema logic without imports, shared by the browser (admin-ui's schema form) and the
// server: the forms module's server runs the very same rules
// (modules/forms/server/submission-data.ts), so browser and server agree on what is hidden.

type Schema = Record<string, unknown>;
/** Whether `value` passes `schema` (a condition's `if`), decided by the caller's validator. */
export type ConditionCheck = (schema: Schema, value: unknown) => boolean;
export type AnswerPath = (string | number)[];

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

// A `$ref` chain that never descends into the data is refused when a schema is saved; this only
// stops a walk over a schema that skipped that check.
const MAX_REF_HOPS = 64;

function refTarget(root: Schema, ref: string): Schema | null {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return null;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return isObject(node) ? node : null;
}

interface Parts {
  /** Schemas that apply to the value: their `properties` are asked. */
  shown: Schema[];
  /** Schemas of branches not taken and dependencies not triggered: their `properties` are not asked. */
  hidden: Schema[];
}

/** Every schema under `node` that could apply, whatever the data: a branch not taken, whole. */
function everyBranch(node: unknown, root: Schema, into: Schema[], hops: number): void {
  if (!isObject(node) || hops > MAX_REF_HOPS) return;
  into.push(node);
  if (typeof node.$ref === 'string') everyBranch(refTarget(root, node.$ref), root, into, hops + 1);
  if (Array.isArray(node.allOf)) node.allOf.forEach((part) => everyBranch(part, root, into, hops + 1));
  everyBranch(node.then, root, into, hops + 1);
  everyBranch(node.else, root, into, hops + 1);
  if (isObject(node.dependencies)) Object.values(node.dependencies).forEach((dependency) => everyBranch(dependency, root, into, hops + 1));
}

/** Splits the schemas describing `value` into those that apply to it and those its conditions rule out. */
function partsFor(node: unknown, value: unknown, root: Schema, check: ConditionCheck, parts: Parts, hops = 0): Parts {
  if (!isObject(node) || hops > MAX_REF_HOPS) return parts;
  parts.shown.push(node);
  if (typeof node.$ref === 'string') partsFor(refTarget(root, node.$ref), value, root, check, parts, hops + 1);
  if (Array.isArray(node.allOf)) node.allOf.forEach((part) => partsFor(part, value, root, check, parts, hops + 1));
  if (isObject(node.if) || typeof node.if === 'boolean') {
    const holds = typeof node.if === 'boolean' ? node.if : check(node.if, value);
    partsFor(holds ? node.then : node.else, value, root, check, parts, hops + 1);
    everyBranch(holds ? node.else : node.then, root, parts.hidden, hops + 1);
  }
  if (isObject(node.dependencies)) {
    for (const [trigger, dependency] of Object.entries(node.dependencies)) {
      if (!isObject(dependency)) continue;
      if (isObject(value) && value[trigger] !== undefined) partsFor(dependency, value, root, check, parts, hops + 1);
      else everyBranch(dependency, root, parts.hidden, hops + 1);
    }
  }
  return parts;
}

const propertiesOf = (schema: Schema): Schema => (isObject(schema.properties) ? schema.properties : {});

function walk(node: unknown, value: unknown, path: AnswerPath, root: Schema, check: ConditionCheck, found: Map<string, AnswerPath>): void {
  if (!isObject(value) && !Array.isArray(value)) return;
  const { shown, hidden } = partsFor(node, value, root, check, { shown: [], hidden: [] });
  if (Array.isArray(value)) {
    for (const part of shown) {
      if (isObject(part.items)) value.forEach((item, i) => walk(part.items, item, [...path, i], root, check, found));
      else if (Array.isArray(part.items))
        part.items.forEach((itemSchema, i) => i < value.length && walk(itemSchema, value[i], [...path, i], root, check, found));
    }
    return;
  }
  const asked = new Set(shown.flatMap((part) => Object.keys(propertiesOf(part))));
  const conditional = new Set(hidden.flatMap((part) => Object.keys(propertiesOf(part))));
  for (const key of Object.keys(value)) {
    if (value[key] === undefined) continue;
    if (!asked.has(key)) {
      if (conditional.has(key)) found.set(JSON.stringify([...path, key]), [...path, key]);
      continue;
    }
    for (const part of shown) {
      const fieldSchema = propertiesOf(part)[key];
      if (fieldSchema !== undefined) walk(fieldSchema, value[key], [...path, key], root, check, found);
    }
  }
}

/**
 * Answers to fields that only a condition not met asks for: a property that only the branch not
 * taken of an `if`/`then`/`else` defines, or only a schema `dependencies` entry whose trigger is
 * unanswered. RJSF hides such fields but keeps what was typed in them. Found through nested
 * objects, arrays (repeating groups), `allOf` and local `$ref`s.
 */
export function hiddenAnswerPaths(root: Schema, data: unknown, check: ConditionCheck): AnswerPath[] {
  const found = new Map<string, AnswerPath>();
  walk(root, data, [], root, check, found);
  return [...found.values()];
}

/** A copy of `data` without its hidden answers (see hiddenAnswerPaths); `data` itself when there are none. */
export function withoutHiddenAnswers<T>(root: Schema, data: T, check: ConditionCheck): T {
  const paths = hiddenAnswerPaths(root, data, check);
  if (paths.length === 0) return data;
  const copy = structuredClone(data);
  for (const path of paths) {
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1))
      parent = isObject(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>)[segment] : undefined;
    if (isObject(parent)) delete parent[path[path.length - 1] as string];
  }
  return copy;
}
