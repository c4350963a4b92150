import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, PHONE_VIEWPORT, screenshot } from './e2e-browser.ts';
import { DEMO, startDemoCounty, submitSignIn as signIn } from './setup/demo-county.ts';

/** antd's enter/appear motions: a screenshot taken during one shows a half-open drawer. */
async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[class*="-enter"], [class*="-appear"]').length === 0);
}

describe('web app shell', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startDemoCounty());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the app for deep links, keeps JSON 404s under /api', async () => {
    const page = await fetch(`${server.baseUrl}/t/demo/org`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const api = await fetch(`${server.baseUrl}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
    expect((await fetch(`${server.baseUrl}/assets/missing.js`)).status).toBe(404);
  });

  it('on a PC: sign in, menu, language, notifications, change-password errors, sign out', async () => {
    const context = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));

    // Not signed in: the tenant's home sends to its sign-in page, remembering where to return.
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}`);
    await page.waitForURL(/\/t\/demo\/login\?next=%2Ft%2Fdemo$/);
    await page.getByText('用户名或手机号').waitFor();
    await screenshot(page, 'pc-login-zh');

    await signIn(page, DEMO.login, 'wrong-password');
    await page.getByTestId('sign-in-error').getByText('用户名、手机号或密码不正确').waitFor();

    await signIn(page, DEMO.login, DEMO.password);
    await page.waitForURL(`${server.baseUrl}/t/demo`);
    await page.getByTestId('tenant-name').getByText(DEMO.name).waitFor();
    const menu = page.getByTestId('side-menu');
    for (const label of ['工作台', '通讯录', '账号管理', '角色权限', '模块管理', '自定义字段', '操作日志', '工作日历']) {
      await menu.getByText(label, { exact: true }).waitFor();
    }
    await screenshot(page, 'pc-shell-zh');

    await menu.getByText('通讯录', { exact: true }).click();
    await page.waitForURL(/\/t\/demo\/org$/);
    await page.getByRole('heading', { name: '通讯录' }).waitFor();
    await page.getByTestId('unit-tree').getByText('城关镇', { exact: true }).waitFor();

    // English, remembered across a reload.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await menu.getByText('Directory', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    await page.reload();
    await menu.getByText('Working calendar', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'pc-shell-en');

    await page.getByTestId('notification-bell').click();
    const inbox = page.getByTestId('notification-list');
    await inbox.getByText('Notifications', { exact: true }).waitFor();
    await inbox.getByText('No notifications').waitFor();
    await settleAnimations(page);
    await screenshot(page, 'pc-notifications-en');
    await page.keyboard.press('Escape');
    await page.mouse.click(700, 500);

    // The server's "current password is wrong" shows under that field.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Current password', { exact: true }).fill('not-my-password');
    await dialog.getByLabel('New password', { exact: true }).fill('NewPass@2026');
    await dialog.getByLabel('Repeat the new password', { exact: true }).fill('NewPass@2026');
    await dialog.getByRole('button', { name: 'Change', exact: true }).click();
    await dialog.locator('.ant-form-item-explain-error').getByText('The current password is wrong').waitFor();
    await settleAnimations(page);
    await screenshot(page, 'pc-change-password-error-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/t\/demo\/login$/);

    // Signed out, a deep link comes back to its page after signing in again.
    await page.goto(`${server.baseUrl}/t/demo/calendar`);
    await page.waitForURL(/\/t\/demo\/login\?next=%2Ft%2Fdemo%2Fcalendar$/);
    await signIn(page, DEMO.login, DEMO.password);
    await page.waitForURL(/\/t\/demo\/calendar$/);
    await page.getByRole('heading', { name: 'Working calendar' }).waitFor();

    // The language is the account's now (saved by the switch): back to Chinese for the tests after.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('heading', { name: '工作日历' }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('on a phone (375 px): the menu sits behind the hamburger', async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/login`);
    await signIn(page, DEMO.login, DEMO.password);
    await page.waitForURL(`${server.baseUrl}/t/demo`);
    await page.getByTestId('tenant-name').getByText(DEMO.name).waitFor();
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    await screenshot(page, 'phone-shell-zh');

    await page.getByTestId('open-menu').click();
    const drawer = page.getByTestId('drawer-menu');
    await drawer.getByText('通讯录', { exact: true }).waitFor();
    await settleAnimations(page);
    await screenshot(page, 'phone-menu-zh');
    await drawer.getByText('通讯录', { exact: true }).click();
    await page.waitForURL(/\/t\/demo\/org$/);
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '通讯录' }).waitFor();

    // No connection: a Retry button, never a blank page; Retry works once the network is back.
    await context.route('**/api/t/demo/auth/me', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.getByText('网络连接失败').waitFor();
    await screenshot(page, 'phone-network-error-zh');
    await context.unroute('**/api/t/demo/auth/me');
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { name: '通讯录' }).waitFor();
    await context.close();
  });

  it('platform operators sign in at /platform/login and land on the tenants page', async () => {
    const context = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: '平台运维登录' }).click();
    await page.waitForURL(/\/platform\/login$/);
    await signIn(page, 'operator', 'Operator@2026');
    await page.waitForURL(/\/platform\/tenants$/);
    await page.getByRole('heading', { name: '县（租户）管理' }).waitFor();
    await screenshot(page, 'pc-operator-tenants-zh');

    // The operator changes their password from the top bar and signs in with the new one.
    await page.getByTestId('operator-change-password').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码', { exact: true }).fill('Operator@2026');
    await dialog.getByLabel('新密码', { exact: true }).fill('Operator@2027');
    await dialog.getByLabel('确认新密码', { exact: true }).fill('Operator@2027');
    await dialog.getByRole('button', { name: '确认修改', exact: true }).click();
    await page.getByText('密码已修改，其他设备上的登录已退出').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/platform\/login$/);
    await signIn(page, 'operator', 'Operator@2027');
    await page.waitForURL(/\/platform\/tenants$/);
    await context.close();
  });
});
