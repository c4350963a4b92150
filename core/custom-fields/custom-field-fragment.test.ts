import { describe, expect, it } from 'vitest';
import { createAjv } from '../schemas/ajv.ts';
import { TenantSchemaError } from '../schemas/tenant-schema-guard.ts';
import { effectiveSchema, prepareFragment, rerootRefs } from './custom-field-fragment.ts';

const problemsOf = (schema: unknown, uiSchema: unknown = {}) => {
  try {
    prepareFragment(schema, uiSchema);
  } catch (error) {
    if (error instanceof TenantSchemaError) return error.problems;
    throw error;
  }
  return [];
};

describe('custom field fragments', () => {
  it('stores a valid fragment refusing unknown fields and keeping the field order in ui:order', () => {
    const prepared = prepareFragment(
      { type: 'object', properties: { zone: { type: 'string' }, householdSize: { type: 'integer' } }, required: ['zone'] },
      {},
    );
    expect(prepared.schema.additionalProperties).toBe(false);
    expect(prepared.uiSchema['ui:order']).toEqual(['zone', 'householdSize']);
    expect(prepareFragment({ type: 'object', properties: { a: {}, b: {} } }, { 'ui:order': ['b', '*'] }).uiSchema['ui:order']).toEqual([
      'b',
      '*',
    ]);
  });

  it('refuses fragments that are not an object of well-named fields, naming the path', () => {
    expect(problemsOf({ type: 'array', properties: {} })).toContainEqual({ path: 'body.schema.type', message: 'must be "object"' });
    expect(problemsOf({ type: 'object' })).toContainEqual({ path: 'body.schema.properties', message: 'must be an object of fields' });
    expect(problemsOf({ type: 'object', properties: { 'bad name': { type: 'string' } } })[0].path).toBe('body.schema.properties.bad name');
    expect(problemsOf({ type: 'object', properties: { __proto__x: {} } })[0].path).toBe('body.schema.properties.__proto__x');
    expect(problemsOf({ type: 'object', properties: { a: {} }, required: ['b'] })).toContainEqual({
      path: 'body.schema.required[0]',
      message: 'must name a field of properties',
    });
    expect(problemsOf({ type: 'object', properties: { a: {} }, additionalProperties: true })[0].path).toBe(
      'body.schema.additionalProperties',
    );
    expect(problemsOf({ type: 'object', properties: { a: { type: 'strin' } } })[0].message).toMatch(/not a valid JSON Schema/);
    expect(problemsOf({ type: 'object', properties: { a: {} } }, { 'ui:order': ['a', 'b'] })[0].path).toBe('body.uiSchema.ui:order[1]');
    expect(problemsOf({ type: 'object', properties: { a: {}, b: {} } }, { 'ui:order': ['a'] })[0].message).toMatch(/"b"/);
    expect(problemsOf({ type: 'object', properties: {} }, 'nope')).toContainEqual({
      path: 'body.uiSchema',
      message: 'must be a JSON object',
    });
  });

  it('serves the fragment under `custom` of the base schema, with its local references re-rooted', () => {
    const fragment = prepareFragment(
      {
        type: 'object',
        definitions: { phone: { type: 'string', pattern: '^1\\d{10}$' } },
        properties: { contact: { $ref: '#/definitions/phone' }, note: { type: 'string', default: '无', examples: [{ $ref: '#/kept' }] } },
        required: ['contact'],
      },
      {},
    );
    const base = { type: 'object', additionalProperties: false, required: ['title'], properties: { title: { type: 'string' } } };
    const { schema, uiSchema } = effectiveSchema(base, fragment.schema, fragment.uiSchema);
    expect(schema.required).toEqual(['title', 'custom']);
    expect(uiSchema).toEqual({ custom: { 'ui:order': ['contact', 'note'] } });
    const custom = (schema.properties as Record<string, Record<string, Record<string, Record<string, unknown>>>>).custom;
    expect(custom.properties.contact.$ref).toBe('#/properties/custom/definitions/phone');
    expect(custom.properties.note.examples).toEqual([{ $ref: '#/kept' }]);

    const validate = createAjv('tenant').compile(schema);
    expect(validate({ title: '走访', custom: { contact: '13800000000' } })).toBe(true);
    expect(validate({ title: '走访', custom: { contact: '12' } })).toBe(false);
    expect(validate({ title: '走访' })).toBe(false);
    expect(base.properties).toEqual({ title: { type: 'string' } });
  });

  it('re-roots JSON pointers only, leaving anchors and the root alone where they belong', () => {
    expect(rerootRefs({ $ref: '#' }, '#/properties/custom')).toEqual({ $ref: '#/properties/custom' });
    expect(rerootRefs({ items: [{ $ref: '#/a' }, { $ref: '#anchor' }] }, '#/p')).toEqual({
      items: [{ $ref: '#/p/a' }, { $ref: '#anchor' }],
    });
  });
});
