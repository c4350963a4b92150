import type { IsolationCase, IsolationSuite } from '../../../tests/helpers/cross-tenant.ts';
import { apiUnit } from '../../../tests/helpers/org-fixtures.ts';
import { enableForms, goodHousehold, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';

/** Forms module routes: forms and versions, submissions, collections, results. */
export const formsIsolation: IsolationSuite = {
  name: 'forms',
  async setup(_platform, owner, intruder) {
    await enableForms(owner);
    await enableForms(intruder);
    const base = `${owner.base}/forms`;
    const ids: Record<string, string> = {};
    ids.form = await publishedForm(owner.admin, owner);
    ids.village = (await apiUnit(owner.admin, owner, { name: '甲村', kind: 'village' })).id;
    const collection = await owner.admin.post(`${base}/collections`, {
      formId: ids.form,
      name: '甲县月报',
      frequency: 'monthly',
      startsOn: '2025-01-01',
      unitIds: [ids.village],
    });
    ids.collection = collection.json().id;
    await owner.admin.post(`${base}/collections/${ids.collection}/periods`, { periodKey: '2025-03' });
    const assigneeId = collection.json().assignees[0].id;
    ids.submission = (
      await owner.admin.post(`${base}/forms/${ids.form}/submissions`, {
        version: 1,
        data: goodHousehold,
        collectionId: ids.collection,
        periodKey: '2025-03',
        assigneeId,
      })
    ).json().id;
    await publishedForm(intruder.admin, intruder, undefined, '乙县表单');

    const form = { id: ids.form };
    const period = { version: '1', period: '2025-03' };
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/forms/forms' },
      { route: 'POST /api/t/:tenant/forms/forms', body: { name: '入侵表单', schema: { type: 'object' } } },
      { route: 'GET /api/t/:tenant/forms/forms/:id', params: form },
      { route: 'PATCH /api/t/:tenant/forms/forms/:id', params: form, body: { name: '改名' } },
      { route: 'POST /api/t/:tenant/forms/forms/:id/publish', params: form, body: {} },
      { route: 'GET /api/t/:tenant/forms/forms/:id/versions', params: form },
      { route: 'GET /api/t/:tenant/forms/forms/:id/versions/:version', params: form, sharedParams: period },
      { route: 'GET /api/t/:tenant/forms/forms/:id/versions/:version/validator.js', params: form, sharedParams: period },
      { route: 'POST /api/t/:tenant/forms/forms/:id/submissions', params: form, body: { version: 1, data: goodHousehold } },
      { route: 'GET /api/t/:tenant/forms/submissions/mine' },
      { route: 'GET /api/t/:tenant/forms/submissions/:id', params: { id: ids.submission } },
      { route: 'PATCH /api/t/:tenant/forms/submissions/:id', params: { id: ids.submission }, body: { data: goodHousehold } },
      { route: 'POST /api/t/:tenant/forms/submissions/:id/submit', params: { id: ids.submission }, body: {} },
      { route: 'POST /api/t/:tenant/forms/submissions/:id/return', params: { id: ids.submission }, body: { reason: '入侵退回' } },
      {
        route: 'POST /api/t/:tenant/forms/collections',
        body: { formId: ids.form, name: '入侵收集', frequency: 'monthly', unitIds: [ids.village] },
      },
      { route: 'GET /api/t/:tenant/forms/collections' },
      { route: 'GET /api/t/:tenant/forms/collections', query: `formId=${ids.form}` },
      { route: 'GET /api/t/:tenant/forms/collections/:id', params: { id: ids.collection } },
      { route: 'PATCH /api/t/:tenant/forms/collections/:id', params: { id: ids.collection }, body: { status: 'closed' } },
      { route: 'POST /api/t/:tenant/forms/collections/:id/periods', params: { id: ids.collection }, body: { periodKey: '2025-04' } },
      { route: 'GET /api/t/:tenant/forms/collections/:id/periods/:period/status', params: { id: ids.collection }, sharedParams: period },
      {
        route: 'POST /api/t/:tenant/forms/collections/:id/periods/:period/remind',
        params: { id: ids.collection },
        sharedParams: period,
        body: {},
      },
      { route: 'GET /api/t/:tenant/forms/collections/:id/periods/:period/previous', params: { id: ids.collection }, sharedParams: period },
      { route: 'GET /api/t/:tenant/forms/my-due' },
      { route: 'GET /api/t/:tenant/forms/forms/:id/submissions', params: form, query: encodeURI('filter[mainCause]=因病&sort=income') },
      { route: 'GET /api/t/:tenant/forms/forms/:id/statistics', params: form, query: 'groupBy=unit' },
      { route: 'GET /api/t/:tenant/forms/forms/:id/submissions/export', params: form },
      { route: 'GET /api/t/:tenant/forms/forms/:id/statistics/export', params: form, query: 'groupBy=mainCause' },
      {
        route: 'POST /api/t/:tenant/forms/forms/:id/exports',
        params: form,
        body: { kind: 'list', sort: 'income', 'filter[mainCause]': '因病' },
      },
      { route: 'POST /api/t/:tenant/forms/forms/:id/exports', params: form, body: { kind: 'statistics', groupBy: 'unit' } },
    ];
    return cases;
  },
};
