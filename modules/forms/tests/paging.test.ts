import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { apiUnit } from '../../../tests/helpers/org-fixtures.ts';
import { detailPaths, enableForms, familySchema, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';

const COUNT = 250;

describe('forms: keyset paging of results, and filters inside repeating groups', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let adminId: string;
  let unitIds: string[];
  const url = (query: string) => `${tenant.base}/forms/forms/${formId}/submissions?${query}`;

  /** Answers made as the owner; a tenth lack the income and a quarter have no unit, so "missing last" is paged too. */
  async function insert(from: number, to: number, prefix: string): Promise<void> {
    await platform.db.owner.raw(
      `insert into forms_submission (tenant_id, id, form_id, version, unit_id, submitted_by, status, data, search_text, submitted_at)
       select ?, gen_random_uuid(), ?, 1, (?::uuid[])[1 + i % 4], ?, 'submitted',
         jsonb_strip_nulls(jsonb_build_object('householder', ? || (i % 37), 'causes', jsonb_build_array('因病'), 'mainCause', (array['因病','因学','因残'])[1 + i % 3],
           'income', case when i % 10 = 0 then null else (i % 50) * 100 end, 'waterSafe', true,
           'members', jsonb_build_array(jsonb_build_object('name', '甲', 'relation', case when i % 2 = 0 then '子女' else '配偶' end)))),
         '', now()
       from generate_series(?::int, ?::int) i`,
      [tenant.id, formId, `{${[...unitIds, 'NULL'].join(',')}}`, adminId, prefix, from, to],
    );
  }

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-paging');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant, familySchema);
    adminId = (await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, username: 'admin' }).first('id')).id;
    unitIds = [];
    for (const name of ['甲村', '乙村', '丙村']) unitIds.push((await apiUnit(tenant.admin, tenant, { name, kind: 'village' })).id);
    // One statement: every submitted_at is the same instant, so only the id breaks ties.
    await insert(1, COUNT, '户');
  });
  afterAll(() => platform?.stop());

  async function pageThrough(query: string, afterFirstPage?: () => Promise<void>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const response = await tenant.admin.get(url(`${query}&limit=20${cursor ? `&cursor=${cursor}` : ''}`));
      expect(response.statusCode, response.body).toBe(200);
      const body: { items: { id: string; data: { householder: string } }[]; nextCursor: string | null } = response.json();
      ids.push(...body.items.filter((s) => !s.data.householder.startsWith('新')).map((s) => s.id));
      if (page === 0 && afterFirstPage) await afterFirstPage();
      cursor = body.nextCursor;
      if (!cursor) return ids;
    }
    throw new Error('paging did not end');
  }

  it('pages through 250 submissions exactly once for every sort and order, while others submit', async () => {
    const all = (await platform.ownerQuery('forms_submission').where({ tenant_id: tenant.id }).pluck('id')).sort();
    let extra = 0;
    for (const sort of ['submittedAt', 'unit', 'income', 'householder', 'mainCause']) {
      for (const order of ['asc', 'desc']) {
        const ids = await pageThrough(`sort=${sort}&order=${order}`, async () => {
          extra += 1;
          await insert(1000 + extra * 10, 1000 + extra * 10 + 4, '新');
        });
        expect(ids.length, `${sort} ${order}`).toBe(COUNT);
        expect([...ids].sort(), `${sort} ${order}`).toEqual(all);
      }
    }
  });

  it('sorts missing answers last, whatever the order', async () => {
    for (const order of ['asc', 'desc']) {
      const items = (await tenant.admin.get(url(`sort=income&order=${order}&limit=200&${encodeURI('filter[mainCause]=因病')}`))).json()
        .items;
      const incomes: (number | null)[] = items.map((s: { data: { income?: number } }) => s.data.income ?? null);
      const known = incomes.filter((n): n is number => n !== null);
      expect(incomes.slice(known.length).length).toBeGreaterThan(0);
      expect(incomes.slice(known.length).every((n) => n === null)).toBe(true);
      expect(known).toEqual([...known].sort((a, b) => (order === 'asc' ? a - b : b - a)));
    }
  });

  it('refuses a cursor of another sort or a forged one', async () => {
    const first = (await tenant.admin.get(url('sort=income&limit=5'))).json();
    expect(detailPaths(await tenant.admin.get(url(`sort=householder&limit=5&cursor=${first.nextCursor}`)))).toEqual(['querystring.cursor']);
    expect(detailPaths(await tenant.admin.get(url('sort=income&limit=5&cursor=bm9wZQ')))).toEqual(['querystring.cursor']);
    const forged = Buffer.from(JSON.stringify(['income', 'desc', 'lots', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    expect(detailPaths(await tenant.admin.get(url(`sort=income&limit=5&cursor=${forged}`)))).toEqual(['querystring.cursor']);
    const badTime = Buffer.from(
      JSON.stringify(['submittedAt', 'desc', '2025-02-31 10:00:00+00', '00000000-0000-0000-0000-000000000000']),
    ).toString('base64url');
    expect(detailPaths(await tenant.admin.get(url(`limit=5&cursor=${badTime}`)))).toEqual(['querystring.cursor']);
  });

  it('a filter on a repeating group’s field matches submissions with any such row', async () => {
    const children = (
      await tenant.admin.get(url(`limit=200&${encodeURI('filter[members.relation]=子女&filter[householder]=户2')}`))
    ).json();
    expect(children.items.length).toBeGreaterThan(0);
    for (const s of children.items) expect(s.data.members.some((m: { relation: string }) => m.relation === '子女')).toBe(true);
    const stats = (
      await tenant.admin.get(
        `${tenant.base}/forms/forms/${formId}/statistics?fields=mainCause&${encodeURI('filter[members.relation]=子女')}`,
      )
    ).json();
    const even = await platform
      .ownerQuery('forms_submission')
      .where({ tenant_id: tenant.id })
      .whereRaw(`data @> '{"members":[{"relation":"子女"}]}'`)
      .count({ n: '*' });
    expect(stats.total).toBe(Number(even[0].n));
    expect(children.fields.find((f: { name: string }) => f.name === 'members.relation')).toMatchObject({
      kind: 'choice',
      group: 'members',
    });
    expect(detailPaths(await tenant.admin.get(url(encodeURI('filter[members.age][gte]=3'))))).toEqual([
      'querystring.filter[members.age][gte]',
    ]);
    expect(detailPaths(await tenant.admin.get(url(encodeURI('filter[members]=甲'))))).toEqual(['querystring.filter[members]']);
    expect(detailPaths(await tenant.admin.get(url('sort=members.relation')))).toEqual(['querystring.sort']);
  });
});
