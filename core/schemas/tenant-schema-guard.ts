import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { createAjv } from './ajv.ts';
import { expandedSize } from './schema-expansion.ts';
import { findRefLoop } from './schema-ref-loop.ts';
import { tenantRegExp, unsupportedPatternFeature } from './tenant-regexp.ts';
import type { ErrorDetail } from '../http/errors.ts';

/**
 * Tenant-authored schemas (forms, custom fields, module configs) are untrusted input:
 * bounded size and depth, bounded size with every `$ref` followed, local `$ref` only and never in
 * a loop, no `$data` or `$async`, no dynamic references, and short regex patterns that RE2 can
 * run (tenant-regexp.ts: linear time, so no pattern can be catastrophic). They are compiled in
 * their own ajv instance, never added to fastify's route schemas, and cached by content hash.
 */
export const SCHEMA_LIMITS = {
  maxBytes: 256 * 1024,
  maxDepth: 24,
  maxNodes: 5_000,
  /** Nodes with every `$ref` replaced by its target: what validating one value may walk. */
  maxExpandedNodes: 50_000,
  maxPatternLength: 512,
  maxCachedValidators: 500,
  /** Total schema text (UTF-16 units) behind the cached validators. */
  maxCachedSchemaChars: 16 * 1024 * 1024,
};

