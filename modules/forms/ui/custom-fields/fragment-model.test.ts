import type { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DesignerModel } from '../designer/designer-model';
import { fieldOfProblem, fragmentProblems, fragmentToDraft, modelToFragment, type Fragment } from './fragment-model';

const texts = { address: '地址', latitude: '纬度', longitude: '经度' };

// Core's own check of a custom-fields PUT and its tenant ajv. Loaded by URL: this folder is
// type-checked for the browser, these are server code.
const core = (file: string) => new URL(`../../../../core/${file}`, import.meta.url).href;
let prepareFragment: (schema: unknown, uiSchema: unknown) => { schema: Record<string, unknown>; uiSchema: Record<string, unknown> };
let createAjv: (purpose: 'tenant') => Ajv;
beforeAll(async () => {
  ({ prepareFragment } = (await import(/* @vite-ignore */ core('custom-fields/custom-field-fragment.ts'))) as {
    prepareFragment: typeof prepareFragment;
  });
  ({ createAjv } = (await import(/* @vite-ignore */ core('schemas/ajv.ts'))) as { createAjv: typeof createAjv });
});

// What the custom fields page's list editor writes (admin-ui/src/pages/custom-fields/field-model.ts).
const listWritten: Fragment = {
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['zone'],
    properties: {
      zone: { type: 'string', title: '片区', enum: ['东片', '西片'] },
      householdSize: { type: 'integer', title: '户籍人数', minimum: 1, maximum: 30 },
      hazards: { type: 'array', title: '隐患', items: { type: 'string', enum: ['用电', '燃气'] }, uniqueItems: true },
      visitedOn: { type: 'string', format: 'date', title: '走访日期' },
      note: { type: 'string', title: '备注', maxLength: 200 },
      lowIncome: { type: 'boolean', title: '低保户' },
    },
  },
  uiSchema: {
    'ui:order': ['householdSize', 'zone', 'hazards', 'visitedOn', 'note', 'lowIncome'],
    zone: { 'ui:widget': 'radio' },
    hazards: { 'ui:widget': 'checkboxes' },
    note: { 'ui:widget': 'textarea' },
  },
};

const modelOf = (fragment: Fragment): DesignerModel => {
  const draft = fragmentToDraft(fragment, texts);
  if (draft.kind !== 'model') throw new Error('expected the designer to open it');
  return draft.model;
};

describe('custom fields in the forms designer', () => {
  it('opens what the list editor wrote, in ui:order, with its kinds, choices and limits', () => {
    const model = modelOf(listWritten);
    expect(model.fields.map((f) => [f.key, f.kind])).toEqual([
      ['householdSize', 'number'],
      ['zone', 'choice'],
      ['hazards', 'multi'],
      ['visitedOn', 'date'],
      ['note', 'textarea'],
      ['lowIncome', 'yesno'],
    ]);
    expect(model.fields[1]).toMatchObject({
      label: '片区',
      required: true,
      options: [
        { value: '东片', label: '东片' },
        { value: '西片', label: '西片' },
      ],
    });
    expect(model.fields[0]).toMatchObject({ integer: true, minimum: 1, maximum: 30 });
  });

  it('saves a fragment core accepts, accepting and refusing the same values as before', () => {
    const saved = modelToFragment(modelOf(listWritten), texts, listWritten);
    expect(saved.schema.additionalProperties).toBe(false);
    expect(saved.schema).not.toHaveProperty('propertyNames');
    expect(saved.schema).not.toHaveProperty('title');
    const stored = prepareFragment(saved.schema, saved.uiSchema);
    expect(stored.uiSchema['ui:order']).toEqual(['householdSize', 'zone', 'hazards', 'visitedOn', 'note', 'lowIncome', '*']);
    const before = createAjv('tenant').compile(listWritten.schema);
    const after = createAjv('tenant').compile(stored.schema);
    const samples = [
      { zone: '东片', householdSize: 4, hazards: ['用电'], visitedOn: '2025-03-01', lowIncome: true },
      { zone: '南片' },
      { householdSize: 3 },
      { zone: '西片', householdSize: 0 },
      { zone: '西片', hazards: ['用电', '用电'] },
      { zone: '西片', other: 1 },
    ];
    for (const sample of samples) expect(after(structuredClone(sample)), JSON.stringify(sample)).toBe(before(structuredClone(sample)));
  });

  it('adds a designed field (required, with a rule) that core stores and enforces', () => {
    const model = modelOf({ schema: { type: 'object', properties: {}, additionalProperties: false }, uiSchema: {} });
    expect(model.fields).toEqual([]);
    expect(fragmentProblems(model)).toEqual([]);
    model.fields.push({ key: 'doorplate', kind: 'text', label: '门牌号', required: true, pattern: '^\\d+号$', patternMessage: '如 12号' });
    const saved = modelToFragment(model, texts, { schema: {}, uiSchema: { 'ui:submitButtonOptions': { norender: true } } });
    const stored = prepareFragment(saved.schema, saved.uiSchema);
    // uiSchema keys that are not about a field survive the designer.
    expect(stored.uiSchema['ui:submitButtonOptions']).toEqual({ norender: true });
    const validate = createAjv('tenant').compile(stored.schema);
    expect(validate({ doorplate: '12号' })).toBe(true);
    expect(validate({ doorplate: '十二' })).toBe(false);
    expect(validate({})).toBe(false);
    expect(modelOf(stored).fields).toEqual(model.fields);
  });

  it('keeps "required when" conditions, which core can store', () => {
    const model: DesignerModel = {
      title: '',
      fields: [
        { key: 'lowIncome', kind: 'yesno', label: '低保户' },
        { key: 'certificate', kind: 'text', label: '低保证号', requireWhen: { field: 'lowIncome', value: true } },
      ],
    };
    const saved = modelToFragment(model, texts, { schema: {}, uiSchema: {} });
    const stored = prepareFragment(saved.schema, saved.uiSchema);
    const validate = createAjv('tenant').compile(stored.schema);
    expect(validate({ lowIncome: true })).toBe(false);
    expect(validate({ lowIncome: false })).toBe(true);
    expect(modelOf(stored).fields[1].requireWhen).toEqual({ field: 'lowIncome', value: true });
  });

  it('opens as JSON what the designer would change or cannot offer here', () => {
    const withDescription = structuredClone(listWritten);
    (withDescription.schema.properties as Record<string, Record<string, unknown>>).note.description = '走访时填写';
    expect(fragmentToDraft(withDescription, texts).kind).toBe('json');
    const person = {
      schema: { type: 'object', properties: { head: { type: 'string', format: 'uuid', 'x-ref': 'person', title: '户主' } } },
      uiSchema: { head: { 'ui:widget': 'person' } },
    };
    expect(fragmentToDraft(person, texts).kind).toBe('json');
    const customWidget = {
      schema: { type: 'object', properties: { note: { type: 'string', title: '备注' } } },
      uiSchema: { note: { 'ui:placeholder': '选填' } },
    };
    expect(fragmentToDraft(customWidget, texts).kind).toBe('json');
  });

  it('names the field a server problem is about', () => {
    expect(fieldOfProblem('body.schema.properties.householdSize.minimum')).toBe('householdSize');
    expect(fieldOfProblem('body.uiSchema.zone')).toBe('zone');
    expect(fieldOfProblem('body.schema.properties.members.items.properties.age')).toBe('members');
    expect(fieldOfProblem('body.schema')).toBeNull();
  });
});
