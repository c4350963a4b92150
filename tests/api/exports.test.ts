import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { fixtureExport, pauseNextSheetAt } from '../helpers/export-fixture-module.ts';
import { apiUnit, createScopedUser, type ScopedUser } from '../helpers/org-fixtures.ts';
import { detailPaths } from '../helpers/forms-fixtures.ts';
import { installedModules } from '../../modules/index.ts';

/** Core's export jobs (core/exports/), through a module of the test's own that queues and writes them. */
describe('my exports: every module’s export jobs, their progress and files, each its requester’s own', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let colleague: ScopedUser;
  const queue = async (client: TestTenant['admin'], body: Record<string, unknown>) => {
    const response = await client.post(`${tenant.base}/fixture-export/exports`, body);
    expect(response.statusCode, response.body).toBe(202);
    return response.json() as { id: string; status: string };
  };
  const view = async (client: TestTenant['admin'], id: string) => (await client.get(`${tenant.base}/exports/${id}`)).json();

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [...installedModules, fixtureExport] });
    tenant = await platform.createTenant('exports');
    expect((await tenant.admin.post(`${tenant.base}/modules/fixture-export/enable`)).statusCode).toBe(200);
    const county = await apiUnit(tenant.admin, tenant, { name: '县本级', kind: 'county' });
    colleague = await createScopedUser(platform, tenant, {
      username: 'colleague',
      unitId: county.id,
      grants: [{ permission: 'fixture-export.read', scope: 'tenant' }],
    });
  });
  afterAll(() => platform?.stop());

  it('a queued export waits with its size; its file is not ready; its job is queued with it', async () => {
    const queued = await queue(tenant.admin, { kind: 'sheet', rows: 4 });
    expect(queued).toMatchObject({
      module: 'fixture-export',
      kind: 'sheet',
      title: '测试导出-sheet',
      status: 'queued',
      done: 0,
      total: 4,
      progress: 0,
      fileId: null,
      fileName: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(await view(tenant.admin, queued.id)).toEqual(queued);
    const file = await tenant.admin.get(`${tenant.base}/exports/${queued.id}/file`);
    expect([file.statusCode, file.json().error.code]).toEqual([409, 'EXPORT_NOT_READY']);
    const jobs = await platform.db.owner.raw(
      `select count(*)::int as n from pgboss.job where name = 'core.export' and data->>'exportId' = ?`,
      [queued.id],
    );
    expect(jobs.rows[0].n).toBe(1);
    const audit = await platform
      .ownerQuery('core_audit_log')
      .where({ tenant_id: tenant.id, action: 'exports.create', record_id: queued.id })
      .first('record_type', 'data');
    expect(audit).toMatchObject({ record_type: 'export', data: { module: 'fixture-export', kind: 'sheet', title: '测试导出-sheet' } });
  });

  it('shows its progress while it runs, then its file, downloadable by its requester, who is told with a link to it', async () => {
    const queued = await queue(tenant.admin, { kind: 'sheet', rows: 4 });
    const pause = pauseNextSheetAt(2);
    const running = platform.runExport(tenant.id, queued.id);
    await pause.reached;
    expect(await view(tenant.admin, queued.id)).toMatchObject({ status: 'running', done: 2, total: 4, progress: 0.5, fileId: null });
    pause.release();
    await running;

    const done = await view(tenant.admin, queued.id);
    expect(done).toMatchObject({ status: 'done', done: 4, total: 4, progress: 1, fileName: '测试导出-sheet.csv', error: null });
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
    const file = await tenant.admin.get(`${tenant.base}/exports/${queued.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('编号\n1\n2\n3\n4\n');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect((await tenant.admin.get(`${tenant.base}/files/${done.fileId}`)).statusCode).toBe(200);
    const notices = (await tenant.admin.get(`${tenant.base}/notifications`)).json().items;
    expect(notices.find((n: { link: string }) => n.link === `/exports?highlight=${queued.id}`)).toMatchObject({
      kind: 'exports.done',
      body: '测试导出-sheet.csv',
    });

    // A retried job finds it done and changes nothing.
    await platform.runExport(tenant.id, queued.id);
    expect(await view(tenant.admin, queued.id)).toEqual(done);
  });

  it('a failed export shows why: the module’s own reason, or a general one for an unexpected failure; no file', async () => {
    const broken = await queue(tenant.admin, { kind: 'broken' });
    await platform.runExport(tenant.id, broken.id);
    expect(await view(tenant.admin, broken.id)).toMatchObject({
      status: 'failed',
      error: 'Nothing matches: widen the filters',
      fileId: null,
    });
    expect((await tenant.admin.get(`${tenant.base}/exports/${broken.id}/file`)).statusCode).toBe(409);
    const notice = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, kind: 'exports.failed', link: `/exports?highlight=${broken.id}` })
      .first('body');
    expect(notice.body).toBe('Nothing matches: widen the filters');

    const crashed = await queue(tenant.admin, { kind: 'crash' });
    // Thrown on for the job runner's log (and retry, which then finds it failed).
    await expect(platform.runExport(tenant.id, crashed.id)).rejects.toThrow('disk on fire');
    expect(await view(tenant.admin, crashed.id)).toMatchObject({ status: 'failed', error: 'The export failed; please try again' });
    await platform.runExport(tenant.id, crashed.id);
    expect((await view(tenant.admin, crashed.id)).status).toBe('failed');
  });

  it('someone else’s export is not found, nor listed, nor its file readable: not even by a tenant admin', async () => {
    const theirs = await queue(colleague.client, { kind: 'sheet', rows: 1 });
    await platform.runExport(tenant.id, theirs.id);
    const { fileId } = await view(colleague.client, theirs.id);
    for (const url of [`/exports/${theirs.id}`, `/exports/${theirs.id}/file`, `/files/${fileId}`]) {
      const response = await tenant.admin.get(`${tenant.base}${url}`);
      expect([url, response.statusCode]).toEqual([url, 404]);
    }
    expect((await tenant.admin.get(`${tenant.base}/exports/${theirs.id}`)).json().error.code).toBe('EXPORT_NOT_FOUND');
    const listed = (await tenant.admin.get(`${tenant.base}/exports?limit=100`)).json().items.map((e: { id: string }) => e.id);
    expect(listed).not.toContain(theirs.id);
    expect((await colleague.client.get(`${tenant.base}/exports`)).json().items.map((e: { id: string }) => e.id)).toEqual([theirs.id]);
  });

  it('another tenant’s export is not found, whoever asks', async () => {
    const mine = await queue(tenant.admin, { kind: 'sheet', rows: 1 });
    await platform.runExport(tenant.id, mine.id);
    const other = await platform.createTenant('exports-b');
    expect((await other.admin.get(`${other.base}/exports/${mine.id}`)).statusCode).toBe(404);
    expect((await other.admin.get(`${other.base}/exports/${mine.id}/file`)).statusCode).toBe(404);
    expect((await other.admin.get(`${other.base}/exports`)).json()).toEqual({ items: [], nextCursor: null });
  });

  it('an export that needs a permission is gone once its requester loses it, and while its module is disabled', async () => {
    const guarded = await queue(colleague.client, { kind: 'sheet', rows: 1, guarded: true });
    await platform.runExport(tenant.id, guarded.id);
    const { fileId } = await view(colleague.client, guarded.id);
    expect((await colleague.client.get(`${tenant.base}/files/${fileId}`)).statusCode).toBe(200);

    await platform.ownerQuery('core_role_permission').where({ tenant_id: tenant.id, permission: 'fixture-export.read' }).delete();
    expect((await colleague.client.get(`${tenant.base}/exports/${guarded.id}`)).statusCode).toBe(404);
    expect((await colleague.client.get(`${tenant.base}/files/${fileId}`)).statusCode).toBe(404);
    expect((await colleague.client.get(`${tenant.base}/exports`)).json().items.map((e: { id: string }) => e.id)).not.toContain(guarded.id);

    const mine = await queue(tenant.admin, { kind: 'sheet', rows: 1 });
    expect((await tenant.admin.post(`${tenant.base}/modules/fixture-export/disable`)).statusCode).toBe(200);
    expect((await tenant.admin.get(`${tenant.base}/exports/${mine.id}`)).statusCode).toBe(404);
    expect((await tenant.admin.get(`${tenant.base}/exports`)).json().items).toEqual([]);
    // Its job, run meanwhile, fails: the module that writes it is not there to write it.
    await platform.runExport(tenant.id, mine.id);
    expect((await tenant.admin.post(`${tenant.base}/modules/fixture-export/enable`)).statusCode).toBe(200);
    expect(await view(tenant.admin, mine.id)).toMatchObject({
      status: 'failed',
      error: 'The module that writes this export is not enabled',
    });
  });

  it('lists the user’s exports newest first, page by page; a bad cursor or limit is a 400 naming it', async () => {
    const first = (await tenant.admin.get(`${tenant.base}/exports?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const rest = (await tenant.admin.get(`${tenant.base}/exports?limit=100&cursor=${first.nextCursor}`)).json();
    expect(rest.nextCursor).toBeNull();
    const all = [...first.items, ...rest.items].map((e: { id: string }) => e.id);
    const admin = await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, username: 'admin' }).first('id');
    const stored = await platform
      .ownerQuery('core_export')
      .where({ tenant_id: tenant.id, requested_by: admin.id })
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .pluck('id');
    expect(all).toEqual(stored);
    expect(detailPaths(await tenant.admin.get(`${tenant.base}/exports?cursor=nope`))).toEqual(['querystring.cursor']);
    expect(detailPaths(await tenant.admin.get(`${tenant.base}/exports?limit=101`))).toEqual(['querystring.limit']);
    expect(detailPaths(await tenant.admin.get(`${tenant.base}/exports/not-an-id`))).toEqual(['params.id']);
  });
});
