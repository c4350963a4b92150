import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { apiUnit, createScopedUser, type ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { detailPaths, enableForms, familySchema, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';

const COUNT = 5_000;

describe('forms: export jobs with progress, stored as core files, followed under /exports', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let formId: string;
  let otherViewer: ScopedUser;
  const api = () => `${tenant.base}/forms`;

  beforeAll(async () => {
    platform = await TestPlatform.start({
      startJobs: true,
      configure: (config) => ({ ...config, jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 } }),
    });
    tenant = await platform.createTenant('forms-export');
    await enableForms(tenant);
    formId = await publishedForm(tenant.admin, tenant, familySchema);
    const county = await apiUnit(tenant.admin, tenant, { name: '县本级', kind: 'county' });
    otherViewer = await createScopedUser(platform, tenant, {
      username: 'viewer',
      unitId: county.id,
      grants: [{ permission: 'forms.results', scope: 'tenant' }],
    });
    const admin = await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, username: 'admin' }).first('id');
    // Set-based, as the owner: 5,000 answers through the API would take the test's whole budget.
    await platform.db.owner.raw(
      `insert into forms_submission (tenant_id, id, form_id, version, unit_id, submitted_by, status, data, search_text, submitted_at)
       select ?, gen_random_uuid(), ?, 1, null, ?, 'submitted',
         jsonb_build_object('householder', case when i % 1000 = 0 then '=HYPERLINK("http://evil")' else '户' || i end, 'causes', jsonb_build_array('因病'),
           'mainCause', (array['因病','因学','因残'])[1 + i % 3], 'income', i, 'waterSafe', true,
           'members', jsonb_build_array(jsonb_build_object('name', '甲' || i, 'relation', '户主'), jsonb_build_object('name', '乙' || i, 'relation', case when i % 2 = 0 then '子女' else '配偶' end))),
         '户' || i, now() - make_interval(secs => i)
       from generate_series(1, ?) i`,
      [tenant.id, formId, admin.id, COUNT],
    );
  });
  afterAll(() => platform?.stop());

  // Writing 5,000 rows on the embedded database of a busy CI machine takes well over the default 30 s.
  const EXPORT_TIMEOUT_MS = 150_000;
  async function waitDone(id: string, progress: number[] = []) {
    const deadline = Date.now() + EXPORT_TIMEOUT_MS - 10_000;
    while (Date.now() < deadline) {
      const view = (await tenant.admin.get(`${tenant.base}/exports/${id}`)).json();
      progress.push(view.progress);
      if (view.status === 'done' || view.status === 'failed') return view;
      // Not too often: on the embedded database every poll waits for the one connection the job also uses.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('export did not finish');
  }

  it('the direct download refuses more than 2,000 rows and points to the export job', async () => {
    const response = await tenant.admin.get(`${api()}/forms/${formId}/submissions/export`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('FORMS_EXPORT_TOO_LARGE');
  });

  // PostgreSQL only for now: on the embedded database (one connection) this 10,000-row export keeps
  // requests waiting for the connection past knex's 60 s acquire timeout on a busy 2-core CI machine
  // — a known slowness of large exports in try-out mode, noted on issue 12; the other export tests
  // here run on both databases.
  it.skipIf(!process.env.DATABASE_URL)(
    'exports 5,000 submissions through the job runner, reporting progress, groups one row per member, formulas as text',
    async () => {
      // Every progress the job commits, as it writes it (polling alone may miss them on a fast machine).
      const written: number[] = [];
      const listen = (q: { sql: string; bindings?: unknown[] }) => {
        if (/^update "core_export" set "done" = /.test(q.sql)) written.push(Number(q.bindings?.[0]));
      };
      platform.db.runtime.on('query', listen);
      const created = await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'list', sort: 'income', order: 'asc' });
      expect(created.statusCode, created.body).toBe(202);
      expect(created.json()).toMatchObject({
        module: 'forms',
        kind: 'list',
        title: '因户施策-填报数据',
        status: 'queued',
        total: COUNT,
        done: 0,
      });
      const polled: number[] = [];
      const done = await waitDone(created.json().id, polled);
      platform.db.runtime.off('query', listen);
      expect(done).toMatchObject({
        status: 'done',
        progress: 1,
        total: 2 * COUNT,
        done: 2 * COUNT,
        error: null,
        fileName: '因户施策-填报数据.xlsx',
      });
      // One commit per chunk of 1,000, over both sheets; what GET showed only ever grew.
      expect(written).toEqual([0, 1000, 2000, 3000, 4000, 5000, 5000, 6000, 7000, 8000, 9000, 10000]);
      expect(polled).toEqual([...polled].sort((a, b) => a - b));

      const file = await tenant.admin.get(`${tenant.base}/exports/${done.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
      const main = workbook.getWorksheet('填报数据');
      expect(main?.rowCount).toBe(COUNT + 1);
      const header = (main?.getRow(1).values as string[]).slice(1);
      const column = (title: string) => header.indexOf(title) + 1;
      expect(main?.getRow(2).getCell(column('户主姓名')).value).toBe('户1');
      expect(main?.getRow(COUNT + 1).getCell(column('人均纯收入（元）')).value).toBe(COUNT);
      expect(main?.getRow(2).getCell(column('家庭成员')).value).toBe(2);
      const formula = main?.getRow(1001).getCell(column('户主姓名'));
      expect(formula?.formula).toBeUndefined();
      expect(formula?.value).toBe('\'=HYPERLINK("http://evil")');

      const members = workbook.getWorksheet('家庭成员');
      expect(members?.rowCount).toBe(2 * COUNT + 1);
      expect((members?.getRow(1).values as string[]).slice(1)).toEqual(['编号', '序号', '姓名', '关系', '年龄']);
      expect((members?.getRow(3).values as unknown[]).slice(1, 5)).toEqual([main?.getRow(2).getCell(1).value, 2, '乙1', '配偶']);

      // The same file through core's safe download, and the requester was told, with a link to it on the exports page.
      const core = await tenant.admin.get(`${tenant.base}/files/${done.fileId}`);
      expect(core.statusCode).toBe(200);
      expect(core.rawPayload.equals(file.rawPayload)).toBe(true);
      const notices = await platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, kind: 'exports.done' });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ body: '因户施策-填报数据.xlsx', link: `/exports?highlight=${done.id}` });
    },
    EXPORT_TIMEOUT_MS,
  );

  it(
    'exports the statistics through the job, and an export is its requester’s only',
    async () => {
      const created = await tenant.admin.post(`${api()}/forms/${formId}/exports`, {
        kind: 'statistics',
        fields: 'income,mainCause',
        groupBy: 'mainCause',
      });
      expect(created.statusCode, created.body).toBe(202);
      const done = await waitDone(created.json().id);
      expect(done.status).toBe('done');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await tenant.admin.get(`${tenant.base}/exports/${done.id}/file`)).rawPayload as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '1-人均纯收入（元）', '2-主要致贫原因']);
      expect(workbook.getWorksheet('汇总')?.rowCount).toBe(4);
      expect((await otherViewer.client.get(`${tenant.base}/exports/${done.id}`)).statusCode).toBe(404);
      expect((await otherViewer.client.get(`${tenant.base}/exports/${done.id}/file`)).statusCode).toBe(404);
      expect((await otherViewer.client.get(`${tenant.base}/files/${done.fileId}`)).statusCode).toBe(404);
    },
    EXPORT_TIMEOUT_MS,
  );

  it('writes a statistics job in the language it was asked in', async () => {
    const created = await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'statistics', fields: 'income', lang: 'en' });
    expect(created.statusCode, created.body).toBe(202);
    const done = await waitDone(created.json().id);
    const file = await tenant.admin.get(`${tenant.base}/exports/${done.id}/file`);
    expect(file.headers['content-disposition']).toContain('statistics.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', '1-人均纯收入（元）']);
    expect(workbook.getWorksheet('Summary')?.getRow(2).values).toEqual([undefined, 'All', COUNT]);
    const byHeader = await tenant.admin.post(
      `${api()}/forms/${formId}/exports`,
      { kind: 'statistics', fields: 'income' },
      { 'accept-language': 'en-GB,en;q=0.8' },
    );
    expect((await platform.ownerQuery('core_export').where({ id: byHeader.json().id }).first('params')).params.lang).toBe('en');
    expect(byHeader.json().title).toBe('因户施策-statistics');
    await waitDone(byHeader.json().id);
  });

  it('lists the caller’s own exports among all their exports, newest first, with title and progress, page by page', async () => {
    const mine = (await tenant.admin.get(`${tenant.base}/exports?limit=1`)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ module: 'forms', kind: 'statistics', title: '因户施策-statistics' });
    expect((await platform.ownerQuery('core_export').where({ id: mine.items[0].id }).first('params')).params.formId).toBe(formId);
    const rest = (await tenant.admin.get(`${tenant.base}/exports?limit=100&cursor=${mine.nextCursor}`)).json();
    const all = [...mine.items, ...rest.items];
    const stored = await platform
      .ownerQuery('core_export')
      .where({
        tenant_id: tenant.id,
        requested_by: (await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, username: 'admin' }).first('id')).id,
      })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .select('id');
    expect(all.map((e: { id: string }) => e.id)).toEqual(stored.map((r: { id: string }) => r.id));
    expect(rest.nextCursor).toBeNull();
    // The 5,000-row list export runs on PostgreSQL only (see above).
    if (process.env.DATABASE_URL)
      expect(all.find((e: { kind: string; status: string }) => e.kind === 'list')).toMatchObject({ status: 'done', progress: 1 });

    // Someone else's list holds only their own (none yet), and a forged cursor is a 400.
    expect((await otherViewer.client.get(`${tenant.base}/exports`)).json()).toEqual({ items: [], nextCursor: null });
    expect(detailPaths(await tenant.admin.get(`${tenant.base}/exports?cursor=bm9wZQ`))).toEqual(['querystring.cursor']);
    expect(detailPaths(await tenant.admin.get(`${tenant.base}/exports?limit=0`))).toEqual(['querystring.limit']);
  });

  it('bad export requests are a 400 naming the body field, and nothing is queued', async () => {
    const before = await platform.ownerQuery('core_export').where({ tenant_id: tenant.id }).count({ n: '*' });
    expect(detailPaths(await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'list', 'filter[nope]': '1' }))).toEqual([
      'body.filter[nope]',
    ]);
    expect(detailPaths(await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'list', sort: 'members' }))).toEqual([
      'body.sort',
    ]);
    expect(detailPaths(await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'statistics', fields: 'householder' }))).toEqual(
      ['body.fields[0]'],
    );
    expect((await tenant.admin.post(`${api()}/forms/${formId}/exports`, { kind: 'csv' })).statusCode).toBe(400);
    expect(await platform.ownerQuery('core_export').where({ tenant_id: tenant.id }).count({ n: '*' })).toEqual(before);
  });

  it('another tenant’s export id is not found', async () => {
    const other = await platform.createTenant('forms-export-b');
    await enableForms(other);
    const mine = (await platform.ownerQuery('core_export').where({ tenant_id: tenant.id }).first('id')).id;
    expect((await other.admin.get(`${other.base}/exports/${mine}`)).statusCode).toBe(404);
    expect((await other.admin.get(`${other.base}/exports/${mine}/file`)).statusCode).toBe(404);
  });
});
