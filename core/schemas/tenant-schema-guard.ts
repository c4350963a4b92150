import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import isSafeRegex from 'safe-regex2';
import { createAjv } from './ajv.ts';
import { findRefLoop } from './schema-ref-loop.ts';
import type { ErrorDetail } from '../server/errors.ts';

/**
 * Tenant-authored schemas (forms, custom fields, module configs) are untrusted input:
 * bounded size and depth, local `$ref` only and never in a loop, no `$data` or `$async`, no dynamic references, and regex
 * patterns that are short and free of catastrophic backtracking. They are compiled in their
 * own ajv instance, never added to fastify's route schemas, and cached by content hash.
 */
export const SCHEMA_LIMITS = {
  maxBytes: 256 * 1024,
  maxDepth: 24,
  maxNodes: 5_000,
  maxPatternLength: 512,
  maxCachedValidators: 500,
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
    if (loop) problems.push({ path: `${path}${loop.slice(1).replace(/\//g, '.')}`, message: 'refers to itself without descending into the data ($ref loop)' });
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
  if (!isSafeRegex(pattern)) problems.push({ path: at, message: 'pattern may take exponential time (nested repetition); simplify it' });
}

const tenantAjv = createAjv('tenant');
const validators = new Map<string, ValidateFunction>();

/**
 * Checks and compiles a tenant-authored schema; the same schema text gives the same cached
 * validator. Throws `TenantSchemaError` with every problem found.
 */
export function compileTenantSchema(schema: unknown, path = 'schema'): ValidateFunction {
  const problems = checkTenantSchema(schema, path);
  if (problems.length > 0) throw new TenantSchemaError(problems);
  const key = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  const cached = validators.get(key);
  if (cached) return cached;
  let validate: ValidateFunction;
  try {
    // The schema may carry an $id; compiling a copy without it keeps ajv's registry clean.
    const { $id: _ignored, ...withoutId } = schema as Record<string, unknown>;
    validate = tenantAjv.compile(withoutId);
  } catch (error) {
    throw new TenantSchemaError([{ path, message: `is not a valid JSON Schema: ${(error as Error).message}` }]);
  }
  if (validators.size >= SCHEMA_LIMITS.maxCachedValidators) validators.delete(validators.keys().next().value as string);
  validators.set(key, validate);
  return validate;
}

export class TenantSchemaError extends Error {
  constructor(readonly problems: ErrorDetail[]) {
    super(`Schema rejected: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    this.name = 'TenantSchemaError';
  }
}
