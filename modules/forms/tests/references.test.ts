import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { apiPerson, apiUnit } from '../../../tests/helpers/org-fixtures.ts';
import { detailPaths, enableForms, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';

/** A visit form naming people and units of the directory, as the designer's person and unit widgets write them. */
const visitSchema = {
  type: 'object',
  required: ['visitor', 'village'],
  additionalProperties: false,
  properties: {
    visitor: { type: 'string', title: '走访干部', format: 'uuid', 'x-ref': 'person' },
    village: { type: 'string', title: '所在村', format: 'uuid', 'x-ref': 'unit' },
    helpers: { type: 'array', title: '陪同人员', items: { type: 'string', format: 'uuid', 'x-ref': 'person' } },
    stops: {
      type: 'array',
      title: '途经',
      items: { type: 'object', additionalProperties: false, properties: { unit: { type: 'string', format: 'uuid', 'x-ref': 'unit' } } },
    },
  },
};

describe('forms: person and unit answers must exist in the tenant directory', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let other: TestTenant;
  let formId: string;
  let village: string;
  let people: string[];
  let foreignPerson: string;
  const submit = (data: Record<string, unknown>) =>
    tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data });
  const countRows = async () =>
    Number((await platform.ownerQuery('forms_submission').where({ tenant_id: tenant.id }).count({ n: '*' }))[0].n);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-refs');
    other = await platform.createTenant('forms-refs-b');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant, visitSchema, '走访记录');
    village = (await apiUnit(tenant.admin, tenant, { name: '红旗村', kind: 'village' })).id;
    people = [];
    for (const name of ['张三', '李四', '王五']) people.push((await apiPerson(tenant.admin, tenant, { name, unitId: village })).id);
    const otherUnit = (await apiUnit(other.admin, other, { name: '外县村', kind: 'village' })).id;
    foreignPerson = (await apiPerson(other.admin, other, { name: '外县人', unitId: otherUnit })).id;
  });
  afterAll(() => platform?.stop());

  it('accepts people and units of the directory, checked in one query per kind', async () => {
    const queries: string[] = [];
    const listen = (q: { sql: string }) => queries.push(q.sql);
    platform.db.runtime.on('query', listen);
    const response = await submit({
      visitor: people[0],
      village,
      helpers: [people[1], people[2]],
      stops: [{ unit: village }, { unit: village }],
    });
    platform.db.runtime.off('query', listen);
    expect(response.statusCode, response.body).toBe(201);
    expect(queries.filter((sql) => /from "core_person" where "id" in/.test(sql))).toHaveLength(1);
    expect(queries.filter((sql) => /from "core_unit" where "id" in/.test(sql))).toHaveLength(1);
  });

  it('an unknown or another tenant’s person or unit is a 400 naming each answer, and nothing is stored', async () => {
    const before = await countRows();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await submit({
      visitor: foreignPerson,
      village: unknown,
      helpers: [people[1], unknown],
      stops: [{ unit: village }, { unit: people[0] }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('FORMS_REFERENCE_NOT_FOUND');
    expect(detailPaths(response).sort()).toEqual([
      'body.data.helpers[1]',
      'body.data.stops[1].unit',
      'body.data.village',
      'body.data.visitor',
    ]);
    const onlyPeople = await submit({ visitor: unknown, village });
    expect(onlyPeople.json().error.code).toBe('FORMS_PERSON_NOT_FOUND');
    expect(detailPaths(onlyPeople)).toEqual(['body.data.visitor']);
    expect(await countRows()).toBe(before);
  });
});
