import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { withTenant } from '../../../core/db/tenant-transaction.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { auditOf, type ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import {
  detailPaths,
  enableForms,
  formsWorld,
  goodHousehold,
  householdSchema,
  publishedForm,
} from '../../../tests/helpers/forms-fixtures.ts';

describe('forms: filling in, validating against the exact version, drafts, returns and resubmission', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let staff: ScopedUser;
  let townHead: ScopedUser;
  let otherTownHead: ScopedUser;
  /** Fills in for another village, 白马村. */
  let stranger: ScopedUser;
  const submissions = () => `${tenant.base}/forms/forms/${formId}/submissions`;
  const countRows = async () =>
    Number((await platform.ownerQuery('forms_submission').where({ tenant_id: tenant.id }).count({ n: '*' }))[0].n);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('forms-fill');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant);
    const world = await formsWorld(platform, tenant, { signIn: ['hongqi-clerk', 'baima-clerk', 'jiufeng-head', 'baima-head'] });
    staff = world.hongqiClerk;
    townHead = world.jiufengHead;
    otherTownHead = world.baimaHead;
    stranger = world.baimaClerk;
  });
  afterAll(() => platform?.stop());

  it('a valid submission is stored with its version and unit, and audited', async () => {
    const response = await staff.client.post(submissions(), { version: 1, data: goodHousehold });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      formId,
      version: 1,
      status: 'submitted',
      unitName: '红旗村',
      data: goodHousehold,
      submittedBy: { displayName: '王秀兰' },
    });
    expect((await auditOf(platform, tenant.id, response.json().id)).map((e) => e.action)).toEqual(['forms.submission.submit']);
  });

  it('a submission made with version 1 is still shown with version 1 after version 2 is published', async () => {
    const made = (await staff.client.post(submissions(), { version: 1, data: goodHousehold })).json();
    const v2Schema = { ...householdSchema, properties: { ...householdSchema.properties, phone: { type: 'string', title: '联系电话' } } };
    expect((await tenant.admin.patch(`${tenant.base}/forms/forms/${formId}`, { schema: v2Schema })).statusCode).toBe(200);
    expect((await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/publish`, {})).json().version).toBe(2);
    const shown = (await staff.client.get(`${tenant.base}/forms/submissions/${made.id}`)).json();
    expect(shown.version).toBe(1);
    expect(shown.form.version).toBe(1);
    expect(shown.form.schema.properties.phone).toBeUndefined();
    // Version 1 still refuses the field only version 2 knows, and version 2 accepts it.
    const withPhone = { ...goodHousehold, phone: '13800000000' };
    expect(detailPaths(await staff.client.post(submissions(), { version: 1, data: withPhone }))).toEqual(['body.data.phone']);
    expect((await staff.client.post(submissions(), { version: 2, data: withPhone })).json().version).toBe(2);
  });

  it('extra fields, wrong types, oversized strings and broken conditions are refused naming each field, and nothing is stored', async () => {
    const before = await countRows();
    const bad = await staff.client.post(submissions(), {
      version: 1,
      data: {
        ...goodHousehold,
        householder: 'x'.repeat(21),
        income: '四千',
        waterSafe: false,
        secret: 1,
        members: [{ name: '甲', age: 200, extra: true }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('FORMS_SUBMISSION_INVALID');
    expect(detailPaths(bad)).toEqual(
      expect.arrayContaining([
        'body.data.householder',
        'body.data.income',
        'body.data.secret',
        'body.data.waterProblem',
        'body.data.members[0].age',
        'body.data.members[0].extra',
      ]),
    );
    const huge = await staff.client.post(submissions(), { version: 1, data: { ...goodHousehold, idCard: '1'.repeat(25_000) } });
    expect(huge.statusCode).toBe(400);
    expect(detailPaths(huge)).toEqual(['body.data.idCard']);
    const tooBig = await staff.client.post(submissions(), {
      version: 1,
      data: { ...goodHousehold, members: Array.from({ length: 30 }, () => ({ name: 'x'.repeat(19_000) })) },
    });
    expect(tooBig.statusCode).toBe(413);
    expect(detailPaths(tooBig)).toEqual(['body.data']);
    expect((await staff.client.post(submissions(), { version: 9, data: goodHousehold })).json().error.details[0].path).toBe('body.version');
    expect(await countRows()).toBe(before);
  });

  it('a retry with the same Idempotency-Key creates one submission and answers the same', async () => {
    const before = await countRows();
    const key = { 'idempotency-key': 'household-retry-0001' };
    const first = await staff.client.post(submissions(), { version: 1, data: goodHousehold }, key);
    const retry = await staff.client.post(submissions(), { version: 1, data: goodHousehold }, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await countRows()).toBe(before + 1);
  });

  it('a draft may lack required answers but not hold wrong ones; submitting it validates in full', async () => {
    const partial = { householder: '李四', income: 1000 };
    const draft = await staff.client.post(submissions(), { version: 1, data: partial, draft: true });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', submittedAt: null });
    expect(detailPaths(await staff.client.post(submissions(), { version: 1, data: { income: 'many' }, draft: true }))).toEqual([
      'body.data.income',
    ]);

    const id = draft.json().id;
    const incomplete = await staff.client.post(`${tenant.base}/forms/submissions/${id}/submit`, {});
    expect(incomplete.statusCode).toBe(400);
    expect(detailPaths(incomplete)).toEqual(expect.arrayContaining(['body.data.causes', 'body.data.mainCause', 'body.data.waterSafe']));
    expect(
      (await staff.client.patch(`${tenant.base}/forms/submissions/${id}`, { data: { ...partial, causes: ['因学'] } })).json().data.causes,
    ).toEqual(['因学']);
    const submitted = await staff.client.post(`${tenant.base}/forms/submissions/${id}/submit`, {
      data: { ...goodHousehold, householder: '李四' },
    });
    expect(submitted.json()).toMatchObject({ status: 'submitted', data: { householder: '李四' } });
    const locked = await staff.client.patch(`${tenant.base}/forms/submissions/${id}`, { data: partial });
    expect(locked.json().error.code).toBe('FORMS_SUBMISSION_LOCKED');
    const mine = (await staff.client.get(`${tenant.base}/forms/submissions/mine?status=submitted&limit=200`)).json().items;
    expect(mine.some((s: { id: string }) => s.id === id)).toBe(true);
  });

  it('the town head returns a village submission with a reason; the submitter is notified, corrects and resubmits', async () => {
    const id = (await staff.client.post(submissions(), { version: 1, data: goodHousehold })).json().id;
    expect((await otherTownHead.client.post(`${tenant.base}/forms/submissions/${id}/return`, { reason: '不是你镇的' })).statusCode).toBe(
      404,
    );
    expect((await otherTownHead.client.get(`${tenant.base}/forms/submissions/${id}`)).statusCode).toBe(404);
    expect(detailPaths(await townHead.client.post(`${tenant.base}/forms/submissions/${id}/return`, { reason: '' }))).toEqual([
      'body.reason',
    ]);

    const returned = await townHead.client.post(`${tenant.base}/forms/submissions/${id}/return`, { reason: '收入数据与台账不符' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '收入数据与台账不符' });
    expect((await townHead.client.post(`${tenant.base}/forms/submissions/${id}/return`, { reason: '再退' })).json().error.code).toBe(
      'FORMS_SUBMISSION_NOT_SUBMITTED',
    );
    const inbox = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, user_id: staff.userId, kind: 'forms.submission.returned' });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ body: '收入数据与台账不符', link: '/forms/my-due' }); // A submission outside a collection: the page of what is due (no page shows a bare submission).

    const resubmitted = await staff.client.post(`${tenant.base}/forms/submissions/${id}/submit`, {
      data: { ...goodHousehold, income: 3900 },
    });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', data: { income: 3900 } });
    expect((await auditOf(platform, tenant.id, id)).map((e) => e.action)).toEqual([
      'forms.submission.submit',
      'forms.submission.return',
      'forms.submission.resubmit',
    ]);
  });

  it("someone else's submission cannot be read or changed by another filler", async () => {
    const id = (await staff.client.post(submissions(), { version: 1, data: goodHousehold, draft: true })).json().id;
    expect((await stranger.client.get(`${tenant.base}/forms/submissions/${id}`)).statusCode).toBe(404);
    expect((await stranger.client.patch(`${tenant.base}/forms/submissions/${id}`, { data: goodHousehold })).statusCode).toBe(404);
    expect((await stranger.client.post(`${tenant.base}/forms/submissions/${id}/submit`, {})).statusCode).toBe(404);
  });

  it('a photo answer must name an uploaded file of this tenant', async () => {
    const missing = await staff.client.post(submissions(), { version: 1, data: { ...goodHousehold, photo: uuidv7() } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'FORMS_FILE_NOT_FOUND', details: [{ path: 'body.data.photo' }] });
    const fileId = uuidv7();
    await withTenant(platform.db, tenant.id, (trx) =>
      trx('core_file').insert({
        tenant_id: tenant.id,
        id: fileId,
        name: '入户.jpg',
        content_type: 'image/jpeg',
        size_bytes: 10,
        sha256: 'x',
        created_by: staff.userId,
      }),
    );
    const ok = await staff.client.post(submissions(), { version: 1, data: { ...goodHousehold, photo: fileId } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(detailPaths(await staff.client.post(submissions(), { version: 1, data: { ...goodHousehold, photo: 'not-a-uuid' } }))).toEqual([
      'body.data.photo',
    ]);
  });

  it('only holders of forms.submit fill in, and only forms.collect returns', async () => {
    expect((await townHead.client.post(submissions(), { version: 1, data: goodHousehold })).statusCode).toBe(403);
    const id = (await staff.client.post(submissions(), { version: 1, data: goodHousehold })).json().id;
    expect((await staff.client.post(`${tenant.base}/forms/submissions/${id}/return`, { reason: '自己退' })).statusCode).toBe(403);
  });
});
