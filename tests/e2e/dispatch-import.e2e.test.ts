import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT } from './e2e-browser.ts';
import { shanghaiDate } from './e2e-dispatch.ts';
import { DEMO, signIn } from './setup/demo-county.ts';
import { startDispatchArea, SUPERVISOR } from './setup/dispatch.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const tasks = book.addWorksheet('任务');
  tasks.addRow(['任务名称', '任务内容', '类别', '牵头单位', '配合单位', '截止日期', '工作日', '优先级', '汇报周期']);
  for (const row of rows) tasks.addRow(row);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('dispatch: a supervisor imports tasks from Excel on the task list', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDispatchArea());
    page = await (await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN', acceptDownloads: true })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a bad sheet shows its problems by row and column; a good one imports every task', async () => {
    await signIn(page, server.baseUrl, SUPERVISOR.username, SUPERVISOR.password, `/t/${DEMO.slug}/dispatch/tasks`);
    await page.getByTestId('import-tasks').click();
    const modal = page.getByTestId('task-import');
    const download = page.waitForEvent('download');
    await modal.getByRole('button', { name: /下载模板/ }).click();
    expect((await download).suggestedFilename()).toBe('任务导入模板.xlsx');

    await modal.locator('input[type="file"]').setInputFiles({
      name: 'bad.xlsx',
      mimeType: XLSX,
      buffer: await sheet([['秋收秋种', '', '', '城关镇、xx镇', '', shanghaiDate(20), null, '', '']]),
    });
    await modal.getByTestId('import-submit').click();
    const issues = modal.getByTestId('import-issues');
    await issues.getByText('找不到单位“xx镇”').waitFor();
    expect(await issues.getByText('牵头单位').count()).toBeGreaterThan(0);

    await modal.locator('input[type="file"]').setInputFiles({
      name: 'good.xlsx',
      mimeType: XLSX,
      buffer: await sheet([
        ['秋收秋种', '', '', '城关镇、河西镇', '县政府办', null, 5, '高', ''],
        ['冬季防火', '', '', '城关镇', '', shanghaiDate(30), null, '', ''],
      ]),
    });
    await modal.getByTestId('import-check').click();
    await modal.getByText('检查通过：可导入 2 个任务').waitFor();
    await modal.getByTestId('import-submit').click();
    await modal.getByText('已导入 2 个任务').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('task-table').getByText('冬季防火').waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
