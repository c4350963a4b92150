import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, PHONE_VIEWPORT, screenshot } from './e2e-browser.ts';
import type { TenantApi } from './e2e-api.ts';
import { DEMO, signIn, startDemoCountyWith } from './setup/demo-county.ts';
import { FILLERS, giveFillers } from './setup/forms.ts';

const FORM = '因户施策入户表';
// A 1×1 PNG: a real image, so the server's content sniffing accepts it as a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function settleAnimations(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.querySelectorAll('[class*="-enter"], [class*="-appear"]').length === 0, undefined, { timeout: 3_000 })
    .catch(() => page.waitForTimeout(500));
}

/** Drags with real pointer moves (dnd-kit's pointer sensor needs a few steps past its 5 px threshold). */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 6, { steps: 12 });
  await page.mouse.up();
}

/**
 * A button's accessible name: antd may put a space between the two characters of a two-character
 * label, and can leave a faded-out "loading" icon in a button whose loading state ended.
 */
const label = (text: string) => new RegExp(`^(loading )?${[...text].join('\\s?')}$`);

/** Picks an option of the antd Select (or TreeSelect) inside `scope` labelled `label`. */
async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible, .ant-select-tree:visible').getByText(option, { exact: true }).last().click();
}

describe('forms: design, collect monthly, fill in on a phone, remind, statistics, export', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let api: TenantApi;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The demo county starts with forms enabled: switched off here, so the test enables it on the page.
    ({
      server,
      browser,
      admin: api,
    } = await startDemoCountyWith(async (demoAdmin) => {
      await demoAdmin.call('POST', '/modules/forms/disable');
    }));
    admin = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    page = await admin.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await server?.stop();
  });

  it('enables the forms module on the Modules page; two village staff get a role with forms.submit (API)', async () => {
    await signIn(page, server.baseUrl, DEMO.login, DEMO.password, `/t/${DEMO.slug}/modules`);
    await page.getByTestId('module-switch-forms').click();
    await page.getByText(/^已启用“/).waitFor();
    const menu = page.getByTestId('side-menu');
    await menu.getByText('表单', { exact: true }).click();
    for (const label of ['待填报', '表单设计', '收集任务', '填报数据']) await menu.getByText(label, { exact: true }).waitFor();

    // The forms area's village clerks (setup/forms.ts), once the module they fill in for is on.
    await giveFillers(api);
  });

  it('builds the household form with the designer: drag, fields, a condition, a repeating group; publishes v1', async () => {
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/forms/designer`);
    await page.getByTestId('new-form').click();
    await page.getByLabel('表单名称', { exact: true }).fill(FORM);
    await page.getByRole('button', { name: label('确定') }).click();
    await page.waitForURL(/\/forms\/designer\/[0-9a-f-]{36}$/);
    const canvas = page.getByTestId('designer-canvas');

    // Dragged from the palette onto the canvas.
    await drag(page, page.getByTestId('palette-text'), canvas);
    await page.locator('#inspector-text1-label').fill('户主姓名');
    await page.locator('#inspector-text1-required').click();

    await page.getByTestId('palette-number').click();
    await page.locator('#inspector-number1-label').fill('家庭年收入（元）');
    await page.locator('#inspector-number1-required').click();
    await page.locator('#inspector-number1-range-min').fill('0');
    await page.locator('#inspector-number1-help').fill('上一年度全家总收入');

    await page.getByTestId('palette-choice').click();
    await page.locator('#inspector-choice1-label').fill('主要致贫原因');
    await page.getByLabel('选项 1 名称').fill('因病');
    await page.getByLabel('选项 2 名称').fill('其他');
    await page.locator('#inspector-choice1-required').click();

    // Shown (and required) only when the cause is "其他".
    await page.getByTestId('palette-textarea').click();
    await page.locator('#inspector-textarea1-label').fill('其他原因说明');
    await page.locator('#inspector-textarea1-required').click();
    await pick(page, page.getByTestId('condition-mode'), '满足条件时才显示');
    await pick(page, page.getByTestId('condition-value'), '其他');

    await page.getByTestId('palette-yesno').click();
    await page.locator('#inspector-yesno1-label').fill('饮水安全');
    await page.locator('#inspector-yesno1-required').click();

    await page.getByTestId('palette-date').click();
    await page.locator('#inspector-date1-label').fill('走访日期');

    await page.getByTestId('palette-file').click();
    await page.locator('#inspector-file1-label').fill('住房照片');

    await page.getByTestId('palette-group').click();
    await page.locator('#inspector-group1-label').fill('家庭成员');
    const columns = page.getByTestId('columns-editor');
    await columns.getByText('列1（单行文本）').click();
    await columns.locator('#inspector-text1-label').fill('姓名');
    await columns.locator('#inspector-text1-required').click();
    await pick(page, page.getByTestId('add-column'), '数字');
    await columns.getByText('数字（数字）').click();
    await columns.locator('#inspector-number1-label').fill('年龄');

    // Reordered by drag: the visit date moves to the top (the group's editor closed first, so all fit on screen).
    await page.getByTestId('field-group1').getByText('家庭成员', { exact: true }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await drag(page, page.getByTestId('drag-date1'), page.getByTestId('field-text1'));
    await expect.poll(async () => await canvas.locator('[data-testid^="field-"]').first().getAttribute('data-testid')).toBe('field-date1');

    // The live preview renders the very schema: the conditional field appears when "其他" is picked.
    const preview = page.getByTestId('preview-form');
    await preview.getByText('户主姓名').waitFor();
    expect(await preview.getByText('其他原因说明').count()).toBe(0);
    await preview.getByRole('radio', { name: '其他' }).check();
    await preview.getByText('其他原因说明').waitFor();
    await page.getByTestId('field-date1').click();
    await settleAnimations(page);
    await screenshot(page, 'forms-designer-zh');

    await page.getByTestId('publish').click();
    await page.getByText('已发布 v1').first().waitFor();
    await page.getByTestId('open-versions').click();
    await page.getByTestId('version-list').getByText('v1').waitFor();
    await page.keyboard.press('Escape');

    const forms = await api.call<{ items: { id: string; name: string; latestVersion: number }[] }>('GET', '/forms/forms');
    const form = forms.items.find((f) => f.name === FORM);
    expect(form?.latestVersion).toBe(1);
    const version = await api.call<{ schema: { allOf: unknown[]; required: string[] } }>('GET', `/forms/forms/${form?.id}/versions/1`);
    // Choices store what their label says, not option1/option2.
    expect(version.schema.allOf).toEqual([
      {
        if: { properties: { choice1: { const: '其他' } }, required: ['choice1'] },
        then: { properties: { textarea1: { type: 'string', title: '其他原因说明' } }, required: ['textarea1'] },
      },
    ]);
    expect(version.schema.required).toEqual(['text1', 'number1', 'choice1', 'yesno1']);
  });

  it('sends it monthly to two villages; both are missing', async () => {
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/forms/collections`);
    await page.getByTestId('new-collection').click();
    const form = page.getByTestId('collection-form');
    await pick(page, form.getByLabel('表单', { exact: true }), `${FORM}（v1）`);
    await form.getByText('每月', { exact: true }).click();
    // One opening of the tree: each click adds a village.
    await page.getByTestId('collection-units').click();
    for (const staff of FILLERS) await page.locator('.ant-select-dropdown:visible').getByText(staff.village, { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('collection-submit').click();
    await page.getByText(`已下发“${FORM}”`).waitFor();
    const table = page.getByTestId('collection-table');
    await table.getByText('每月').waitFor();
    await table.getByText('东关村、王庄村').waitFor();
    const status = page.getByTestId('assignee-table');
    await expect.poll(() => status.getByText('未填报').count()).toBe(2);
    await screenshot(page, 'forms-collections-zh');
  });

  async function fillAsStaff(staff: (typeof FILLERS)[number], withErrorFirst: boolean): Promise<void> {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(phone, server.baseUrl, staff.username, staff.password, `/t/${DEMO.slug}`);
    // The home widget counts what is due.
    await phone.getByTestId('my-due-widget').getByText('去填报').click();
    await phone.waitForURL(/\/forms\/my-due$/);
    await phone.getByTestId('my-due-list').getByText(FORM).waitFor();
    if (withErrorFirst) await screenshot(phone, 'forms-my-due-phone-zh');
    await phone.getByRole('button', { name: label('填报') }).click();
    const form = phone.getByTestId('fill-form');
    // The first attempt leaves the head of household empty: the browser names that field before sending.
    if (!withErrorFirst) await form.locator('#root_text1').fill(`${staff.person}户`);
    await form.locator('#root_number1').fill(withErrorFirst ? '8600' : '15000');
    await form.getByRole('radio', { name: withErrorFirst ? '其他' : '因病' }).check();
    await form.locator('#root_file1-input').setInputFiles({ name: 'house.png', mimeType: 'image/png', buffer: PNG });
    await form.getByTestId('root_file1-preview').waitFor();
    await form.locator('.rjsf-array-item-add').click();
    await form.locator('#root_group1_0_text1').fill(staff.person);

    if (withErrorFirst) {
      // No head of household, no explanation of "其他", no answer on the water: the browser checks with the
      // server's validator module and names the three fields in place; nothing is sent.
      const posts: string[] = [];
      phone.on(
        'request',
        (request) => void (request.method() === 'POST' && request.url().includes('/submissions') && posts.push(request.url())),
      );
      await form.getByRole('button', { name: label('提交') }).click();
      await expect.poll(() => form.locator('.ant-form-item-explain-error').filter({ hasText: '必填' }).count()).toBe(3);
      expect(posts).toEqual([]);
      await screenshot(phone, 'forms-fill-errors-phone-zh');
      await form.locator('#root_text1').fill(`${staff.person}户`);
      await form.locator('#root_textarea1').fill('缺劳动力');
    }
    await form.getByRole('radio', { name: '是' }).first().check();
    await form.getByRole('button', { name: label('提交') }).click();
    await phone.getByTestId('fill-done').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  }

  it('the first village submits from a phone, after fixing what the server refused', async () => {
    await fillAsStaff(FILLERS[0], true);
  });

  it('the admin sees who is missing and reminds them', async () => {
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/forms/collections`);
    const status = page.getByTestId('assignee-table');
    await status.locator('tr').filter({ hasText: '东关村' }).getByText('已提交').waitFor();
    await status.locator('tr').filter({ hasText: '王庄村' }).getByText('未填报').waitFor();
    await page.getByTestId('remind-missing').click();
    await page.getByText(/^已催报 1 个单位，通知 1 人/).waitFor();
    await status.locator('tr').filter({ hasText: '王庄村' }).getByText('已催报').waitFor();
    await screenshot(page, 'forms-remind-zh');
  });

  it('the second village submits from a phone', async () => {
    await fillAsStaff(FILLERS[1], false);
  });

  it('results: the list, a submission with its version, a statistics chart, and both exports read back', async () => {
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/forms/results`);
    const table = page.getByTestId('results-table');
    for (const staff of FILLERS) await table.getByText(`${staff.person}户`).waitFor();
    await table.getByText(`${FILLERS[0].person}户`).click();
    const drawer = page.getByTestId('submission-view');
    await drawer
      .getByText('缺劳动力')
      .or(drawer.locator('textarea').filter({ hasText: '缺劳动力' }))
      .first()
      .waitFor();
    await page.getByText('v1').first().waitFor();
    await settleAnimations(page);
    await screenshot(page, 'forms-submission-zh');
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-results').click();
    const listFile = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(listFile);
    const rows = book.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (Array.isArray(row) ? row.map((c) => (c === null || c === undefined ? '' : String(c))).join('|') : ''));
    expect(rows[0]).toContain('户主姓名');
    expect(rows.some((r) => r.includes(`${FILLERS[0].person}户`) && r.includes('其他'))).toBe(true);
    expect(rows.some((r) => r.includes(`${FILLERS[1].person}户`) && r.includes('因病'))).toBe(true);

    await page.getByRole('tab', { name: '统计' }).click();
    const chart = page.getByTestId('chart-choice1');
    await chart.locator('canvas').waitFor();
    await page.getByTestId('stat-choice1').getByRole('cell', { name: '因病' }).waitFor();
    await pick(page, page.getByTestId('stats-group-by'), '按单位');
    await page.getByTestId('stat-choice1').getByRole('columnheader', { name: '东关村' }).waitFor();
    await settleAnimations(page);
    await screenshot(page, 'forms-statistics-zh');

    const statsDownload = page.waitForEvent('download');
    await page.getByTestId('export-statistics').click();
    const statsBook = new ExcelJS.Workbook();
    await statsBook.xlsx.readFile(await (await statsDownload).path());
    const text = statsBook.worksheets
      .flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])))
      .join('|');
    expect(text).toContain('因病');
    expect(text).toContain('东关村');

    expect(pageErrors).toEqual([]);
  });
});
