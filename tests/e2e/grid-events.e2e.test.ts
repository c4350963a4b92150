import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TenantApi } from './e2e-api.ts';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, screenshot } from './e2e-browser.ts';
import { signIn as signInAt } from './setup/demo-county.ts';
import { DATONG, STREETLIGHT as CATEGORY, startGridEventsArea, TONGBEI, ZHANGZHOU as COUNTY } from './setup/grid-events.ts';

// The citizen stands in 大同社区第一网格 (setup/grid-events.ts draws it and its neighbour).
const CITIZEN_PLACE = { longitude: 117.6452, latitude: 24.5047 };
const PHONE = { width: 390, height: 844 };
// A 1×1 PNG: a real image, so the server's content sniffing accepts it as a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const signIn = (page: Page, baseUrl: string, login: string, password: string, next: string) =>
  signInAt(page, baseUrl, login, password, next, COUNTY.slug);

describe('grid events: a citizen reports from a phone, the grid of the place handles it, the citizen rates it', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: TenantApi;
  let citizen: BrowserContext;
  let phone: Page;
  let trackingCode = '';
  let buildingToken = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser, admin } = await startGridEventsArea());
    // The citizen's phone: no account, its position where the street light is out.
    citizen = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      geolocation: CITIZEN_PLACE,
      permissions: ['geolocation'],
    });
    phone = await citizen.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
  }, 600_000);

  afterAll(async () => {
    await citizen?.close();
    await browser?.close();
    await server?.stop();
  });

  it('a citizen reports from a 390 px phone with a photo, passes the human check and gets a tracking code', async () => {
    await phone.goto(`${server.baseUrl}/public/t/${COUNTY.slug}/grid-events/report`);
    const form = phone.getByTestId('public-report-form');
    await phone.getByRole('heading', { name: '我要反映' }).waitFor();
    await phone.getByTestId('public-category').click();
    await phone.locator('.ant-select-dropdown:visible').getByText(CATEGORY, { exact: true }).click();
    await form.getByLabel('事件描述').fill('胜利路 12 号门口的路灯连续三晚不亮，晚上行人看不清路。');
    await phone.getByTestId('public-photos-input').setInputFiles({ name: 'light.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => phone.getByTestId('public-photos-photo').count()).toBe(1);
    await phone.getByTestId('locate').click();
    await phone.getByTestId('place-point').getByText('经度 117.64520，纬度 24.50470').waitFor();
    await phone.getByTestId('place-address').fill('胜利路 12 号门口');
    await form.getByLabel('手机号').fill('13912345678');
    await form.getByLabel('称呼（可不填）').fill('陈先生');
    await screenshot(phone, 'grid-events-public-report-phone-zh');
    // Nothing on the page may be wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await phone.getByTestId('public-report-submit').click();
    const code = phone.getByTestId('tracking-code');
    await code.waitFor({ timeout: 60_000 });
    trackingCode = (await code.innerText()).trim();
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    await screenshot(phone, 'grid-events-public-code-phone-zh');

    await phone.getByTestId('track-link').click();
    await phone.waitForURL(`${server.baseUrl}/public/t/${COUNTY.slug}/grid-events/track/${trackingCode}`);
    await phone.getByTestId('event-status').getByText('待签收').waitFor();
    await expect.poll(() => phone.getByTestId('public-event-photos').locator('img').count()).toBe(1);
    await screenshot(phone, 'grid-events-public-track-phone-zh');
  });

  it('the event reaches the grid holding the place: its worker has it, the other grid’s does not', async () => {
    const other = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const otherPage = await other.newPage();
    otherPage.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(otherPage, server.baseUrl, TONGBEI.username, TONGBEI.password, `/t/${COUNTY.slug}/grid-events/queue`);
    await otherPage.getByText('没有待办的事件').waitFor();
    await other.close();

    const context = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    const handler = await context.newPage();
    handler.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(handler, server.baseUrl, DATONG.username, DATONG.password, `/t/${COUNTY.slug}/grid-events/queue`);
    const card = handler.locator(`[data-testid="event-card"][data-code="${trackingCode}"]`);
    await card.waitFor();
    await screenshot(handler, 'grid-events-queue-zh');
    await card.click();
    await handler.waitForURL(/\/grid-events\/events\/[0-9a-f-]{36}$/);
    const facts = handler.getByTestId('event-facts');
    // The grid holding the place handles it: the grid and the handling unit are the same.
    await expect.poll(() => facts.getByText(DATONG.grid, { exact: true }).count()).toBe(2);
    await facts.getByText('群众上报').waitFor();
    await facts.getByText('13912345678', { exact: false }).waitFor();

    await handler.getByTestId('action-accept').click();
    await handler.getByTestId('event-status').getByText('已签收').waitFor();
    if (await handler.getByTestId('action-start').isVisible()) {
      await handler.getByTestId('action-start').click();
      await handler.getByTestId('event-status').getByText('处置中').waitFor();
    }
    await handler.getByTestId('action-resolve').click();
    const resolve = handler.getByTestId('form-resolve');
    await resolve.getByLabel('处理情况').fill('已联系路灯维修班组更换灯泡，当晚恢复照明。');
    await handler.getByTestId('resolve-photos-input').setInputFiles({ name: 'fixed.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => handler.getByTestId('resolve-photos-photo').count()).toBe(1);
    await screenshot(handler, 'grid-events-resolve-zh');
    await handler.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await handler.getByTestId('event-status').getByText('已办结').waitFor();
    await handler.getByTestId('event-resolution').getByText('已联系路灯维修班组更换灯泡，当晚恢复照明。').waitFor();
    await expect.poll(() => handler.getByTestId('event-step').count()).toBeGreaterThanOrEqual(3);
    await screenshot(handler, 'grid-events-detail-zh');
    await context.close();
  });

  it('the citizen sees it resolved with the photo and rates it', async () => {
    await phone.reload();
    await phone.getByTestId('event-status').getByText('已办结').waitFor();
    await phone.getByTestId('public-resolution').getByText('已联系路灯维修班组更换灯泡，当晚恢复照明。').waitFor();
    await expect.poll(() => phone.getByTestId('public-resolution').locator('img').count()).toBe(1);
    const rating = phone.getByTestId('rating-form');
    await rating.locator('.ant-rate-star').nth(4).click();
    await rating.getByPlaceholder('说说您的看法（可不填）').fill('修得很快，谢谢！');
    await screenshot(phone, 'grid-events-public-rate-phone-zh');
    await phone.getByTestId('rating-submit').click();
    await phone.getByText('感谢您的评价').waitFor();
    await screenshot(phone, 'grid-events-public-rated-phone-zh');
  });

  it('the manager’s pages: the map with its numbers, grids, categories, the list (PC and phone)', async () => {
    for (const [name, viewport] of [
      ['pc', PC_VIEWPORT],
      ['phone', PHONE],
    ] as const) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: name === 'phone' });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, server.baseUrl, COUNTY.login, COUNTY.password, `/t/${COUNTY.slug}/grid-events/map`);
      await page.getByTestId('map-count-resolved').getByText('1').waitFor();
      // Two grids and one event drawn as vectors (canvas), with no tile server anywhere.
      await page.getByTestId('event-map').locator('canvas').first().waitFor();
      await screenshot(page, `grid-events-map-${name}-zh`);
      await page.goto(`${server.baseUrl}/t/${COUNTY.slug}/grid-events/grids`);
      await page.getByText('已划定 2 / ', { exact: false }).waitFor();
      await screenshot(page, `grid-events-areas-${name}-zh`);
      await page.goto(`${server.baseUrl}/t/${COUNTY.slug}/grid-events/categories`);
      await page.getByTestId('category-table').getByText(CATEGORY).waitFor();
      await screenshot(page, `grid-events-categories-${name}-zh`);
      await page.goto(`${server.baseUrl}/t/${COUNTY.slug}/grid-events/events`);
      await page.getByText(trackingCode).first().waitFor();
      await screenshot(page, `grid-events-list-${name}-zh`);
      if (name === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await context.close();
    }
    expect(pageErrors).toEqual([]);
  });
  it('buildings on a 390 px phone: the floor model of a building, a household tagged 独居老人 and visited, its QR code', async () => {
    const units = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/directory/units');
    const grid = units.items.find((u) => u.name === DATONG.grid);
    ({ qrToken: buildingToken } = await admin.call<{ qrToken: string }>('POST', '/grid-events/buildings', {
      name: '胜利小区3号楼',
      address: '胜利路 12 号',
      location: { lon: 117.6455, lat: 24.5052 },
      gridUnitId: grid?.id,
      unitCount: 2,
      floorCount: 5,
      householdsPerFloor: 2,
    }));
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, server.baseUrl, COUNTY.login, COUNTY.password, `/t/${COUNTY.slug}/grid-events/buildings`);
    await page.getByTestId('building-item').filter({ hasText: '胜利小区3号楼' }).click();
    await page.waitForURL(/\/grid-events\/buildings\/[0-9a-f-]{36}$/);
    await page.getByTestId('building-facts').getByText(DATONG.grid).waitFor();
    // 2 units × 5 floors × 2 households, top floor first in each unit.
    await expect.poll(() => page.getByTestId('household-cell').count()).toBe(20);
    expect(await page.getByTestId('floor-model-unit').count()).toBe(2);
    await screenshot(page, 'grid-events-floor-model-phone-zh');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.locator('[data-testid="household-cell"][data-room="1-301"]').click();
    const drawer = page.getByTestId('household-drawer');
    await drawer.getByTestId('household-tag-独居老人').click();
    await drawer.getByTestId('household-custom-tag').fill('低保户');
    await drawer.getByRole('button', { name: /^添\s?加$/ }).click();
    await screenshot(page, 'grid-events-household-tags-phone-zh');
    await page.getByTestId('household-save').click();
    await page.getByText('已保存 301 的标签').waitFor();
    const cell = page.locator('[data-testid="household-cell"][data-room="1-301"]');
    await cell.getByText('独居老人').waitFor();
    await cell.getByText('低保户').waitFor();
    await page.getByTestId('building-tag-counts').getByText('独居老人').waitFor();

    // The visit (入户走访) recorded on the spot, with a photo.
    await cell.click();
    await page.getByTestId('visit-note').fill('老人身体状况良好，已提醒用电安全');
    await page.getByTestId('visit-photos-input').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('visit-photos-photo').count()).toBe(1);
    await page.getByTestId('visit-record').click();
    await page.getByTestId('visit-item').getByText('老人身体状况良好，已提醒用电安全').waitFor();
    await screenshot(page, 'grid-events-household-visit-phone-zh');
    await page.keyboard.press('Escape');

    await page.getByTestId('building-qr-open').click();
    const qr = page.getByTestId('building-qr-image');
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await screenshot(page, 'grid-events-building-qr-phone-zh');
    await context.close();
  });

  it('a resident scans a unit’s QR code: the page names the building and unit, the report needs no position and reaches the building’s grid; a phone that refuses its position gets the map', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.baseUrl}/public/t/${COUNTY.slug}/grid-events/report?building=${buildingToken}&unit=2`);
    const scanned = page.getByTestId('public-building');
    await scanned.getByText('胜利小区3号楼').waitFor();
    await scanned.getByText('胜利路 12 号').waitFor();
    await scanned.getByTestId('public-building-unit').getByText('2单元').waitFor();
    expect(await page.getByTestId('locate').count()).toBe(0);
    await page.getByTestId('public-category').click();
    await page.locator('.ant-select-dropdown:visible').getByText(CATEGORY, { exact: true }).click();
    await page.getByTestId('public-report-form').getByLabel('事件描述').fill('2 单元楼道的灯坏了，晚上上下楼看不见。');
    await page.getByTestId('public-report-form').getByLabel('手机号').fill('13912345679');
    await screenshot(page, 'grid-events-public-scan-phone-zh');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('public-report-submit').click();
    const code = (await page.getByTestId('tracking-code').innerText({ timeout: 60_000 })).trim();
    const events = await admin.call<{ items: { code: string; address: string; gridUnit: { name: string } | null }[] }>(
      'GET',
      `/grid-events/events?q=${code}`,
    );
    expect(events.items[0]).toMatchObject({ code, gridUnit: { name: DATONG.grid } });
    expect(events.items[0].address).toContain('胜利小区3号楼 2单元');

    // No position from the phone: the county's map opens to tap the place on.
    await page.goto(`${server.baseUrl}/public/t/${COUNTY.slug}/grid-events/report`);
    expect(await page.getByTestId('place-map').count()).toBe(0);
    await page.getByTestId('locate').click();
    await page.locator('[data-testid="place-map"].leaflet-container').waitFor({ timeout: 30_000 });
    await page.getByTestId('place-map').click({ position: { x: 120, y: 120 } });
    await page.getByTestId('place-point').getByText('经度', { exact: false }).waitFor();
    await screenshot(page, 'grid-events-public-map-phone-zh');
    await context.close();
  });

  it('statistics: the period’s outcomes by grid in a chart with its table, by category, and the .xlsx (PC and phone)', async () => {
    for (const [name, viewport] of [
      ['pc', PC_VIEWPORT],
      ['phone', PHONE],
    ] as const) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: name === 'phone', acceptDownloads: true });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await signIn(page, server.baseUrl, COUNTY.login, COUNTY.password, `/t/${COUNTY.slug}/grid-events/stats`);
      const table = page.getByTestId('stats-table');
      const row = table.getByRole('row', { name: new RegExp(DATONG.grid) });
      await row.waitFor();
      // The citizen's event: reported, resolved, rated 5.
      await row.getByRole('cell', { name: '5.00' }).waitFor();
      await page.getByTestId('stats-chart').locator('canvas').first().waitFor();
      await screenshot(page, `grid-events-stats-${name}-zh`);
      await page.getByTestId('stats-metric').getByText('满意度').click();
      await page.getByTestId('stats-by').getByText('分类').click();
      await table.getByRole('row', { name: new RegExp(CATEGORY) }).waitFor();
      await screenshot(page, `grid-events-stats-category-${name}-zh`);
      if (name === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      const download = page.waitForEvent('download');
      await page.getByTestId('stats-export').click();
      expect((await download).suggestedFilename()).toBe('网格事件统计.xlsx');
      await context.close();
    }
  });

  it('Open311 keys: the county admin issues a key shown once with a copy button, then revokes it with a reason', async () => {
    const context = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, server.baseUrl, COUNTY.login, COUNTY.password, `/t/${COUNTY.slug}/grid-events/open311`);
    await page.getByText('还没有接入系统').waitFor();
    await page.getByTestId('open311-add').click();
    await page.getByTestId('open311-form').getByLabel('系统名称').fill('12345 热线平台');
    await page.getByTestId('open311-create').click();
    const key = (await page.getByTestId('open311-key-value').innerText()).trim();
    expect(key).toMatch(/^o311_/);
    await page.getByTestId('open311-key').getByText('密钥只显示这一次', { exact: false }).waitFor();
    await screenshot(page, 'grid-events-open311-key-zh');
    await page.getByTestId('open311-key-done').click();
    const row = page.getByTestId('open311-table').getByRole('row', { name: /12345 热线平台/ });
    await row.getByText('使用中').waitFor();
    // The key is nowhere on the page any more.
    await expect.poll(() => page.getByText(key).count()).toBe(0);

    await row.getByTestId('open311-revoke').click();
    await page.getByTestId('open311-revoke-reason').fill('热线平台更换供应商');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^停\s?用$/ })
      .click();
    await row.getByText('已停用', { exact: false }).waitFor();
    await screenshot(page, 'grid-events-open311-revoked-zh');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