// `$async` makes ajv return a Promise, which a caller testing the result for truth takes as valid.
const FORBIDDEN_KEYWORDS = new Set(['$data', '$async', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor']);

export function checkTenantSchema(schema: unknown, path = 'schema'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch {
    // JSON.stringify throws on cycles, BigInt, and nesting deep enough to exhaust the stack.
    return [{ path, message: `is not plain JSON, or is nested far deeper than ${SCHEMA_LIMITS.maxDepth} levels` }];
  }
  if (text === undefined || typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [{ path, message: 'must be a JSON object' }];
  }
  if (Buffer.byteLength(text) > SCHEMA_LIMITS.maxBytes) {
    return [{ path, message: `is larger than ${SCHEMA_LIMITS.maxBytes} bytes` }];
  }
  let nodes = 0;
  const visit = (node: unknown, at: string, depth: number): void => {
    if (problems.length > 20) return;
    if (++nodes > SCHEMA_LIMITS.maxNodes) {
      if (nodes === SCHEMA_LIMITS.maxNodes + 1) problems.push({ path, message: `has more than ${SCHEMA_LIMITS.maxNodes} nodes` });
      return;
    }
    if (depth > SCHEMA_LIMITS.maxDepth) {
      problems.push({ path: at, message: `is nested deeper than ${SCHEMA_LIMITS.maxDepth} levels` });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`, depth + 1));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}.${key}`;
      if (FORBIDDEN_KEYWORDS.has(key)) problems.push({ path: here, message: `"${key}" is not allowed` });
      if ((key === '$ref' || key === '$schema' || key === '$id') && typeof value === 'string') checkReference(key, value, here, problems);
      if (key === 'pattern' && typeof value === 'string') checkPattern(value, here, problems);
      if (key === 'patternProperties' && value && typeof value === 'object') {
        for (const pattern of Object.keys(value)) checkPattern(pattern, `${here}.${pattern}`, problems);
      }
      visit(value, here, depth + 1);
    }
  };
  visit(schema, path, 0);
  if (problems.length === 0) {
    const loop = findRefLoop(schema);
    if (loop)
      problems.push({
        path: `${path}${loop.slice(1).replace(/\//g, '.')}`,
        message: 'refers to itself without descending into the data ($ref loop)',
      });
  }
  if (problems.length === 0 && expandedSize(schema, SCHEMA_LIMITS.maxExpandedNodes) > SCHEMA_LIMITS.maxExpandedNodes) {
    problems.push({
      path,
      message: `expands to more than ${SCHEMA_LIMITS.maxExpandedNodes} nodes when its $refs are followed (references that each repeat the one before double at every level); share fewer definitions`,
    });
  }
  return problems;
}

function checkReference(key: string, value: string, at: string, problems: ErrorDetail[]): void {
  if (key === '$ref' && !value.startsWith('#')) problems.push({ path: at, message: 'only local references ("#/...") are allowed' });
  if (key === '$id' && /^[a-z]+:/i.test(value)) problems.push({ path: at, message: 'absolute $id is not allowed' });
  if (key === '$schema' && !KNOWN_DRAFTS.has(value.replace(/#$/, ''))) problems.push({ path: at, message: 'unknown $schema dialect' });
}

const KNOWN_DRAFTS = new Set(['http://json-schema.org/draft-07/schema', 'https://json-schema.org/draft-07/schema']);

function checkPattern(pattern: string, at: string, problems: ErrorDetail[]): void {
  if (pattern.length > SCHEMA_LIMITS.maxPatternLength) {
    problems.push({ path: at, message: `pattern is longer than ${SCHEMA_LIMITS.maxPatternLength} characters` });
    return;
  }
  try {
    new RegExp(pattern, 'u');
  } catch {
    problems.push({ path: at, message: 'pattern is not a valid regular expression' });
    return;
  }
  const unsupported = unsupportedPatternFeature(pattern);
  if (unsupported) {
    problems.push({
      path: at,
      message: `pattern ${unsupported}: patterns run on a linear-time engine (RE2) without backreferences or lookaround; rewrite it without them`,
    });
    return;
  }
  try {
    tenantRegExp(pattern);
  } catch (error) {
    problems.push({ path: at, message: `pattern cannot run on the linear-time engine (RE2): ${(error as Error).message}` });
  }
}

const tenantAjv = createAjv('tenant');

/**
 * Compiled validators by schema hash, bounded in number and in schema text. ajv keeps its own
 * registry of every schema it compiled: an evicted validator leaves it too (`removeSchema`), or
 * that registry would grow with every schema ever seen.
 */
const validators = new LRUCache<string, { validate: ValidateFunction; compiled: object }>({
  max: SCHEMA_LIMITS.maxCachedValidators,
  maxSize: SCHEMA_LIMITS.maxCachedSchemaChars,
  sizeCalculation: (_value, key) => Math.max(1, schemaChars.get(key) ?? 1),
  dispose: (entry, key) => {
    tenantAjv.removeSchema(entry.compiled);
    schemaChars.delete(key);
  },
});
// Text length of each cached schema, known when it is added (sizeCalculation sees only the key and value).
const schemaChars = new Map<string, number>();

/** How many schemas the tenant ajv holds in its own registry (for tests of the bound). */
export function tenantAjvRegistrySize(): number {
  return (tenantAjv as unknown as { _cache: Map<unknown, unknown> })._cache.size;
}

/**
 * Checks and compiles a tenant-authored schema; the same schema text gives the same cached
 * validator. Throws `TenantSchemaError` with every problem found.
 */
export function compileTenantSchema(schema: unknown, path = 'schema'): ValidateFunction {
  const problems = checkTenantSchema(schema, path);
  if (problems.length > 0) throw new TenantSchemaError(problems);
  const text = JSON.stringify(schema);
  const key = createHash('sha256').update(text).digest('hex');
  const cached = validators.get(key);
  if (cached) return cached.validate;
  // The schema may carry an $id; compiling a copy without it keeps ajv's registry clean.
  const { $id: _ignored, ...withoutId } = schema as Record<string, unknown>;
  let validate: ValidateFunction;
  try {
    validate = tenantAjv.compile(withoutId);
  } catch (error) {
    // ajv registers a schema before compiling it: a failed compile must not stay behind either.
    tenantAjv.removeSchema(withoutId);
    throw new TenantSchemaError([{ path, message: `is not a valid JSON Schema: ${(error as Error).message}` }]);
  }
  schemaChars.set(key, text.length);
  validators.set(key, { validate, compiled: withoutId });
  return validate;
}

export class TenantSchemaError extends Error {
  constructor(readonly problems: ErrorDetail[]) {
    super(`Schema rejected: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    this.name = 'TenantSchemaError';
  }
}
