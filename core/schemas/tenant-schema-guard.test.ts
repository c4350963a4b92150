import { describe, expect, it } from 'vitest';
import { checkTenantSchema, compileTenantSchema, SCHEMA_LIMITS, tenantAjvRegistrySize, TenantSchemaError } from './tenant-schema-guard.ts';

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
    for (const value of [null, [], 'schema', 42, undefined])
      expect(checkTenantSchema(value)).toEqual([{ path: 'schema', message: 'must be a JSON object' }]);
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic.properties = { self: cyclic };
    expect(messages(cyclic)).toEqual([`schema is not plain JSON, or is nested far deeper than ${SCHEMA_LIMITS.maxDepth} levels`]);
  });

  it('refuses a schema larger than the size limit, before walking it', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [`field${i}`, { type: 'string', description: 'x'.repeat(100) }]),
    );
    expect(JSON.stringify({ type: 'object', properties }).length).toBeGreaterThan(SCHEMA_LIMITS.maxBytes);
    expect(checkTenantSchema({ type: 'object', properties })).toEqual([
      { path: 'schema', message: `is larger than ${SCHEMA_LIMITS.maxBytes} bytes` },
    ]);
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
    expect(messages({ properties: { a: { $ref: 'other.json#/x' } } })).toEqual([
      'schema.properties.a.$ref only local references ("#/...") are allowed',
    ]);
    expect(messages({ $id: 'https://example.com/s' })).toEqual(['schema.$id absolute $id is not allowed']);
    expect(messages({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toEqual(['schema.$schema unknown $schema dialect']);
  });

  it('refuses $data, $async and dynamic references wherever they appear', () => {
    // An async schema's validator returns a Promise: truthy, so every answer would pass.
    expect(messages({ $async: true, type: 'object' })).toEqual(['schema.$async "$async" is not allowed']);
    expect(messages({ properties: { a: { const: { $data: '1/b' } } } })).toEqual([
      'schema.properties.a.const.$data "$data" is not allowed',
    ]);
    expect(messages({ items: { $recursiveRef: '#' } })).toEqual(['schema.items.$recursiveRef "$recursiveRef" is not allowed']);
    expect(messages({ $dynamicRef: '#meta' })).toEqual(['schema.$dynamicRef "$dynamicRef" is not allowed']);
  });

  it('accepts the patterns counties paste (ZIP, landline, e-mail, Chinese names) and refuses what RE2 cannot run, too long or invalid', () => {
    for (const pattern of [
      '^\\d{5}(?:[-\\s]\\d{4})?$',
      '^(0\\d{2,3}-)?\\d{7,8}$',
      '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$',
      '^[\\u4e00-\\u9fa5]{2,4}$',
      '^(\\w|\\d)+$',
      '(a+)+$',
    ]) {
      expect(messages({ properties: { a: { type: 'string', pattern } } }), pattern).toEqual([]);
    }
    expect(messages({ properties: { a: { type: 'string', pattern: '^(a+)\\1$' } } })).toEqual([
      'schema.properties.a.pattern pattern uses a backreference: patterns run on a linear-time engine (RE2) without backreferences or lookaround; rewrite it without them',
    ]);
    expect(messages({ pattern: '(?<y>a)\\k<y>' })[0]).toMatch(/backreference/);
    for (const pattern of ['^(?!admin)\\w+$', '(?<=x)y', 'a(?=b)', '(?<!x)y'])
      expect(messages({ pattern })[0], pattern).toMatch(/lookahead or lookbehind/);
    // The same characters escaped or in a class are no backreference or lookaround.
    expect(messages({ pattern: '^[(?=]\\\\1$' })).toEqual([]);
    expect(messages({ patternProperties: { '(a)\\1': {} } })[0]).toMatch(
      /^schema\.patternProperties\.\(a\)\\1 pattern uses a backreference/,
    );
    expect(messages({ pattern: 'a{2000}' })[0]).toMatch(/cannot run on the linear-time engine \(RE2\).*invalid repeat count/);
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
    expect(() => compileTenantSchema({ pattern: '(a)\\1' }, 'body.schema')).toThrow(/body\.schema\.pattern/);
  });

  it('checks a large schema in well under a second', () => {
    const started = performance.now();
    checkTenantSchema({
      properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, { type: 'string', pattern: `^(a+)+${i}$` }])),
    });
    checkTenantSchema(nested(5000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('$ref loops', () => {
  it('refuses a schema that refers to itself without descending into the data', () => {
    const problems = checkTenantSchema({
      definitions: { a: { $ref: '#/definitions/b' }, b: { allOf: [{ $ref: '#/definitions/a' }] } },
      $ref: '#/definitions/a',
    });
    expect(problems[0].message).toMatch(/\$ref loop/);
  });

  it('accepts recursion through properties (a tree of family members)', () => {
    const member = {
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/member' } } },
    };
    expect(checkTenantSchema({ definitions: { member }, $ref: '#/definitions/member' })).toEqual([]);
  });
});

describe('patterns run in linear time with JavaScript’s meaning', () => {
  it('answers a long answer to ^(\\w|\\d)+$ at once (JavaScript’s RegExp takes seconds from 26 characters, doubling with each)', () => {
    const validate = compileTenantSchema({ type: 'string', pattern: '^(\\w|\\d)+$' });
    const started = performance.now();
    expect(validate(`${'a1'.repeat(5_000)}!`)).toBe(false);
    expect(validate('a1'.repeat(5_000))).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('matches Chinese text, Unicode spaces and escapes as JavaScript does', () => {
    const cases: [string, string][] = [
      ['^[\\u4e00-\\u9fa5]+$', '张三丰'],
      ['^[\\u4e00-\\u9fa5]+$', '张三a'],
      ['^\\w+$', '张三'],
      ['^\\d+$', '１２３'],
      ['^\\d+$', '123'],
      ['^\\p{Script=Han}{2,4}$', '欧阳修'],
      ['^.$', '😀'],
      ['^.+$', 'a\nb'],
      ['^[\\s\\S]+$', 'a\nb'],
      ['^\\s$', '\u3000'],
      ['^\\S+$', '中\u3000文'],
      ['^\\d{5}(?:[-\\s]\\d{4})?$', '12345\u30006789'],
      ['^(0\\d{2,3}-)?\\d{7,8}$', '0571-87654321'],
      ['^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$', 'li.si+gov@zj-gov.cn'],
      ['\\bfoo\\b', '中foo文'],
      ['^\\ud83d\\ude00$', '😀'],
      ['^\\u{1F600}$', '😀'],
      ['^a\\/b$', 'a/b'],
    ];
    for (const [pattern, text] of cases) {
      expect(compileTenantSchema({ type: 'string', pattern })(text), `${pattern} on ${JSON.stringify(text)}`).toBe(
        new RegExp(pattern, 'u').test(text),
      );
    }
  });
});

describe('expanded size', () => {
  const doubling = (levels: number) => {
    const definitions: Record<string, unknown> = { d0: { type: 'string', minLength: 1 } };
    for (let i = 1; i < levels; i += 1)
      definitions[`d${i}`] = { allOf: [{ $ref: `#/definitions/d${i - 1}` }, { $ref: `#/definitions/d${i - 1}` }] };
    return { type: 'object', definitions, properties: { answer: { $ref: `#/definitions/d${levels - 1}` } } };
  };

  it('refuses twenty definitions each referring twice to the one before (1.7 KB that expands to millions of nodes), quickly', () => {
    const bomb = doubling(20);
    expect(JSON.stringify(bomb).length).toBeLessThan(2_000);
    const started = performance.now();
    expect(messages(bomb)).toEqual([
      `schema expands to more than ${SCHEMA_LIMITS.maxExpandedNodes} nodes when its $refs are followed (references that each repeat the one before double at every level); share fewer definitions`,
    ]);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('accepts shared definitions used many times, and recursion through properties', () => {
    expect(checkTenantSchema(doubling(8))).toEqual([]);
    const address = {
      type: 'object',
      properties: Object.fromEntries(
        ['province', 'city', 'county', 'town', 'village', 'detail'].map((k) => [k, { type: 'string', maxLength: 50 }]),
      ),
    };
    const properties = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`address${i}`, { $ref: '#/definitions/address' }]));
    expect(checkTenantSchema({ type: 'object', definitions: { address }, properties })).toEqual([]);
  });
});

describe('the compiled-validator cache', () => {
  it('keeps ajv’s own registry bounded: evicted validators leave it too', () => {
    const before = tenantAjvRegistrySize();
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 700; i += 1) compileTenantSchema({ type: 'object', properties: { [`r${round}f${i}`]: { type: 'integer' } } });
    }
    expect(tenantAjvRegistrySize()).toBeLessThanOrEqual(Math.max(before, SCHEMA_LIMITS.maxCachedValidators + 1));
    // A validator evicted and asked for again is compiled again and still works.
    expect(compileTenantSchema({ type: 'object', properties: { r0f0: { type: 'integer' } } })({ r0f0: 'x' })).toBe(false);
  });

  it('a schema ajv refuses to compile leaves nothing in its registry', () => {
    const before = tenantAjvRegistrySize();
    for (let i = 0; i < 20; i += 1)
      expect(() => compileTenantSchema({ type: 'object', properties: { [`f${i}`]: { $ref: '#/definitions/missing' } } })).toThrow(
        TenantSchemaError,
      );
    expect(tenantAjvRegistrySize()).toBeLessThanOrEqual(before);
  });
});
