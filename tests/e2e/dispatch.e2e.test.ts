import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, screenshot } from './e2e-browser.ts';
import type { TenantApi } from './e2e-api.ts';
import { label, pickAll } from './e2e-dispatch.ts';
import { DEMO, signIn } from './setup/demo-county.ts';
import { startDispatchArea, SUPERVISOR, TOWN, VILLAGE } from './setup/dispatch.ts';

const TASK = '农村人居环境整治专项督查';
const UNITS = ['县政府办', '城关镇', '河西镇'];
const VILLAGES = ['河西村', '王庄村'];
const PHONE = { width: 390, height: 844 };
// A 1×1 PNG: a real image, so the server's content sniffing accepts it as a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const treeNode = (page: Page, unit: string) => page.getByTestId('assignment-tree').getByTestId(`tree-node-${unit}`);

describe('dispatch: dispatch to three units, re-dispatch to villages, report from a phone, a card, lights', () => {
  let server: RunningServer;
  let browser: Browser;
  let supervisor: BrowserContext;
  let page: Page;
  let api: TenantApi;
  let taskUrl = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, admin: api } = await startDispatchArea());
    supervisor = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    page = await supervisor.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await supervisor?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the supervisor dispatches one task to three units in one action', async () => {
    await signIn(page, server.baseUrl, SUPERVISOR.username, SUPERVISOR.password, `/t/${DEMO.slug}/dispatch/tasks`);
    const menu = page.getByTestId('side-menu');
    // The module's menu group (its name is also its task list's) holds the supervisor's entries.
    await menu.getByText('任务督办', { exact: true }).first().waitFor();
    await page.getByTestId('new-task').click();
    const form = page.getByTestId('task-form');
    await form.getByLabel('任务标题').fill(TASK);
    await form.getByLabel('任务内容').fill('各单位对照清单开展整治，按月报送进展和现场照片。');
    await form.getByLabel('类别').fill('人居环境');
    await form.getByText('N 个工作日内', { exact: true }).click();
    await form.getByRole('spinbutton', { name: 'N 个工作日内' }).fill('15');
    await pickAll(page, page.getByTestId('task-owner-unit'), ['县督查室']);
    await pickAll(page, page.getByTestId('task-assignments-units'), UNITS);
    await expect.poll(() => form.getByTestId('task-assignments-row').count()).toBe(3);
    await form.getByText('共 3 个单位，每个单位单独跟踪').waitFor();
    await screenshot(page, 'dispatch-create-zh');
    await page.getByTestId('task-submit').click();

    await page.waitForURL(/\/dispatch\/tasks\/[0-9a-f-]{36}$/);
    taskUrl = page.url();
    await page.getByText('已下达给 3 个单位').waitFor();
    for (const unit of UNITS) await expect.poll(() => treeNode(page, unit).getAttribute('data-light')).toBe('white');
    await page.getByTestId('task-header').getByText(TASK).waitFor();
    await screenshot(page, 'dispatch-task-zh');
  });

  it('the town acknowledges its part and re-dispatches it to two villages', async () => {
    const context = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    const town = await context.newPage();
    town.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(town, server.baseUrl, TOWN.username, TOWN.password, `/t/${DEMO.slug}`);
    await town.getByTestId('dispatch-pending-widget').getByText('待办理 1').waitFor();
    await town.getByTestId('dispatch-pending-widget').getByText('查看待办').click();
    await town.getByTestId('pending-list').getByText(TASK).waitFor();
    await town.getByRole('button', { name: '去办理' }).click();
    await town.waitForURL(/\/dispatch\/assignments\/[0-9a-f-]{36}$/);
    await town.getByTestId('open-assignment').click();
    await town.getByText('已签收').waitFor();

    await town.getByRole('tab', { name: /下级任务/ }).click();
    await pickAll(town, town.getByTestId('redispatch-units'), VILLAGES);
    await expect.poll(() => town.getByTestId('redispatch-row').count()).toBe(2);
    await town.getByTestId('redispatch-submit').click();
    await town.getByText('已分派给 2 个下级单位').waitFor();
    for (const village of VILLAGES) await treeNode(town, village).waitFor();
    await town.getByRole('tab', { name: '下级任务（2）' }).waitFor();
    await screenshot(town, 'dispatch-redispatch-zh');
    await context.close();
  });

  it('a village reports progress from a phone, with a photo and a problem', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(phone, server.baseUrl, VILLAGE.username, VILLAGE.password, `/t/${DEMO.slug}/dispatch/pending`);
    await phone.getByTestId('pending-list').getByText(TASK).waitFor();
    await phone.getByRole('button', { name: '去办理' }).click();
    await phone.waitForURL(/\/dispatch\/assignments\/[0-9a-f-]{36}$/);
    await phone.getByTestId('open-assignment').click();
    await phone.getByText('已签收').waitFor();

    const editor = phone.getByTestId('report-editor');
    await editor.getByLabel('完成进度（百分比）').fill('30');
    await editor.getByTestId('report-text').fill('已清理垃圾堆 12 处，拆除旱厕 3 座；村西河道清淤需镇里协调机械。');
    await editor.getByTestId('report-photos-input').setInputFiles({ name: 'river.png', mimeType: 'image/png', buffer: PNG });
    await editor.getByTestId('report-photos-file').waitFor();
    await editor.getByTestId('report-problem').click();
    await screenshot(phone, 'dispatch-report-phone-zh');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await editor.getByTestId('report-submit').click();
    await phone.getByText('已报送').waitFor();

    await phone.getByRole('tab', { name: /报送记录/ }).click();
    const report = phone.getByTestId('report-list').locator('[data-unit="王庄村"]');
    await report.getByText('存在问题').waitFor();
    await report.getByText('待审核').waitFor();
    expect(await report.locator('img').count()).toBe(1);
    // The problem turned the village yellow at once.
    await expect
      .poll(() => phone.getByTestId('assignment-header').locator('[data-light]').first().getAttribute('data-light'))
      .toBe('yellow');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('lights roll up: the village and its town turn yellow on the tree, the others stay white', async () => {
    await page.goto(taskUrl);
    await expect.poll(() => treeNode(page, '王庄村').getAttribute('data-light')).toBe('yellow');
    await expect.poll(() => treeNode(page, '河西镇').getAttribute('data-light')).toBe('yellow');
    await treeNode(page, '河西镇').getByText('黄灯').waitFor();
    expect(await treeNode(page, '河西村').getAttribute('data-light')).toBe('white');
    expect(await treeNode(page, '城关镇').getAttribute('data-light')).toBe('white');
    expect(await treeNode(page, '县政府办').getAttribute('data-light')).toBe('white');
    await page.getByTestId('task-header').locator('[data-light="yellow"]').waitFor();
    await page.getByRole('tab', { name: '动态' }).click();
    const timeline = page.getByTestId('task-timeline');
    await timeline.locator('[data-kind="assignment.redispatched"]').first().waitFor();
    await timeline.locator('[data-kind="light.changed"]').filter({ hasText: '王庄村' }).filter({ hasText: '黄灯' }).first().waitFor();
    await screenshot(page, 'dispatch-lights-zh');
    // The same tree as a mind map, drawn on a canvas.
    await page.getByTestId('tree-view-switch').getByText('脑图').click();
    await page.getByTestId('assignment-mind-map').locator('canvas').waitFor();
    await screenshot(page, 'dispatch-mind-map-zh');
    await page.getByTestId('tree-view-switch').getByText('树状').click();
  });

  it('the supervisor gives the village a yellow card with a reason', async () => {
    await page.getByRole('tab', { name: /报送记录/ }).click();
    const report = page.getByTestId('report-list').locator('[data-unit="王庄村"]');
    await report.getByRole('button', { name: label('亮牌') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('黄牌', { exact: true }).click();
    await dialog.locator('textarea').fill('河道清淤进度滞后，请镇里尽快协调。');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await page.getByText('已亮黄牌').waitFor();
    await report.getByText('黄牌（张伟）：河道清淤进度滞后，请镇里尽快协调。').waitFor();
    await screenshot(page, 'dispatch-card-zh');

    const taskId = taskUrl.split('/').pop();
    const reports = await api.call<{ items: { unitName: string; card: { color: string; reason: string } | null }[] }>(
      'GET',
      `/dispatch/tasks/${taskId}/reports`,
    );
    expect(reports.items.map((r) => [r.unitName, r.card?.color])).toEqual([['王庄村', 'yellow']]);
  });

  it('the supervisor downloads the aggregation: one sheet with every unit, read back', async () => {
    await page.goto(taskUrl);
    const download = page.waitForEvent('download');
    await page.getByTestId('download-aggregation').click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await (await download).path());
    const rows = book.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (Array.isArray(row) ? row.map((c) => (c === null || c === undefined ? '' : String(c))) : []));
    // A title row naming the task, then the header.
    expect(rows[0].join('')).toContain(TASK);
    expect(rows[1]).toEqual(expect.arrayContaining(['单位', '上级单位', '亮灯', '汇总进度(%)', '本单位报送进度(%)', '报告内容', '亮牌']));
    const units = rows.slice(2).map((r) => r[1]);
    expect(units.sort()).toEqual([...UNITS, ...VILLAGES].sort());
    const village = rows.find((r) => r[1] === '王庄村') ?? [];
    expect(village.join('|')).toContain('河西镇');
    expect(village.join('|')).toContain('村西河道清淤');
    expect(village.join('|')).toContain('30');
    expect(village.join('|')).toContain('黄');
  });

  it('the board counts the assignments by light and by unit', async () => {
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/dispatch/board`);
    await page.getByTestId('board-count-yellow').getByText('黄灯 1').waitFor();
    await page.getByTestId('board-count-white').getByText('白灯 2').waitFor();
    await page.getByTestId('board-chart').locator('canvas').waitFor();
    await page.getByTestId('board-units').getByRole('cell', { name: '河西镇' }).waitFor();
    await screenshot(page, 'dispatch-board-zh');
    expect(pageErrors).toEqual([]);
  });

  it('a task with a report form: the village fills in the form’s fields on a phone, a missing answer is refused first', async () => {
    const form = await api.call<{ id: string }>('POST', '/forms/forms', {
      name: '河道巡查表',
      schema: {
        type: 'object',
        required: ['households'],
        properties: {
          households: { type: 'integer', title: '走访户数', minimum: 0 },
          note: { type: 'string', title: '巡查情况', maxLength: 200 },
        },
      },
      uiSchema: {},
    });
    await api.call('POST', `/forms/forms/${form.id}/publish`, {});
    const units = await api.call<{ items: { id: string; name: string }[] }>('GET', '/org/units');
    const unitId = (name: string) => units.items.find((u) => u.name === name)?.id;
    const created = await api.call<{ assignments: { id: string }[] }>('POST', '/dispatch/tasks', {
      title: '河道巡查月报',
      ownerUnitId: unitId('县督查室'),
      deadlineWorkingDays: 10,
      reportFormId: form.id,
      assignments: [{ unitId: unitId(VILLAGE.unit) }],
    });
    const assignmentId = created.assignments[0].id;

    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(phone, server.baseUrl, VILLAGE.username, VILLAGE.password, `/t/${DEMO.slug}/dispatch/assignments/${assignmentId}`);
    await phone.getByTestId('open-assignment').click();
    await phone.getByText('已签收').waitFor();
    const editor = phone.getByTestId('report-editor');
    await editor.getByText('河道巡查表').waitFor();
    await editor.getByLabel('完成进度（百分比）').fill('50');
    const reportForm = editor.getByTestId('report-form');
    await reportForm.getByLabel('巡查情况').fill('河道两岸无新增垃圾');
    await reportForm.getByRole('button', { name: label('报送') }).click();
    // The required count is missing: refused and shown at the field; nothing is stored.
    await reportForm.getByText('必填').first().waitFor();
    expect((await api.call<{ items: unknown[] }>('GET', `/dispatch/assignments/${assignmentId}/reports`)).items).toEqual([]);
    await reportForm.getByLabel('走访户数').fill('12');
    await reportForm.getByRole('button', { name: label('报送') }).click();
    await phone.getByText('已报送').waitFor();
    const reports = await api.call<{
      items: { progress: number; formVersion: number; data: Record<string, unknown>; answers: { title: string; value: string }[] }[];
    }>('GET', `/dispatch/assignments/${assignmentId}/reports`);
    expect(reports.items).toEqual([
      expect.objectContaining({ progress: 50, formVersion: 1, data: { households: 12, note: '河道两岸无新增垃圾' } }),
    ]);
    // The answers as the form names them, not its keys.
    expect(reports.items[0].answers).toEqual(
      expect.arrayContaining([
        { title: '走访户数', value: '12' },
        { title: '巡查情况', value: '河道两岸无新增垃圾' },
      ]),
    );
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'dispatch-report-form-phone-zh');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
