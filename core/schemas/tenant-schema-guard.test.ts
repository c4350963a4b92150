import { describe, expect, it } from 'vitest';
import { checkTenantSchema, compileTenantSchema, SCHEMA_LIMITS, TenantSchemaError } from './tenant-schema-guard.ts';

const nested = (levels: number): Record<string, unknown> => {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < levels; i += 1) schema = { type: 'object', properties: { inner: schema } };
  return schema;
};

const messages = (schema: unknown) => checkTenantSchema(schema).map((p) => `${p.path} ${p.message}`);

describe('tenant schema guard', () => {
  it('accepts an ordinary form schema with local references and safe patterns', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { phone: { type: 'string', pattern: '^1\\d{10}$' } },
      properties: { contact: { $ref: '#/definitions/phone' }, name: { type: 'string', maxLength: 20 } },
      patternProperties: { '^x_[a-z]+$': { type: 'string' } },
    };
    expect(checkTenantSchema(schema)).toEqual([]);
  });

  it('refuses what is not a JSON object', () => {
    for (const value of [null, [], 'schema', 42, undefined]) expect(checkTenantSchema(value)).toEqual([{ path: 'schema', message: 'must be a JSON object' }]);
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic.properties = { self: cyclic };
    expect(messages(cyclic)).toEqual([`schema is not plain JSON, or is nested far deeper than ${SCHEMA_LIMITS.maxDepth} levels`]);
  });

  it('refuses a schema larger than the size limit, before walking it', () => {
    const properties = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`field${i}`, { type: 'string', description: 'x'.repeat(100) }]));
    expect(JSON.stringify({ type: 'object', properties }).length).toBeGreaterThan(SCHEMA_LIMITS.maxBytes);
    expect(checkTenantSchema({ type: 'object', properties })).toEqual([{ path: 'schema', message: `is larger than ${SCHEMA_LIMITS.maxBytes} bytes` }]);
  });

  it('refuses a schema with too many nodes even when small in bytes', () => {
    const properties = Object.fromEntries(Array.from({ length: 2600 }, (_, i) => [`f${i}`, { type: 'string' }]));
    expect(messages({ type: 'object', properties })).toContain(`schema has more than ${SCHEMA_LIMITS.maxNodes} nodes`);
  });

  it('refuses a 100-level nested schema, naming where it gets too deep', () => {
    const problems = checkTenantSchema(nested(100));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.message).toBe(`is nested deeper than ${SCHEMA_LIMITS.maxDepth} levels`);
      expect(problem.path).toMatch(/^schema(\.properties\.inner)+\.(type|properties)$/);
    }
    expect(checkTenantSchema(nested(10))).toEqual([]);
  });

  it('allows only local references and known dialects', () => {
    expect(messages({ $ref: 'http://example.com/evil.json' })).toEqual(['schema.$ref only local references ("#/...") are allowed']);
    expect(messages({ properties: { a: { $ref: 'other.json#/x' } } })).toEqual(['schema.properties.a.$ref only local references ("#/...") are allowed']);
    expect(messages({ $id: 'https://example.com/s' })).toEqual(['schema.$id absolute $id is not allowed']);
    expect(messages({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toEqual(['schema.$schema unknown $schema dialect']);
  });

  it('refuses $data, $async and dynamic references wherever they appear', () => {
    // An async schema's validator returns a Promise: truthy, so every answer would pass.
    expect(messages({ $async: true, type: 'object' })).toEqual(['schema.$async "$async" is not allowed']);
    expect(messages({ properties: { a: { const: { $data: '1/b' } } } })).toEqual(['schema.properties.a.const.$data "$data" is not allowed']);
    expect(messages({ items: { $recursiveRef: '#' } })).toEqual(['schema.items.$recursiveRef "$recursiveRef" is not allowed']);
    expect(messages({ $dynamicRef: '#meta' })).toEqual(['schema.$dynamicRef "$dynamicRef" is not allowed']);
  });

  it('refuses patterns that backtrack catastrophically, are too long or do not compile', () => {
    for (const pattern of ['(a+)+$', '^(x*)*y', '([a-z]+)*$']) {
      expect(messages({ properties: { a: { type: 'string', pattern } } })).toEqual(['schema.properties.a.pattern pattern may take exponential time (nested repetition); simplify it']);
    }
    expect(messages({ patternProperties: { '(a+)+': {} } })[0]).toBe('schema.patternProperties.(a+)+ pattern may take exponential time (nested repetition); simplify it');
    expect(messages({ pattern: 'a'.repeat(SCHEMA_LIMITS.maxPatternLength + 1) })[0]).toMatch(/pattern is longer than/);
    expect(messages({ pattern: '[' })).toEqual(['schema.pattern pattern is not a valid regular expression']);
  });

  it('compiles once per schema content and reports schemas ajv cannot compile', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', minimum: 1 } } };
    const validate = compileTenantSchema(schema);
    expect(compileTenantSchema(structuredClone(schema))).toBe(validate);
    expect(validate({ n: 0 })).toBe(false);
    expect(validate({ n: 2 })).toBe(true);
    expect(() => compileTenantSchema({ type: 'strin' })).toThrow(TenantSchemaError);
    expect(() => compileTenantSchema({ pattern: '(a+)+$' }, 'body.schema')).toThrow(/body\.schema\.pattern/);
  });

  it('checks a catastrophic schema in well under a second', () => {
    const started = performance.now();
    checkTenantSchema({ properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, { type: 'string', pattern: '(a+)+$' }])) });
    checkTenantSchema(nested(5000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('$ref loops', () => {
  it('refuses a schema that refers to itself without descending into the data', () => {
    const problems = checkTenantSchema({ definitions: { a: { $ref: '#/definitions/b' }, b: { allOf: [{ $ref: '#/definitions/a' }] } }, $ref: '#/definitions/a' });
    expect(problems[0].message).toMatch(/\$ref loop/);
  });

  it('accepts recursion through properties (a tree of family members)', () => {
    const member = { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/member' } } } };
    expect(checkTenantSchema({ definitions: { member }, $ref: '#/definitions/member' })).toEqual([]);
  });
});
