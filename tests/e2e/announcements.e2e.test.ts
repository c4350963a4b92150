import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, screenshot } from './e2e-browser.ts';
import { signIn, startDemoCounty } from './setup/demo-county.ts';

// 乐山市市中区 (tenant-config/demo/leshan-shizhong.json): its 督查员 `ducha` publishes notices to the whole
// district; `town2` (张公桥街道) reads them. Demo staff share the admin's password.
const COUNTY = 'leshan-shizhong';
const PASSWORD = 'Admin@2026';
const PHONE = { width: 390, height: 844 };
const TITLE = '关于开展防汛应急演练的通知';

describe('announcements: a notice is published and its receipts change when a reader opens it', () => {
  let server: RunningServer;
  let browser: Browser;
  let publisherContext: BrowserContext;
  let readerContext: BrowserContext;
  let publisher: Page;
  let reader: Page;
  let receiptsUrl = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDemoCounty());
    publisherContext = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    readerContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    publisher = await publisherContext.newPage();
    reader = await readerContext.newPage();
    for (const page of [publisher, reader]) page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 600_000);

  afterAll(async () => {
    await publisherContext?.close();
    await readerContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the 督查员 writes a notice with rich text, asks for confirmation and publishes it to the whole district', async () => {
    await signIn(publisher, server.baseUrl, 'ducha', PASSWORD, `/t/${COUNTY}/announcements/manage`, COUNTY);
    // The demo notice is already there.
    await publisher.getByTestId('managed-table').getByText('关于做好2026年汛期安全防范工作的通知').waitFor();
    await screenshot(publisher, 'announcements-manage-pc-zh');
    await publisher.getByTestId('notice-add').click();
    await publisher.getByTestId('notice-title-input').fill(TITLE);
    const editor = publisher.getByTestId('notice-body-editor').locator('[contenteditable="true"]');
    await editor.click();
    await publisher.keyboard.type('各街道：请于本周五前完成防汛应急演练。');
    await publisher.getByRole('button', { name: '加粗' }).click();
    await publisher.keyboard.type('演练结束后上报总结。');
    await publisher.getByLabel('要求确认收到').check();
    await screenshot(publisher, 'announcements-editor-pc-zh');
    await publisher.getByTestId('notice-publish').click();
    await publisher.waitForURL(/\/announcements\/manage\/[0-9a-f-]{36}$/);
    receiptsUrl = publisher.url();
    const totals = publisher.getByTestId('receipt-totals');
    await totals.getByText(/已读 0 人/).waitFor();
    expect(await totals.innerText()).toMatch(/应读 \d+ 人，已读 0 人，未读 \d+ 人，已确认 0 人/);
    await screenshot(publisher, 'announcements-receipts-before-pc-zh');
  });

  it('a town head opens it on a 390 px phone from the notices list and confirms receipt', async () => {
    await signIn(reader, server.baseUrl, 'town2', PASSWORD, `/t/${COUNTY}/announcements/notices`, COUNTY);
    const item = reader.getByTestId('notice-list').getByRole('link', { name: TITLE });
    await item.waitFor();
    await reader.getByTestId('unread-count').waitFor();
    await screenshot(reader, 'announcements-notices-phone-zh');
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await item.click();
    await reader.getByTestId('notice-title').getByText(TITLE).waitFor();
    await reader.locator('.announcement-body strong').getByText('演练结束后上报总结。').waitFor();
    await reader.getByTestId('confirm-receipt').click();
    await reader.getByTestId('confirmed-at').waitFor();
    await screenshot(reader, 'announcements-reading-phone-zh');
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('the publisher’s receipts now count the reader, under the reader’s unit, and the unread can be reminded', async () => {
    await publisher.goto(receiptsUrl);
    const totals = publisher.getByTestId('receipt-totals');
    await totals.getByText(/已读 1 人/).waitFor();
    expect(await totals.innerText()).toMatch(/已读 1 人.*已确认 1 人/);
    const row = publisher.getByTestId('receipt-units').getByRole('row', { name: /张公桥街道/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/张公桥街道\s+1\s+1\s+0\s+1/);
    await screenshot(publisher, 'announcements-receipts-after-pc-zh');
    await publisher.getByTestId('remind-unread').click();
    await publisher.getByText(/已提醒 \d+ 人/).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
