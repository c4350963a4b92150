import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { householdModel, texts } from './household-fixture';
import { modelToSchema } from './model-to-schema';
import { schemaToModel } from './schema-to-model';

const built = modelToSchema(householdModel, texts);
const valid = {
  basic: null,
  head: '王大山',
  income: 12000,
  cause: 'illness',
  waterSafe: true,
  members: [{ name: '王大山', age: 56, relation: 'self' }],
};

// The server's own guard and compile of tenant schemas: what every submission is checked with.
// Loaded by URL: this folder is type-checked for the browser, the guard is server code.
const guardUrl = new URL('../../../../core/schemas/tenant-schema-guard.ts', import.meta.url).href;
let compileTenantSchema: (schema: unknown) => ValidateFunction;
beforeAll(async () => {
  ({ compileTenantSchema } = (await import(/* @vite-ignore */ guardUrl)) as { compileTenantSchema: typeof compileTenantSchema });
});

function errorsOf(data: unknown): string[] {
  const validate = compileTenantSchema(built.schema);
  validate(structuredClone(data));
  return (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.keyword}${e.params && 'missingProperty' in e.params ? ` ${String(e.params.missingProperty)}` : ''}`,
  );
}

describe('designer model → JSON Schema draft-07 + uiSchema', () => {
  it('writes each field kind as the backend expects it', () => {
    const p = built.schema.properties as Record<string, Record<string, unknown>>;
    expect(built.schema.type).toBe('object');
    expect(p.head).toEqual({ type: 'string', title: '户主姓名', maxLength: 20 });
    expect(p.idCard).toMatchObject({ pattern: '^\\d{17}[\\dXx]$', 'x-pattern-message': '请填写 18 位身份证号' });
    expect(p.cause.oneOf).toEqual([
      { const: 'illness', title: '因病' },
      { const: 'disability', title: '因残' },
      { const: 'school', title: '因学' },
      { const: 'other', title: '其他' },
    ]);
    expect(p.helps).toMatchObject({ type: 'array', uniqueItems: true, items: { type: 'string' } });
    expect(p.photo).toEqual({ type: 'string', format: 'uuid', title: '住房照片', 'x-ref': 'file' });
    expect(p.visitor['x-ref']).toBe('person');
    expect(p.where).toMatchObject({ type: 'object', 'x-ref': 'location', additionalProperties: false });
    expect(p.basic).toEqual({ type: 'null', title: '基本情况' });
    expect(p.members).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: { type: 'object', required: ['name'], additionalProperties: false },
    });
    // The conditional field lives only in its branch.
    expect(p.causeOther).toBeUndefined();
    expect(built.schema.required).toEqual(['head', 'income', 'cause', 'waterSafe', 'members']);
  });

  it('puts conditions in allOf if/then, and the order, widgets and help in the uiSchema', () => {
    expect(built.schema.allOf).toEqual([
      {
        if: { properties: { cause: { const: 'other' } }, required: ['cause'] },
        then: { properties: { causeOther: { type: 'string', title: '其他原因说明' } }, required: ['causeOther'] },
      },
      { if: { properties: { waterSafe: { const: false } }, required: ['waterSafe'] }, then: { required: ['waterIssue'] } },
    ]);
    expect(built.uiSchema['ui:order']).toEqual([...householdModel.fields.map((f) => f.key), '*']);
    expect(built.uiSchema.income).toEqual({ 'ui:help': '上一年度全家总收入' });
    expect(built.uiSchema.cause).toEqual({ 'ui:widget': 'radio' });
    expect(built.uiSchema.photo).toEqual({ 'ui:widget': 'file', 'ui:options': { accept: 'image' } });
    expect(built.uiSchema.where).toEqual({ 'ui:field': 'location' });
    expect(built.uiSchema.members).toEqual({
      'ui:options': { orderable: false },
      items: { 'ui:order': ['name', 'age', 'relation', '*'], relation: { 'ui:widget': 'radio' } },
    });
  });

  it('is accepted by the server’s schema guard, which then validates answers as designed', () => {
    expect(errorsOf(valid)).toEqual([]);
    // Conditional required: "other" needs the explanation; unsafe water needs the problem.
    expect(errorsOf({ ...valid, cause: 'other' })).toContain('/ required causeOther');
    expect(errorsOf({ ...valid, cause: 'other', causeOther: '缺劳力' })).toEqual([]);
    expect(errorsOf({ ...valid, waterSafe: false })).toContain('/ required waterIssue');
    // Unknown fields are refused, the conditional one is not.
    expect(errorsOf({ ...valid, hacked: 1 })).toContain('/ propertyNames');
    // Ranges, patterns, rows.
    expect(errorsOf({ ...valid, income: -1 })).toContain('/income minimum');
    expect(errorsOf({ ...valid, idCard: '123' })).toContain('/idCard pattern');
    expect(errorsOf({ ...valid, members: [] })).toContain('/members minItems');
    expect(errorsOf({ ...valid, members: [{ age: 3 }] })).toContain('/members/0 required name');
    expect(errorsOf({ ...valid, photo: 'not-an-id' })).toContain('/photo format');
  });

  it('reads its own output back into the same model (round trip)', () => {
    expect(schemaToModel(built.schema, built.uiSchema)).toEqual(householdModel);
    const again = schemaToModel(built.schema, built.uiSchema);
    expect(again && modelToSchema(again, texts)).toEqual(built);
  });

  it('leaves schemas written elsewhere to the JSON editor', () => {
    expect(
      schemaToModel({ type: 'object', properties: { a: { $ref: '#/definitions/a' } }, definitions: { a: { type: 'string' } } }, {}),
    ).toBeNull();
    expect(schemaToModel({ type: 'object', properties: { a: { type: 'string', format: 'email' } } }, {})).toBeNull();
    expect(schemaToModel({ type: 'object', properties: { a: { type: 'object', properties: {} } } }, {})).toBeNull();
    expect(schemaToModel({ type: 'object', properties: { a: { type: 'string' } }, oneOf: [] }, {})).toBeNull();
    expect(schemaToModel({ type: 'object', properties: { a: { type: 'string', title: 'A' } } }, {})).toEqual({
      title: '',
      fields: [{ key: 'a', kind: 'text', label: 'A' }],
    });
  });
});
