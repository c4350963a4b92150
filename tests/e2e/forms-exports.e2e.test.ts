import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWebApp, startServer, type RunningServer } from './e2e-server.ts';
import { launchBrowser, PHONE_VIEWPORT, screenshot } from './e2e-browser.ts';
import { TenantApi } from './e2e-api.ts';

const DEMO = { slug: 'demo', login: 'admin', password: 'Admin@2026' };

/** The page the export-done notice links to: the user's exports, one of them on top, downloadable. */
describe('forms: my exports page', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: TenantApi;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildWebApp();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    api = await TenantApi.signIn(server.baseUrl, DEMO.slug, DEMO.login, DEMO.password);
    await api.call('POST', '/modules/forms/enable');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lists the export with its state, shows the linked one on top, and downloads its workbook', async () => {
    const schema = { type: 'object', properties: { size: { type: 'integer', title: '户籍人数' } } };
    const form = await api.call<{ id: string }>('POST', '/forms/forms', { name: '人口抽查', schema, uiSchema: {} });
    await api.call('POST', `/forms/forms/${form.id}/publish`, {});
    await api.call('POST', `/forms/forms/${form.id}/submissions`, { version: 1, data: { size: 4 } });
    const job = await api.call<{ id: string }>('POST', `/forms/forms/${form.id}/exports`, { kind: 'statistics', lang: 'zh-CN' });

    const next = `/t/${DEMO.slug}/forms/exports/${job.id}`;
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/login?next=${encodeURIComponent(next)}`);
    const signIn = page.getByTestId('sign-in-form');
    await signIn.getByRole('textbox').first().fill(DEMO.login);
    await signIn.locator('input[type="password"]').fill(DEMO.password);
    await signIn.getByRole('button').last().click();
    await page.waitForURL(`${server.baseUrl}${next}`);

    const focus = page.getByTestId('export-focus');
    await focus.getByText('人口抽查').waitFor();
    // The job runs in the server's workers; the page polls until it is done.
    await focus.getByText('已完成').waitFor({ timeout: 30_000 });
    await page.getByTestId(`export-${job.id}`).getByText('统计').waitFor();
    await screenshot(page, 'forms-exports-phone');
    const download = page.waitForEvent('download');
    await focus.getByTestId(`download-export-${job.id}`).click();
    expect((await download).suggestedFilename()).toBe('人口抽查-统计.xlsx');
    expect(pageErrors).toEqual([]);
  });
});
