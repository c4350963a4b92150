import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { screenshot } from './e2e-browser.ts';
import type { TenantApi } from './e2e-api.ts';
import { DEMO, signIn } from './setup/demo-county.ts';
import { startFormsArea } from './setup/forms.ts';

/** A large phone: the exports page must fit it without sideways scrolling. */
const PHONE_390 = { width: 390, height: 844 };

/** 我的导出, the shell's one page of every module's exports: reached from the menu and from the export-done notice. */
describe('my exports page: a forms export followed and downloaded on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: TenantApi;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, admin: api } = await startFormsArea());
    context = await browser.newContext({ viewport: PHONE_390, isMobile: true, hasTouch: true, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lists the export from the menu with its state, downloads its workbook, and the notice opens it picked out on top', async () => {
    const schema = { type: 'object', properties: { size: { type: 'integer', title: '户籍人数' } } };
    const form = await api.call<{ id: string }>('POST', '/forms/forms', { name: '人口抽查', schema, uiSchema: {} });
    await api.call('POST', `/forms/forms/${form.id}/publish`, {});
    await api.call('POST', `/forms/forms/${form.id}/submissions`, { version: 1, data: { size: 4 } });
    const job = await api.call<{ id: string; title: string }>('POST', `/forms/forms/${form.id}/exports`, {
      kind: 'statistics',
      lang: 'zh-CN',
    });
    expect(job.title).toBe('人口抽查-统计');

    await signIn(page, server.baseUrl, DEMO.login, DEMO.password, `/t/${DEMO.slug}`);

    // Every signed-in user has the page in the menu (behind the hamburger on a phone).
    await page.getByTestId('open-menu').click();
    await page.getByTestId('drawer-menu').getByText('我的导出', { exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/t/${DEMO.slug}/exports`);
    await page.getByRole('heading', { name: '我的导出' }).waitFor();
    const row = page.getByTestId(`export-${job.id}`);
    await row.getByText('人口抽查-统计').waitFor();
    // The job runs in the server's workers; the page polls until it is done.
    await row.getByText('已完成').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'exports-phone');
    const download = page.waitForEvent('download');
    await row.getByTestId(`download-export-${job.id}`).click();
    expect((await download).suggestedFilename()).toBe('人口抽查-统计.xlsx');

    // The export-done notice opens the same page with this export on top.
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-list').getByText('导出完成：人口抽查-统计').click();
    await page.waitForURL(`${server.baseUrl}/t/${DEMO.slug}/exports?highlight=${job.id}`);
    const focus = page.getByTestId('export-focus');
    await focus.getByText('人口抽查-统计').waitFor();
    await focus.getByText('已完成').waitFor();
    await screenshot(page, 'exports-phone-highlighted');
    const again = page.waitForEvent('download');
    await focus.getByTestId(`download-export-${job.id}`).click();
    expect((await again).suggestedFilename()).toBe('人口抽查-统计.xlsx');
    expect(pageErrors).toEqual([]);
  });
});
