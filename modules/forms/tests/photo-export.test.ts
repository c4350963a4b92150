import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { apiUnit, createScopedUser, type ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { detailPaths, enableForms, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';
import { tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';

/** A household visit with photos at the top and in each member's row (a repeating group). */
const visitSchema = {
  type: 'object',
  properties: {
    householder: { type: 'string', title: '户主姓名' },
    mainCause: { type: 'string', title: '主要致贫原因', enum: ['因病', '因学'] },
    photos: { type: 'array', title: '入户照片', items: { type: 'string', format: 'uuid', 'x-ref': 'file' } },
    members: {
      type: 'array',
      title: '家庭成员',
      items: {
        type: 'object',
        properties: { name: { type: 'string', title: '姓名' }, photo: { type: 'string', title: '照片', format: 'uuid', 'x-ref': 'file' } },
      },
    },
  },
};

describe('forms: a .zip of the photos of the filtered submissions, as an export job', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let colleague: ScopedUser;
  const api = () => `${tenant.base}/forms`;
  const png = (width: number) => tinyPng(width);

  beforeAll(async () => {
    platform = await TestPlatform.start({
      startJobs: true,
      configure: (config) => ({ ...config, jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 } }),
    });
    tenant = await platform.createTenant('forms-photos');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant, visitSchema, '入户走访');
    const village = await apiUnit(tenant.admin, tenant, { name: '城关村', kind: 'village' });
    colleague = await createScopedUser(platform, tenant, {
      username: 'colleague',
      unitId: village.id,
      grants: [{ permission: 'forms.results', scope: 'tenant' }],
    });
    const upload = async (name: string, width: number, type = 'image/png') =>
      (await uploadFile(tenant.admin, tenant.base, name, png(width), type)).json().id as string;
    const door = await upload('IMG_0001.PNG', 1);
    const kitchen = await upload('kitchen.png', 2);
    const grandma = await upload('grandma.png', 3);
    const other = await upload('other.png', 4);
    const answers = [
      { householder: '张一', mainCause: '因病', photos: [door, kitchen], members: [{ name: '张一' }, { name: '王奶奶', photo: grandma }] },
      { householder: '李二', mainCause: '因学', photos: [other] },
      { householder: '赵三', mainCause: '因病' },
    ];
    for (const data of answers) {
      const response = await tenant.admin.post(`${api()}/forms/${formId}/submissions`, { version: 1, data });
      expect(response.statusCode, response.body).toBe(201);
    }
    // 07:29 in Beijing on 5 March is 23:29 UTC on the 4th; the first household belongs to the village.
    await platform
      .ownerQuery('forms_submission')
      .where({ tenant_id: tenant.id, form_id: formId })
      .update({ submitted_at: new Date('2025-03-04T23:29:00Z') });
    await platform
      .ownerQuery('forms_submission')
      .where({ tenant_id: tenant.id, form_id: formId })
      .whereRaw("data->>'householder' = '张一'")
      .update({ unit_id: village.id });
  });
  afterAll(() => platform?.stop());

  async function waitDone(id: string) {
    for (let i = 0; i < 1200; i++) {
      const view = (await tenant.admin.get(`${tenant.base}/exports/${id}`)).json();
      if (view.status === 'done' || view.status === 'failed') return view;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('export did not finish');
  }

  async function zipOf(exportId: string) {
    const file = await tenant.admin.get(`${tenant.base}/exports/${exportId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/zip/);
    const zip = await JSZip.loadAsync(file.rawPayload);
    return {
      zip,
      names: Object.keys(zip.files)
        .filter((name) => !zip.files[name].dir)
        .sort(),
    };
  }

  it('zips every photo into a folder per unit and submission, named by field and number, with the bytes uploaded', async () => {
    const submitter = (await tenant.admin.get(`${api()}/forms/${formId}/submissions`)).json().items[0].submittedBy.displayName as string;
    const created = await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'photos', sort: 'householder', order: 'desc' });
    expect(created.statusCode, created.body).toBe(202);
    expect(created.json()).toMatchObject({ module: 'forms', kind: 'photos', title: '入户走访-照片', status: 'queued', total: 3 });
    const done = await waitDone(created.json().id);
    expect(done).toMatchObject({ status: 'done', progress: 1, done: 3, error: null, fileName: '入户走访-照片.zip' });

    const { zip, names } = await zipOf(done.id);
    const folder = `${submitter} 2025-03-05 0729`;
    expect(names).toEqual([
      `城关村/${folder}/入户照片-1.png`,
      `城关村/${folder}/入户照片-2.png`,
      `城关村/${folder}/家庭成员-2-照片-1.png`,
      `无单位/${folder}/入户照片-1.png`,
    ]);
    // The same bytes as uploaded: the widths 1, 2, 3 tell the photos apart.
    expect(Buffer.from(await zip.file(`城关村/${folder}/入户照片-2.png`)!.async('uint8array')).equals(png(2))).toBe(true);
    expect(Buffer.from(await zip.file(`城关村/${folder}/家庭成员-2-照片-1.png`)!.async('uint8array')).equals(png(3))).toBe(true);

    const notices = (await tenant.admin.get(`${tenant.base}/notifications`)).json();
    expect(JSON.stringify(notices)).toContain(`/exports?highlight=${done.id}`);
  });

  it('keeps to the list’s filters', async () => {
    const created = await tenant.admin.post(`${api()}/forms/${formId}/exports`, {
      kind: 'photos',
      'filter[mainCause]': '因学',
      lang: 'en',
    });
    expect(created.statusCode, created.body).toBe(202);
    const done = await waitDone(created.json().id);
    expect(done).toMatchObject({ status: 'done', total: 1, fileName: '入户走访-photos.zip' });
    const { names } = await zipOf(done.id);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^No unit\/.+ 2025-03-05 0729\/入户照片-1\.png$/);
  });

  it('is its requester’s only: a colleague reading the same results cannot read the export or its file', async () => {
    const created = await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'photos' });
    const done = await waitDone(created.json().id);
    expect((await colleague.client.get(`${tenant.base}/exports/${done.id}`)).statusCode).toBe(404);
    expect((await colleague.client.get(`${tenant.base}/exports/${done.id}/file`)).statusCode).toBe(404);
    expect((await colleague.client.get(`${tenant.base}/files/${done.fileId}`)).statusCode).toBe(404);
    expect((await tenant.admin.get(`${tenant.base}/files/${done.fileId}`)).statusCode).toBe(200);
  });

  it('refuses a photo export of a form that asks for no photo, naming body.kind, and queues nothing', async () => {
    const plain = await publishedForm(
      tenant.admin,
      tenant,
      { type: 'object', properties: { householder: { type: 'string', title: '户主姓名' } } },
      '无照片表',
    );
    const before = await platform.ownerQuery('core_export').where({ tenant_id: tenant.id }).count({ n: '*' });
    const response = await tenant.admin.post(`${api()}/forms/${plain}/exports`, { kind: 'photos' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('FORMS_EXPORT_NO_FILES');
    expect(detailPaths(response)).toEqual(['body.kind']);
    expect(await platform.ownerQuery('core_export').where({ tenant_id: tenant.id }).count({ n: '*' })).toEqual(before);
  });
});
