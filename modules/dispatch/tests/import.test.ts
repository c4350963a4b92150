import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { apiUnit } from '../../../tests/helpers/org-fixtures.ts';
import { dispatchWorld, enableDispatch, type DispatchWorld } from '../../../tests/helpers/dispatch-fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['任务名称', '任务内容', '类别', '牵头单位', '配合单位', '截止日期', '工作日', '优先级', '汇报周期'];

/** A task sheet as a county clerk fills it in. */
async function workbook(rows: (string | number | Date | null)[][], header = HEADER): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('任务');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A calendar day `days` from today in Shanghai, as typed in a cell. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('dispatch: many tasks at once from an .xlsx', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let other: TestTenant;
  let world: DispatchWorld;
  const units: string[] = [];
  const api = () => `${tenant.base}/dispatch`;
  const count = (table: string) =>
    platform
      .ownerQuery(table)
      .where({ tenant_id: tenant.id })
      .count({ n: '*' })
      .first()
      .then((r) => Number(r?.n));
  const send = (file: Buffer, query = '', client = world.supervisor.client) =>
    client.post(`${api()}/tasks/import?ownerUnitId=${world.units.office.id}${query}`, file, { 'content-type': XLSX });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('dispatch-import');
    other = await platform.createTenant('dispatch-import-other');
    await enableDispatch(tenant);
    await enableDispatch(other);
    world = await dispatchWorld(platform, tenant, { signIn: ['supervisor', 'jiufeng', 'jiufeng-supervisor'] });
    for (let i = 1; i <= 34; i++)
      units.push(
        (await apiUnit(tenant.admin, tenant, { name: `落实单位${i}`, kind: 'department', parentId: world.units.county.id, code: `LS${i}` }))
          .id,
      );
    await apiUnit(other.admin, other, { name: '外县乡镇', kind: 'county' });
  });
  afterAll(() => platform?.stop());

  it('offers a template in Chinese or English whose example row names the columns', async () => {
    const response = await world.supervisor.client.get(`${api()}/tasks/import-template`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; .*\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(
      (await world.supervisor.client.get(`${api()}/tasks/import-template?lang=en`)).rawPayload as unknown as Parameters<
        ExcelJS.Xlsx['load']
      >[0],
    );
    expect((en.worksheets[0].getRow(1).values as unknown[]).slice(1)).toContain('Lead units');
    expect((await world.jiufeng.client.get(`${api()}/tasks/import-template`)).statusCode).toBe(403);
  });

  it('imports 60 items for 34 units in one request: 60 tasks, 2040 assignments, one audit entry', async () => {
    const lead = Array.from({ length: 30 }, (_, i) => `落实单位${i + 1}`).join('、');
    const co = Array.from({ length: 4 }, (_, i) => `LS${i + 31}`).join(',');
    const rows = Array.from({ length: 60 }, (_, i) => [
      `工作落实第${i + 1}项`,
      `第${i + 1}项内容`,
      '重点工作',
      lead,
      co,
      i % 2 ? dayFromNow(30) : null,
      i % 2 ? null : 10,
      i % 3 ? '高' : null,
      i === 0 ? '每月' : null,
    ]);
    const before = await count('dispatch_task');
    const response = await send(await workbook(rows));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ dryRun: false, count: 60 });
    expect(response.json().ids).toHaveLength(60);
    expect(await count('dispatch_task')).toBe(before + 60);
    const detail = (await world.supervisor.client.get(`${api()}/tasks/${response.json().ids[0]}`)).json();
    expect(detail.task).toMatchObject({
      title: '工作落实第1项',
      description: '第1项内容',
      priority: 'normal',
      cadence: { kind: 'monthly' },
    });
    expect(detail.assignments).toHaveLength(34);
    expect(detail.assignments.filter((a: { role: string }) => a.role === 'co')).toHaveLength(4);
    expect(
      await platform
        .ownerQuery('dispatch_assignment')
        .where({ tenant_id: tenant.id })
        .whereIn('task_id', response.json().ids)
        .count({ n: '*' })
        .first()
        .then((r) => Number(r?.n)),
    ).toBe(2040);
    expect(
      await platform
        .ownerQuery('core_audit_log')
        .where({ tenant_id: tenant.id, action: 'dispatch.task.import' })
        .count({ n: '*' })
        .first()
        .then((r) => Number(r?.n)),
    ).toBe(1);
  }, 120_000);

  it('one bad row refuses the whole sheet, naming each row and column, and writes nothing', async () => {
    const before = [await count('dispatch_task'), await count('dispatch_assignment'), await count('dispatch_timeline')];
    const response = await send(
      await workbook([
        ['好任务', '', '', '落实单位1', '', dayFromNow(20), null, '', ''],
        ['坏单位', '', '', '落实单位2、xx镇', '', dayFromNow(20), null, '', ''],
        ['坏日期', '', '', '落实单位3', '', '2026-13-45', null, '', ''],
        ['', '', '', '外县乡镇', '落实单位4', null, null, '最高', '每天'],
      ]),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('DISPATCH_IMPORT_INVALID');
    expect(response.json().error.details).toEqual([
      { path: 'rows[3].牵头单位', message: '找不到单位“xx镇”' },
      { path: 'rows[4].截止日期', message: '“2026-13-45”不是日期（如 2026-12-31）' },
      { path: 'rows[5].任务名称', message: '必填' },
      { path: 'rows[5].截止日期', message: expect.stringContaining('必填') },
      { path: 'rows[5].优先级', message: expect.any(String) },
      { path: 'rows[5].汇报周期', message: expect.any(String) },
    ]);
    expect([await count('dispatch_task'), await count('dispatch_assignment'), await count('dispatch_timeline')]).toEqual(before);
  });

  it('refuses another tenant’s unit, a unit outside the scope, a past day and both deadline kinds', async () => {
    const response = await send(
      await workbook([
        ['外县单位', '', '', '外县乡镇', '', dayFromNow(20), null, '', ''],
        ['过期', '', '', '落实单位1', '', dayFromNow(-2), null, '', ''],
        ['两种截止', '', '', '落实单位1', '', dayFromNow(20), 5, '', ''],
        ['重复', '', '', '落实单位1', '落实单位1', dayFromNow(20), null, '', ''],
      ]),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'rows[2].牵头单位',
      'rows[3].截止日期',
      'rows[4].工作日',
      'rows[5].配合单位',
    ]);
    const scoped = await world.townSupervisor.client.post(
      `${api()}/tasks/import?ownerUnitId=${world.units.jiufeng.id}`,
      await workbook([['越权', '', '', '九峰镇、落实单位1', '', dayFromNow(20), null, '', '']]),
      { 'content-type': XLSX },
    );
    expect(scoped.statusCode, scoped.body).toBe(400);
    expect(scoped.json().error.details).toEqual([{ path: 'rows[2].牵头单位', message: '单位“落实单位1”不在您的督办范围内' }]);
  });

  it('working days resolve with the tenant calendar as for a single task; a dry run shows the dates and writes nothing', async () => {
    const single = await world.supervisor.client.post(`${api()}/tasks`, {
      title: '对照',
      ownerUnitId: world.units.office.id,
      deadlineWorkingDays: 7,
      assignments: [{ unitId: units[0] }],
    });
    const before = await count('dispatch_task');
    const dry = await send(
      await workbook([
        ['七个工作日', '', '', 'LS1', '', null, 7, '紧急', ''],
        ['指定日期', '', '', 'LS2', '', dayFromNow(15), null, '', ''],
        ['日期单元格', '', '', 'LS3', '', new Date(`${dayFromNow(15)}T00:00:00Z`), null, '', ''],
      ]),
      '&dryRun=true',
    );
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, count: 3, ids: [] });
    expect(dry.json().tasks[0]).toEqual({ row: 2, title: '七个工作日', deadline: single.json().task.deadline, units: 1 });
    expect(dry.json().tasks[1].deadline).toBe(new Date(`${dayFromNow(15)}T23:59:59.999+08:00`).toISOString());
    expect(dry.json().tasks[2].deadline).toBe(dry.json().tasks[1].deadline);
    expect(await count('dispatch_task')).toBe(before);
  });

  it('needs dispatch.supervise, a workbook, and a supervising unit in scope', async () => {
    const file = await workbook([['任务', '', '', 'LS1', '', dayFromNow(20), null, '', '']]);
    expect((await send(file, '', world.jiufeng.client)).statusCode).toBe(403);
    const notXlsx = await send(Buffer.from('not a workbook'));
    expect([notXlsx.statusCode, notXlsx.json().error.details[0].path]).toEqual([400, 'body']);
    const noColumns = await send(await workbook([['x']], ['名称']));
    expect(noColumns.json().error.details.map((d: { path: string }) => d.path)).toEqual(['columns.任务名称', 'columns.牵头单位']);
    const english = await send(
      await workbook(
        [['English sheet', '', '', 'LS1', '', dayFromNow(20), null, 'high', '']],
        ['Title', 'Description', 'Category', 'Lead units', 'Co-organisers', 'Deadline', 'Working days', 'Priority', 'Report cadence'],
      ),
    );
    expect(english.statusCode, english.body).toBe(201);
  });

  it('a retried upload with the same Idempotency-Key creates its tasks once', async () => {
    const file = await workbook([['重试任务', '', '', 'LS1', '', dayFromNow(20), null, '', '']]);
    const url = `${api()}/tasks/import?ownerUnitId=${world.units.office.id}`;
    const first = await world.supervisor.client.post(url, file, { 'content-type': XLSX, 'idempotency-key': 'import-retry-1' });
    const before = await count('dispatch_task');
    const again = await world.supervisor.client.post(url, file, { 'content-type': XLSX, 'idempotency-key': 'import-retry-1' });
    expect([first.statusCode, again.statusCode, again.headers['idempotent-replay']]).toEqual([201, 201, 'true']);
    expect(again.json().ids).toEqual(first.json().ids);
    expect(await count('dispatch_task')).toBe(before);
  });
});
