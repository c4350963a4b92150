import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, PHONE_VIEWPORT, screenshot } from './e2e-browser.ts';
import { DEMO, signIn as signInAs, startDemoCounty } from './setup/demo-county.ts';

const PERSON_HEADER = ['姓名', '手机号', '所属单位', '职务'];

/** An .xlsx the way a county clerk fills in the template's 人员 sheet. */
async function peopleWorkbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('人员').addRows([PERSON_HEADER, ...rows]);
  return Buffer.from((await book.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

/** Signs the demo admin in, landing on `next`. */
const signIn = (page: Page, baseUrl: string, next: string) => signInAs(page, baseUrl, DEMO.login, DEMO.password, next);

/** antd's enter/appear motions: a screenshot taken during one shows a half-open dialog. */
async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[class*="-enter"], [class*="-appear"]').length === 0);
}

/** The error antd shows under a form field, found by the field's label. */
const fieldError = (form: Locator, label: string) =>
  form
    .locator('.ant-form-item')
    .filter({ has: form.page().getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');

/**
 * A dialog's submit button. antd can leave a faded-out "loading" icon in a button whose loading
 * state ended (its accessible name becomes "loading 保存"), so the name may carry that prefix.
 */
const submitButton = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^(loading )?${name}$`) });

async function unitAction(page: Page, unit: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `${unit} 的操作`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

describe('org directory and accounts (tenant admin console)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDemoCounty());
    context = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  // A failed step leaves a picture of what the page showed.
  beforeEach(({ onTestFailed, task }) => onTestFailed(() => screenshot(page, `failed-${task.name.split(':')[0]}`)));

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('units: add under 城关镇, rename, move by dialog; deleting a unit with people shows why not', async () => {
    await signIn(page, server.baseUrl, '/t/demo/org');
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('城关镇', { exact: true }).waitFor();
    await page.getByTestId('people-table').getByText('王建国').waitFor();
    await screenshot(page, 'pc-org-zh');

    await unitAction(page, '城关镇', '添加下级单位');
    const unitForm = page.getByTestId('unit-form');
    await unitForm.getByLabel('单位名称').fill('测试社区');
    await submitButton(page, '保存').click();
    await tree.getByText('测试社区', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '测试社区 的人员' }).waitFor();

    await unitAction(page, '测试社区', '重命名 / 编辑');
    await unitForm.getByLabel('单位名称').fill('幸福社区');
    await submitButton(page, '保存').click();
    await tree.getByText('幸福社区', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '幸福社区 的人员' }).waitFor();
    await page.getByTestId('people-empty').waitFor();

    // "Move to…" under 河西镇 and back: the tree select offers every unit but the unit's own subtree.
    for (const parent of ['河西镇', '城关镇']) {
      await unitAction(page, '幸福社区', '移动到…');
      const moveForm = page.getByTestId('unit-move-form');
      // The select's popup takes its width from the select: not while the dialog still zooms in.
      await settleAnimations(page);
      await moveForm.getByLabel('新的上级单位').click();
      await page
        .locator('.ant-select-tree-node-content-wrapper')
        .filter({ hasText: new RegExp(`^${parent}$`) })
        .click();
      await submitButton(page, '移动').click();
      await moveForm.waitFor({ state: 'hidden' });
      const units = await page.evaluate(
        async () =>
          ((await (await fetch('/api/t/demo/org/units')).json()) as { items: { id: string; name: string; parentId: string | null }[] })
            .items,
      );
      const moved = units.find((unit) => unit.name === '幸福社区');
      expect(units.find((unit) => unit.id === moved?.parentId)?.name).toBe(parent);
    }

    // 县委办 has people: the server refuses (409) and the page says why.
    await unitAction(page, '县委办', '删除');
    await page.getByRole('dialog').getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText('该单位还有人员，请先移走或删除这些人员。').waitFor();
    await tree.getByText('县委办', { exact: true }).waitFor();
  });

  it('people: a bad phone and a taken phone show under the phone field, then the person is added with a new position', async () => {
    await page.getByTestId('unit-tree').getByText('幸福社区', { exact: true }).click();
    await page.getByRole('heading', { name: '幸福社区 的人员' }).waitFor();
    await page.getByRole('button', { name: '添加人员' }).click();
    const form = page.getByTestId('person-form');
    await form.getByLabel('姓名').fill('李测试');
    await form.getByLabel('手机号').fill('12345');
    await submitButton(page, '保存').click();
    await fieldError(form, '手机号').getByText('请输入 11 位手机号或带区号的固定电话').waitFor();

    // 13800001006 is 张三's: the server's 409 lands under the phone field.
    await form.getByLabel('手机号').fill('13800001006');
    await submitButton(page, '保存').click();
    await fieldError(form, '手机号').getByText('该手机号已属于其他人员').waitFor();
    await settleAnimations(page);
    await screenshot(page, 'pc-person-phone-taken-zh');

    await form.getByLabel('手机号').fill('13900000001');
    await form.getByLabel('职务').fill('社区干事');
    await page.getByText('新建职务“社区干事”').click();
    await submitButton(page, '保存').click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByTestId('people-table').getByRole('row').filter({ hasText: '李测试' });
    await row.getByText('13900000001').waitFor();
    await row.getByText('幸福社区').waitFor();
    await row.getByText('社区干事').waitFor();

    // Debounced search by phone from the whole directory.
    await page.getByRole('button', { name: '显示全部人员' }).click();
    await page.getByLabel('搜索人员').fill('1390000');
    await page.getByTestId('people-table').getByText('李测试').waitFor();
    await page.getByTestId('people-table').getByText('王建国').waitFor({ state: 'detached' });
  });

  it('import: the template downloads; a file with a bad row shows the row and imports nothing; a good file imports', async () => {
    await page.getByLabel('搜索人员').fill('');
    await page.getByRole('button', { name: /^(upload )?导入$/ }).click();
    const modal = page.getByTestId('import-modal');

    const [download] = await Promise.all([page.waitForEvent('download'), modal.getByRole('button', { name: '下载导入模板' }).click()]);
    expect(download.suggestedFilename()).toBe('通讯录导入模板.xlsx');

    const bad = await peopleWorkbook([
      ['导入甲', '13900000011', '示范县/城关镇/幸福社区', '网格员'],
      ['导入乙', '139', '示范县/城关镇/幸福社区', ''],
    ]);
    await modal.locator('input[type="file"]').setInputFiles({
      name: 'people-bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await modal.getByText('people-bad.xlsx').waitFor();
    await modal.getByRole('button', { name: '开始导入' }).click();
    const report = modal.getByTestId('import-errors');
    const badRow = report.getByRole('row').filter({ hasText: '不是有效的 11 位手机号或带区号的固定电话' });
    await badRow.getByRole('cell', { name: '人员', exact: true }).waitFor();
    await badRow.getByRole('cell', { name: '3', exact: true }).waitFor();
    await badRow.getByRole('cell', { name: '手机号', exact: true }).waitFor();
    await modal.getByText('只要有一处问题，整个文件都不会导入，通讯录没有任何改动。').waitFor();
    await settleAnimations(page);
    await screenshot(page, 'pc-org-import-errors-zh');

    const good = await peopleWorkbook([
      ['导入甲', '13900000011', '示范县/城关镇/幸福社区', '网格员'],
      ['导入乙', '13900000012', '371399101', '科员'],
    ]);
    await modal.locator('input[type="file"]').setInputFiles({
      name: 'people-good.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    await modal.getByRole('button', { name: '开始导入' }).click();
    await modal.getByTestId('import-success').getByText('新增单位 0 个、人员 2 人、职务 0 个。').waitFor();
    await screenshot(page, 'pc-org-import-done-zh');
    await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭', exact: true }).click();

    await page.getByLabel('搜索人员').fill('导入');
    const table = page.getByTestId('people-table');
    await table.getByRole('row').filter({ hasText: '导入甲' }).getByText('幸福社区').waitFor();
    await table.getByRole('row').filter({ hasText: '导入乙' }).getByText('城关镇').waitFor();
  });

  it('accounts: create one linked to a person, see it in the list, disable it, reset its password', async () => {
    await page.getByTestId('side-menu').getByText('账号管理', { exact: true }).click();
    await page.waitForURL(/\/t\/demo\/users$/);
    const table = page.getByTestId('users-table');
    await table.getByText('admin', { exact: true }).waitFor();

    await page.getByRole('button', { name: '新建账号' }).click();
    const form = page.getByTestId('user-create-form');
    await form.getByLabel('关联人员').fill('李测试');
    await page.locator('.ant-select-item-option').filter({ hasText: '李测试 · 幸福社区 · 13900000001' }).click();
    // Picking the person filled in the name and phone.
    await expect.poll(() => form.getByLabel('姓名').inputValue()).toBe('李测试');
    await expect.poll(() => form.getByLabel('手机号').inputValue()).toBe('13900000001');
    await form.getByLabel('用户名').fill('lice');
    await form.getByLabel('初始密码').fill('Start@2026x');
    await submitButton(page, '创建').click();
    await form.waitFor({ state: 'hidden' });
    const row = table.getByRole('row').filter({ hasText: 'lice' });
    await row.getByText('已关联').waitFor();
    await row.getByText('需改密码').waitFor();
    await screenshot(page, 'pc-users-zh');

    // A second account with the same username: the server's 409 is shown (under the field when the
    // database names the column, as PostgreSQL does; as a message on the embedded database).
    await page.getByRole('button', { name: '新建账号' }).click();
    await form.getByLabel('用户名').fill('lice');
    await form.getByLabel('姓名').fill('重名');
    await form.getByLabel('初始密码').fill('Start@2026x');
    await submitButton(page, '创建').click();
    await page.getByText('用户名或手机号已被其他账号使用').first().waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '取消', exact: true }).click();

    await row.getByRole('button', { name: '编辑 lice' }).click();
    const edit = page.getByTestId('user-edit-form');
    await edit.getByLabel('启用账号').click();
    await submitButton(page, '保存').click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('已停用').waitFor();

    await row.getByRole('button', { name: '重置 lice 的密码' }).click();
    await page.getByTestId('reset-password-form').getByLabel('新密码').fill('Reset@2026x');
    await submitButton(page, '重置').click();
    await page.getByText('已重置 lice 的密码').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('on a phone (375 px): the tree and the people stack, people are cards', async () => {
    const phone = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const phonePage = await phone.newPage();
    await signIn(phonePage, server.baseUrl, '/t/demo/org');
    const cards = phonePage.getByTestId('people-cards');
    await cards.getByText('王建国').waitFor();
    expect(await phonePage.getByTestId('people-table').count()).toBe(0);
    // Stacked: the people start below the tree, and nothing is wider than the screen.
    const treeBox = await phonePage.getByTestId('unit-tree').boundingBox();
    const peopleBox = await phonePage.getByTestId('people-panel').boundingBox();
    expect(peopleBox!.y).toBeGreaterThan(treeBox!.y + treeBox!.height);
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await screenshot(phonePage, 'phone-org-zh');
    await phone.close();
  });
});
