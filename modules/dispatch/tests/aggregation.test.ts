import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../../core/export/xlsx-reader.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { detailPaths, enableForms, publishedForm } from '../../../tests/helpers/forms-fixtures.ts';
import { tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';
import { apiUnit } from '../../../tests/helpers/org-fixtures.ts';
import { daysFromNow, dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';

const HEADERS = [
  '单位',
  '上级单位',
  '角色',
  '责任人',
  '截止时间',
  '亮灯',
  '汇总进度(%)',
  '本单位报送进度(%)',
  '状态',
  '报告内容',
  '照片数',
  '报送时间',
  '亮牌',
];

/** The aggregation sheet as a reader sees it: the title row, the header row below it, the rows with each cell's text and link. */
async function aggregationTable(payload: Buffer, name = '汇总') {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(name)!;
  const headers: string[] = [];
  sheet.getRow(2).eachCell({ includeEmpty: true }, (cell, column) => {
    headers[column - 1] = cellText(cell.value);
  });
  const rows: { cells: Record<string, string>; links: Record<string, string> }[] = [];
  sheet.eachRow((row, n) => {
    if (n <= 2) return;
    const cells: Record<string, string> = {};
    const links: Record<string, string> = {};
    headers.forEach((header, i) => {
      const value = row.getCell(i + 1).value;
      cells[header] = cellText(value);
      if (value && typeof value === 'object' && 'hyperlink' in value) links[header] = value.hyperlink;
    });
    rows.push({ cells, links });
  });
  return { title: cellText(sheet.getRow(1).getCell(1).value), headers, rows };
}
const EVIL = '=HYPERLINK("http://evil.example","点我")';

describe('dispatch: aggregating every unit’s latest report into one .xlsx', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: DispatchWorld;
  let taskId: string;
  let photoId: string;
  const api = () => `${tenant.base}/dispatch`;
  const sheetOf = (payload: Buffer) => aggregationTable(payload);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-aggregation');
    await enableForms(tenant);
    await enableDispatch(tenant, { directAggregationMaxRows: 10 });
    world = await dispatchWorld(platform, tenant, {
      signIn: ['supervisor', 'leader', 'agriculture', 'water', 'jiufeng', 'baima', 'hongqi'],
    });
    const formId = await publishedForm(tenant.admin, tenant);
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '入户走访月报',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(60),
      reportFormId: formId,
      cadence: { kind: 'monthly' },
      assignments: [
        { unitId: world.units.jiufeng.id, personId: world.jiufeng.personId },
        { unitId: world.units.baima.id, role: 'co' },
        { unitId: world.units.water.id, role: 'co' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    taskId = created.json().task.id;
    const assignmentOf = (unitId: string) =>
      created.json().assignments.find((a: { unit: { id: string } }) => a.unit.id === unitId).id as string;
    const [jiufeng, water] = [assignmentOf(world.units.jiufeng.id), assignmentOf(world.units.water.id)];
    const split = await world.jiufeng.client.post(`${api()}/assignments/${jiufeng}/subtasks`, {
      assignments: [{ unitId: world.units.hongqi.id }, { unitId: world.units.xinhua.id }],
    });
    expect(split.statusCode, split.body).toBe(201);
    const [hongqi] = split.json().items.map((a: { id: string }) => a.id);
    // Two past months as the task's report periods (what the period schedule opens).
    await platform
      .ownerQuery('dispatch_report_period')
      .insert(
        ['2025-01', '2025-02'].map((key, i) => ({
          tenant_id: tenant.id,
          task_id: taskId,
          period_key: key,
          starts_on: `2025-0${i + 1}-01`,
          ends_on: `2025-0${i + 1}-28`,
          due_at: new Date(`2025-0${i + 2}-05T00:00:00Z`),
        })),
      )
      .onConflict(['tenant_id', 'task_id', 'period_key'])
      .ignore();
    const household = (householder: string, income: number) => ({
      householder,
      causes: ['因病'],
      mainCause: '因病',
      income,
      waterSafe: true,
    });
    const photo = (await uploadFile(world.hongqi.client, tenant.base, '入户.png', tinyPng(), 'image/png')).json().id;
    photoId = photo;
    const report = (client: typeof world.hongqi.client, id: string, body: Record<string, unknown>) =>
      client.post(`${api()}/assignments/${id}/reports`, body);
    const january = await report(world.hongqi.client, hongqi, {
      progress: 40,
      text: EVIL,
      periodKey: '2025-01',
      photoIds: [photo],
      data: household('王大山', 4200),
    });
    expect(january.statusCode, january.body).toBe(201);
    expect(
      (await world.supervisor.client.post(`${api()}/reports/${january.json().id}/card`, { color: 'yellow', reason: '照片不清晰' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await report(world.hongqi.client, hongqi, {
          progress: 80,
          text: '二月走访完成八成',
          periodKey: '2025-02',
          data: household('李四', 5100),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await report(world.water.client, water, { progress: 50, text: '水务局初报', periodKey: '2025-02', data: household('赵五', 3000) }))
        .statusCode,
    ).toBe(201);
    const returned = await report(world.water.client, water, {
      progress: 60,
      text: '被退回的报告',
      periodKey: '2025-02',
      data: household('赵五', 3100),
    });
    await world.supervisor.client.post(`${api()}/reports/${returned.json().id}/review`, { decision: 'return', reason: '数据有误' });
  });
  afterAll(() => platform?.stop());

  it('one click gives one sheet: a row per assignment in tree order, each unit’s latest report, its card and form fields', async () => {
    const response = await world.supervisor.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('入户走访月报-汇总.xlsx'));
    const sheet = await sheetOf(response.rawPayload);
    expect(sheet.headers.slice(0, HEADERS.length)).toEqual(HEADERS);
    expect(sheet.headers).toEqual(expect.arrayContaining(['户主姓名', '致贫原因', '人均纯收入（元）']));
    const rows = sheet.rows.map((r) => r.cells);
    expect(rows.map((r) => [r['单位'], r['上级单位'], r['角色']])).toEqual([
      ['九峰镇', '区委督查室', '牵头'],
      ['红旗村', '九峰镇', '牵头'],
      ['新华村', '九峰镇', '牵头'],
      ['白马镇', '区委督查室', '配合'],
      ['区水务局', '区委督查室', '配合'],
    ]);
    expect(rows[0]['责任人']).toBe('jiufeng本人');
    expect(rows[1]).toMatchObject({
      '汇总进度(%)': '80',
      '本单位报送进度(%)': '80',
      报告内容: '二月走访完成八成',
      照片数: '0',
      亮牌: '',
      户主姓名: '李四',
      '人均纯收入（元）': '5100',
      状态: '办理中',
    });
    expect(rows[1]['报送时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // A returned report is not the unit's word: the one before it is.
    expect(rows[4]).toMatchObject({ 报告内容: '水务局初报', 户主姓名: '赵五', '人均纯收入（元）': '3000' });
    expect(rows[2]).toMatchObject({ 报告内容: '', 户主姓名: '', 亮灯: '白灯', 状态: '未签收' });
  });

  it('a period gives each unit’s latest report in it (progress stays the unit’s current one); formula-like text is written as text', async () => {
    const response = await world.supervisor.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx?periodKey=2025-01`);
    expect(response.statusCode, response.body).toBe(200);
    const rows = (await sheetOf(response.rawPayload)).rows.map((r) => r.cells);
    expect(rows[1]).toMatchObject({ 报告内容: EVIL, 照片数: '1', 亮牌: '黄牌：照片不清晰', 户主姓名: '王大山', '汇总进度(%)': '80' });
    expect(rows[4]['报告内容']).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const cell = workbook
      .getWorksheet('汇总')!
      .getRow(4)
      .getCell(HEADERS.indexOf('报告内容') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${EVIL}`);
  });

  it('the sheet opens with a title row naming the task and the period, and links every photo of a report', async () => {
    const month = await aggregationTable(
      (await world.supervisor.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx?periodKey=2025-01`)).rawPayload,
    );
    expect(month.title).toMatch(/^入户走访月报 · 报送期 2025-01 · 汇总于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    expect(month.headers.at(-1)).toBe('照片1');
    expect(month.rows[1].cells['照片1']).toBe('照片1');
    expect(month.rows[1].links['照片1']).toMatch(new RegExp(`^http://[^/]+/api/t/dispatch-aggregation/files/${photoId}$`));
    expect(month.rows[0].cells['照片1']).toBe('');
    const all = await aggregationTable((await world.supervisor.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx`)).rawPayload);
    expect(all.title).toContain('入户走访月报 · 全部报送');
  });

  it('a town that reported 40 % while its villages reported nothing shows its own 40 % beside the rolled-up 0 %, on the task and in the sheet', async () => {
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '秋冬季造林',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(30),
      assignments: [{ unitId: world.units.jiufeng.id }],
    });
    const [town] = created.json().assignments;
    const split = await world.jiufeng.client.post(`${api()}/assignments/${town.id}/subtasks`, {
      assignments: [{ unitId: world.units.hongqi.id }, { unitId: world.units.xinhua.id }],
    });
    expect(split.statusCode, split.body).toBe(201);
    expect(
      (await world.jiufeng.client.post(`${api()}/assignments/${town.id}/reports`, { progress: 40, text: '镇级苗木已到位' })).statusCode,
    ).toBe(201);
    const detail = (await world.supervisor.client.get(`${api()}/tasks/${created.json().task.id}`)).json();
    expect(detail.assignments.find((a: { id: string }) => a.id === town.id)).toMatchObject({ progress: 0, ownProgress: 40 });
    const sheet = await aggregationTable(
      (await world.supervisor.client.get(`${api()}/tasks/${created.json().task.id}/aggregation.xlsx`)).rawPayload,
    );
    expect(sheet.rows.map((r) => [r.cells['单位'], r.cells['汇总进度(%)'], r.cells['本单位报送进度(%)']])).toEqual([
      ['九峰镇', '0', '40'],
      ['红旗村', '0', '0'],
      ['新华村', '0', '0'],
    ]);
  });

  it('report answers read as the form defines them: choice titles, not codes, under each field’s title', async () => {
    const schema = {
      type: 'object',
      required: ['choice1', 'number1'],
      properties: {
        choice1: {
          type: 'string',
          title: '整改类别',
          oneOf: [
            { const: 'option1', title: '环境卫生' },
            { const: 'option2', title: '违章建筑' },
          ],
        },
        number1: { type: 'number', title: '整改面积（平方米）' },
        checkbox1: { type: 'boolean', title: '已拍照留档' },
      },
    };
    const formId = await publishedForm(tenant.admin, tenant, schema, '整改台账');
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '违建整治',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(20),
      reportFormId: formId,
      assignments: [{ unitId: world.units.baima.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const assignment = created.json().assignments[0].id;
    const sent = await world.baima.client.post(`${api()}/assignments/${assignment}/reports`, {
      progress: 30,
      data: { choice1: 'option2', number1: 320.5, checkbox1: true },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const expected = [
      { title: '整改类别', value: '违章建筑' },
      { title: '整改面积（平方米）', value: '320.5' },
      { title: '已拍照留档', value: '是' },
    ];
    expect(sent.json().answers).toEqual(expected);
    expect((await world.supervisor.client.get(`${api()}/tasks/${created.json().task.id}/reports`)).json().items[0].answers).toEqual(
      expected,
    );
    expect((await world.baima.client.get(`${api()}/assignments/${assignment}/reports`)).json().items[0].answers).toEqual(expected);
    const sheet = await aggregationTable(
      (await world.supervisor.client.get(`${api()}/tasks/${created.json().task.id}/aggregation.xlsx`)).rawPayload,
    );
    expect(sheet.rows[0].cells).toMatchObject({ 整改类别: '违章建筑', '整改面积（平方米）': '320.5', 已拍照留档: '是' });
  });

  it('English headers on request; unknown periods, units and strangers are refused', async () => {
    const english = await world.leader.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx?lang=en`);
    expect(english.statusCode).toBe(200);
    const sheet = await aggregationTable(english.rawPayload, 'Summary');
    expect(sheet.headers.slice(0, 3)).toEqual(['Unit', 'Parent unit', 'Role']);
    expect(sheet.rows[3].cells).toMatchObject({ Unit: '白马镇', Role: 'co-organiser', Light: 'white' });
    const period = await world.supervisor.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx?periodKey=2030-01`);
    expect([period.statusCode, period.json().error.code, detailPaths(period)]).toEqual([
      400,
      'DISPATCH_PERIOD_NOT_FOUND',
      ['querystring.periodKey'],
    ]);
    expect(detailPaths(await world.supervisor.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx?lang=fr`))).toEqual([
      'querystring.lang',
    ]);
    const unit = await world.jiufeng.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx`);
    expect([unit.statusCode, unit.json().error.code]).toEqual([403, 'DISPATCH_NOT_SUPERVISOR']);
    expect((await world.agriculture.client.get(`${api()}/tasks/${taskId}/aggregation.xlsx`)).statusCode).toBe(404);
    expect((await world.jiufeng.client.post(`${api()}/tasks/${taskId}/aggregations`, {})).statusCode).toBe(403);
    const badPeriod = await world.supervisor.client.post(`${api()}/tasks/${taskId}/aggregations`, { periodKey: '2030-01' });
    expect(detailPaths(badPeriod)).toEqual(['body.periodKey']);
  });

  it('a large tree is refused for direct download and built by a job with progress, stored as a file, the requester told', async () => {
    // 250 units: more than the direct limit (10 here) and more than one chunk (200) of the job.
    const units = await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        apiUnit(tenant.admin, tenant, {
          name: `第${String(i + 1).padStart(3, '0')}责任单位`,
          kind: 'department',
          parentId: world.units.county.id,
        }),
      ),
    );
    const created = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '=SUM(A1:A9)大排查',
      ownerUnitId: world.units.office.id,
      deadline: daysFromNow(30),
      assignments: units.map((u) => ({ unitId: u.id })),
    });
    expect(created.statusCode, created.body).toBe(201);
    const bigTask = created.json().task.id;
    const direct = await world.supervisor.client.get(`${api()}/tasks/${bigTask}/aggregation.xlsx`);
    expect([direct.statusCode, direct.json().error.code]).toEqual([400, 'DISPATCH_AGGREGATION_TOO_LARGE']);

    const queued = await world.supervisor.client.post(`${api()}/tasks/${bigTask}/aggregations`, {});
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({
      module: 'dispatch',
      kind: 'aggregation',
      title: '=SUM(A1:A9)大排查-汇总',
      status: 'queued',
      total: 250,
      done: 0,
      progress: 0,
      fileId: null,
    });
    const id = queued.json().id;
    const notReady = await world.supervisor.client.get(`${tenant.base}/exports/${id}/file`);
    expect([notReady.statusCode, notReady.json().error.code]).toEqual([409, 'EXPORT_NOT_READY']);
    expect((await world.leader.client.get(`${tenant.base}/exports/${id}`)).statusCode).toBe(404);
    expect(
      await platform.db.owner
        .raw(`select count(*)::int as n from pgboss.job where name = 'core.export' and data->>'exportId' = ?`, [id])
        .then((r) => r.rows[0].n),
    ).toBe(1);

    const progress: number[] = [];
    const listen = (q: { sql: string; bindings?: unknown[] }) => {
      if (/^update "core_export" set "done" = /.test(q.sql)) progress.push(Number(q.bindings?.[0]));
    };
    platform.db.runtime.on('query', listen);
    await platform.runExport(tenant.id, id);
    platform.db.runtime.off('query', listen);
    expect(progress).toEqual([0, 200]);

    const done = (await world.supervisor.client.get(`${tenant.base}/exports/${id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      total: 250,
      done: 250,
      progress: 1,
      error: null,
      fileName: '=SUM(A1_A9)大排查-汇总.xlsx',
    });
    const file = await world.supervisor.client.get(`${tenant.base}/exports/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    const rows = (await sheetOf(file.rawPayload)).rows.map((r) => r.cells['单位']);
    expect(rows).toEqual(units.map((_, i) => `第${String(i + 1).padStart(3, '0')}责任单位`));
    const stored = await platform.ownerQuery('core_file').where({ tenant_id: tenant.id, id: done.fileId }).first('name', 'content_type');
    expect(stored.name).toBe('=SUM(A1_A9)大排查-汇总.xlsx');
    const told = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, kind: 'exports.done' })
      .select('user_id', 'link');
    expect(told).toEqual([{ user_id: world.supervisor.userId, link: `/exports?highlight=${id}` }]);

    // A retried job finds the export done and changes nothing.
    await platform.runExport(tenant.id, id);
    expect((await world.supervisor.client.get(`${tenant.base}/exports/${id}`)).json().fileId).toBe(done.fileId);
    expect(await platform.ownerQuery('core_file').where({ tenant_id: tenant.id }).whereLike('name', '%-汇总.xlsx').pluck('id')).toEqual([
      done.fileId,
    ]);
    expect(
      await platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, kind: 'exports.done' }).pluck('user_id'),
    ).toHaveLength(1);
  });
});
