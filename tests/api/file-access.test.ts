import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import type { TestClient } from '../helpers/test-client.ts';
import { tinyPdf, tinyPng, uploadFile } from '../helpers/multipart.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../helpers/dispatch-fixtures.ts';
import { enableForms, goodHousehold, publishedForm } from '../helpers/forms-fixtures.ts';
import type { ScopedUser } from '../helpers/org-fixtures.ts';
import { up as linkDispatchFiles } from '../../modules/dispatch/migrations/080_file_links.ts';
import { up as linkFormsFiles } from '../../modules/forms/migrations/080_file_links.ts';

/**
 * The file rule (core/files/file-access.ts): a file attached to a record is read by whoever may
 * read the record, an export by whoever asked for it, an unattached upload by its uploader; anyone
 * else gets 404, as for a file that does not exist. The audit viewer hides the ids of the others.
 */
describe('files are readable only by the readers of their record, exports by their requester, the rest by the uploader', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  let submitter: ScopedUser;
  let resultsViewer: ScopedUser;
  let otherSubmitter: ScopedUser;
  const dispatchApi = () => `${tenant.base}/dispatch`;

  const upload = async (client: TestClient, name: string, content: Buffer = tinyPng(2), type = 'image/png'): Promise<string> => {
    const response = await uploadFile(client, tenant.base, name, content, type);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  };
  /** The status of the download and of the metadata, which must agree. */
  const reads = async (client: TestClient, fileId: string): Promise<number> => {
    const [download, meta] = [await client.get(`${tenant.base}/files/${fileId}`), await client.get(`${tenant.base}/files/${fileId}/meta`)];
    expect(meta.statusCode).toBe(download.statusCode);
    if (download.statusCode === 404) expect(download.json().error.code).toBe('FILE_NOT_FOUND');
    return download.statusCode;
  };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('file-rule', '文件县');
    await enableDispatch(tenant);
    await enableForms(tenant);
    // The county's dispatch staff and its forms staff: clerks of 红旗村 and 白马村 fill in, 九峰镇's head reads the town's results.
    world = await dispatchWorld(platform, tenant, {
      with: ['forms-staff.json'],
      signIn: ['supervisor', 'leader', 'agriculture', 'water', 'jiufeng', 'baima', 'hongqi', 'hongqi-clerk', 'baima-clerk', 'jiufeng-head'],
    });
    submitter = world.users['hongqi-clerk'];
    otherSubmitter = world.users['baima-clerk'];
    resultsViewer = world.users['jiufeng-head'];
  });
  afterAll(() => platform?.stop());

  let attachmentId: string;
  let reportPhotoId: string;
  let answerPhotoId: string;
  let taskId: string;
  let jiufengAssignment: string;

  it('a task attachment: its uploader and the units the task went to read it; a unit without the task gets 404', async () => {
    attachmentId = await upload(world.supervisor.client, '整治方案.pdf', tinyPdf(), 'application/pdf');
    const created = await world.supervisor.client.post(`${dispatchApi()}/tasks`, {
      title: '人居环境整治',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(30),
      attachmentIds: [attachmentId],
      assignments: [{ unitId: world.units.jiufeng.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    taskId = created.json().task.id;
    jiufengAssignment = created.json().assignments[0].id;

    expect(await reads(world.supervisor.client, attachmentId)).toBe(200);
    expect(await reads(world.jiufeng.client, attachmentId)).toBe(200);
    expect(await reads(world.leader.client, attachmentId)).toBe(200);
    expect(await reads(world.water.client, attachmentId)).toBe(404);
    expect(await reads(world.baima.client, attachmentId)).toBe(404);
  });

  it('a report photo: the reporting unit and the task’s supervisors read it; other units get 404', async () => {
    const photoId = await upload(world.jiufeng.client, '现场.png');
    reportPhotoId = photoId;
    const report = await world.jiufeng.client.post(`${dispatchApi()}/assignments/${jiufengAssignment}/reports`, {
      progress: 30,
      text: '已清理河道',
      photoIds: [photoId],
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(await reads(world.jiufeng.client, photoId)).toBe(200);
    expect(await reads(world.supervisor.client, photoId)).toBe(200);
    expect(await reads(world.water.client, photoId)).toBe(404);
    expect(await reads(world.hongqi.client, photoId)).toBe(404);
  });

  it('nobody attaches a file they did not upload to a record of their own to read it from there (400, nothing stored)', async () => {
    const before = (await world.jiufeng.client.get(`${dispatchApi()}/assignments/${jiufengAssignment}/reports`)).json().items.length;
    const stolen = await world.jiufeng.client.post(`${dispatchApi()}/assignments/${jiufengAssignment}/reports`, {
      progress: 40,
      photoIds: [await upload(world.supervisor.client, '别人的.png')],
    });
    expect(stolen.statusCode, stolen.body).toBe(400);
    expect(stolen.json().error).toMatchObject({
      code: 'FILE_NOT_ATTACHABLE',
      details: [{ path: 'body.photoIds[0]', message: 'is not a file you uploaded' }],
    });
    expect((await world.jiufeng.client.get(`${dispatchApi()}/assignments/${jiufengAssignment}/reports`)).json().items.length).toBe(before);
    // An edit may keep a colleague's attachment: it is attached to this very task already.
    const kept = await tenant.admin.patch(`${dispatchApi()}/tasks/${taskId}`, { attachmentIds: [attachmentId] });
    expect(kept.statusCode, kept.body).toBe(200);
  });

  it('a photo answer of a form submission: the submitter and results readers over its unit read it; a colleague elsewhere gets 404', async () => {
    const formId = await publishedForm(tenant.admin, tenant);
    const photoId = await upload(submitter.client, '入户照片.png');
    answerPhotoId = photoId;
    const submitted = await submitter.client.post(`${tenant.base}/forms/forms/${formId}/submissions`, {
      version: 1,
      data: { ...goodHousehold, photo: photoId },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(await reads(submitter.client, photoId)).toBe(200);
    expect(await reads(resultsViewer.client, photoId)).toBe(200);
    expect(await reads(tenant.admin, photoId)).toBe(200);
    expect(await reads(otherSubmitter.client, photoId)).toBe(404);
    expect(await reads(world.supervisor.client, photoId)).toBe(404);

    const foreign = await otherSubmitter.client.post(`${tenant.base}/forms/forms/${formId}/submissions`, {
      version: 1,
      data: { ...goodHousehold, photo: photoId },
    });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().error.details).toEqual([{ path: 'body.data.photo', message: 'is not a file you uploaded' }]);
  });

  it('a forms results workbook and a dispatch aggregation: only whoever asked for them', async () => {
    const formId = await publishedForm(tenant.admin, tenant, undefined, '导出用');
    expect(
      (await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/submissions`, { version: 1, data: goodHousehold })).statusCode,
    ).toBe(201);
    const queued = await tenant.admin.post(`${tenant.base}/forms/forms/${formId}/exports`, { kind: 'list' });
    expect(queued.statusCode, queued.body).toBe(202);
    await platform.runExport(tenant.id, queued.json().id);
    const view = (await tenant.admin.get(`${tenant.base}/exports/${queued.json().id}`)).json();
    expect(view.status).toBe('done');
    expect(await reads(tenant.admin, view.fileId)).toBe(200);
    expect(await reads(resultsViewer.client, view.fileId)).toBe(404);

    const aggregation = await world.supervisor.client.post(`${dispatchApi()}/tasks/${taskId}/aggregations`, {});
    expect(aggregation.statusCode, aggregation.body).toBe(202);
    await platform.runExport(tenant.id, aggregation.json().id);
    const { fileId } = (await world.supervisor.client.get(`${tenant.base}/exports/${aggregation.json().id}`)).json();
    expect(await reads(world.supervisor.client, fileId)).toBe(200);
    expect(await reads(world.leader.client, fileId)).toBe(404);
    expect(await reads(tenant.admin, fileId)).toBe(404);
  });

  it('an upload attached to nothing: only its uploader, not even a tenant admin', async () => {
    const fileId = await upload(world.agriculture.client, '草稿.png');
    expect(await reads(world.agriculture.client, fileId)).toBe(200);
    expect(await reads(world.water.client, fileId)).toBe(404);
    expect(await reads(tenant.admin, fileId)).toBe(404);
  });

  it('the audit viewer shows "hidden" for ids of files the reader may not open, and the ids of the others', async () => {
    const hiddenId = await upload(world.agriculture.client, '私人.png');
    const entries = async () =>
      (await tenant.admin.get(`${tenant.base}/audit?limit=200`)).json().items as {
        action: string;
        recordId: string;
        data: Record<string, unknown>;
      }[];
    const items = await entries();
    const uploads = items.filter((e) => e.action === 'files.upload').map((e) => e.recordId);
    expect(uploads).toContain(attachmentId);
    expect(uploads).toContain('hidden');
    expect(uploads).not.toContain(hiddenId);
    expect(JSON.stringify(items)).not.toContain(hiddenId);
    // The supervisor's aggregation: done by the platform, its file the supervisor's alone.
    const aggregationDone = items.find((e) => e.action === 'exports.done' && e.data.module === 'dispatch');
    expect(aggregationDone?.data.fileId).toBe('hidden');
    // Its own export's file id stays visible to the admin who asked for it.
    expect(items.find((e) => e.action === 'exports.done' && e.data.module === 'forms')?.data.fileId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('files attached before the rule existed are attached to their records by the module migrations, so their readers keep them', async () => {
    // An install from before: the records hold file ids, no links exist.
    await platform.db.owner('core_file_link').where({ tenant_id: tenant.id }).delete();
    expect(await reads(world.jiufeng.client, attachmentId)).toBe(404);
    expect(await reads(world.supervisor.client, reportPhotoId)).toBe(404);
    expect(await reads(resultsViewer.client, answerPhotoId)).toBe(404);
    // As the migrator runs a batch: as the owner, in one transaction, modules in modules/index.ts order.
    await platform.db.owner.transaction(async (trx) => {
      // The modules' export tables went to core_export (migrations 130) after these ran: empty stand-ins.
      await trx.raw('create temporary table forms_export (tenant_id uuid, id uuid, file_id uuid) on commit drop');
      await trx.raw('create temporary table dispatch_export (tenant_id uuid, id uuid, file_id uuid) on commit drop');
      await linkFormsFiles(trx);
      await linkDispatchFiles(trx);
    });
    expect(await reads(world.jiufeng.client, attachmentId)).toBe(200);
    expect(await reads(world.supervisor.client, reportPhotoId)).toBe(200);
    expect(await reads(resultsViewer.client, answerPhotoId)).toBe(200);
    expect(await reads(world.water.client, attachmentId)).toBe(404);
    expect(await reads(otherSubmitter.client, answerPhotoId)).toBe(404);
  });
});
