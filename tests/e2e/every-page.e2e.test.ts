import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { screenshot } from './e2e-browser.ts';
import { TenantApi } from './e2e-api.ts';
import { DEMO, demoAdmin, giveAccounts, startDemoCounty, submitSignIn as signIn } from './setup/demo-county.ts';

const OPERATOR = { login: 'operator', password: 'Operator@2026' };
const FILLER = { login: 'e2e-filler', password: 'Filler@2026' };
const VIEWPORTS = { pc: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
const LANGUAGES = ['zh-CN', 'en'] as const;
/** Donggang's demo county (tenant-config/demo/donggang.json): grid events with its grids and buildings. */
const DONGGANG = { slug: 'donggang', login: 'admin', password: 'Admin@2026' };

/** Loaded: no request in flight, no spinner or skeleton, no antd motion half-way. */
async function settle(page: Page): Promise<void> {
  // Pages that poll (the unread count) may never go quiet for long on a busy machine: bounded.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active, [class*="-enter"], [class*="-appear"]').length === 0,
    undefined,
    { timeout: 15_000 },
  );
}

describe('every page of the web app, on a PC and a phone, in both languages', () => {
  let server: RunningServer;
  let browser: Browser;
  let routes: { name: string; path: string }[];
  let gridRoutes: { name: string; path: string }[];
  let fillPath: string;

  beforeAll(async () => {
    ({ server, browser } = await startDemoCounty());
    const api = await demoAdmin(server);
    // Records for the pages that show one: a published form with a repeating group, a collection, a task.
    const form = await api.call<{ id: string }>('POST', '/forms/forms', {
      name: '因户施策',
      schema: {
        type: 'object',
        title: '因户施策',
        properties: {
          head: { type: 'string', title: '户主姓名' },
          members: {
            type: 'array',
            title: '家庭成员',
            items: { type: 'object', properties: { name: { type: 'string', title: '姓名' }, age: { type: 'integer', title: '年龄' } } },
          },
        },
      },
      uiSchema: {},
    });
    await api.call('POST', `/forms/forms/${form.id}/publish`, {});
    const units = await api.call<{ items: { id: string; kind: string }[] }>('GET', '/org/units');
    const town = units.items.find((u) => u.kind === 'town') ?? units.items[0];
    // A village clerk who fills in the collection (the fill page is the assignee's), and two people with no account yet.
    const filler = await api.call<{ id: string }>('POST', '/org/people', { name: '填报员甲', phone: '13900000001', unitId: town.id });
    await api.call('POST', '/org/people', { name: '新录用甲', phone: '13900000002', unitId: town.id });
    await api.call('POST', '/org/people', { name: '新录用乙', phone: '13900000003', unitId: town.id });
    await giveAccounts(api, [{ person: '填报员甲', username: FILLER.login, password: FILLER.password }], {
      name: '填报员',
      grants: [{ permission: 'forms.submit', scope: 'own_unit' }],
    });
    const collection = await api.call<{ id: string; assignees: { id: string }[] }>('POST', '/forms/collections', {
      formId: form.id,
      name: '因户施策',
      frequency: 'once',
      dueOn: '2099-12-31',
      personIds: [filler.id],
    });
    fillPath = `/t/${DEMO.slug}/forms/fill/${collection.id}/once/${collection.assignees[0].id}`;
    const task = await api.call<{ id: string; assignments: { id: string }[] }>('POST', '/dispatch/tasks', {
      title: '河道巡查月报',
      ownerUnitId: units.items[0].id,
      deadlineWorkingDays: 10,
      assignments: [{ unitId: town.id }],
    });
    const tenant = `/t/${DEMO.slug}`;
    routes = [
      { name: 'home', path: tenant },
      ...['org', 'users', 'roles', 'modules', 'custom-fields', 'audit', 'calendar', 'exports'].map((segment) => ({
        name: segment,
        path: `${tenant}/${segment}`,
      })),
      { name: 'forms-designer', path: `${tenant}/forms/designer` },
      { name: 'forms-designer-form', path: `${tenant}/forms/designer/${form.id}` },
      { name: 'forms-collections', path: `${tenant}/forms/collections` },
      { name: 'forms-my-due', path: `${tenant}/forms/my-due` },
      { name: 'forms-results', path: `${tenant}/forms/results` },
      { name: 'dispatch-pending', path: `${tenant}/dispatch/pending` },
      { name: 'dispatch-tasks', path: `${tenant}/dispatch/tasks` },
      { name: 'dispatch-task', path: `${tenant}/dispatch/tasks/${task.id}` },
      { name: 'dispatch-assignment', path: `${tenant}/dispatch/assignments/${task.assignments[0].id}` },
      { name: 'dispatch-board', path: `${tenant}/dispatch/board` },
      { name: 'dispatch-requests', path: `${tenant}/dispatch/requests` },
    ];
    // Grid events' pages, in the county that keeps floor models (its demo buildings come with the file).
    const donggang = await TenantApi.signIn(server.baseUrl, DONGGANG.slug, DONGGANG.login, DONGGANG.password);
    await donggang.call('POST', '/modules/grid-events/enable');
    const buildings = await donggang.call<{ items: { id: string; qrToken: string }[] }>('GET', '/grid-events/buildings');
    const building = buildings.items[0];
    const grid = `/t/${DONGGANG.slug}/grid-events`;
    const publicGrid = `/public/t/${DONGGANG.slug}/grid-events`;
    gridRoutes = [
      ...['report', 'queue', 'events', 'map', 'stats', 'visits', 'buildings', 'categories', 'grids', 'open311'].map((segment) => ({
        name: `grid-events-${segment}`,
        path: `${grid}/${segment}`,
      })),
      { name: 'grid-events-building', path: `${grid}/buildings/${building.id}` },
      { name: 'grid-events-public-report', path: `${publicGrid}/report` },
      { name: 'grid-events-public-scan', path: `${publicGrid}/report?building=${building.qrToken}&unit=1` },
      { name: 'grid-events-public-track', path: `${publicGrid}/track` },
    ];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const language of LANGUAGES) {
      it(`${device}, ${language}: every county page as the demo admin, grid events' pages in Donggang, and the operator's pages open without errors; screenshots saved`, async () => {
        const context = await browser.newContext({
          viewport,
          locale: language,
          isMobile: device === 'phone',
          hasTouch: device === 'phone',
        });
        await context.addInitScript((lang) => localStorage.setItem('platform.language', lang), language);
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
        const shot = (name: string) => screenshot(page, `every-page/${device}-${language}-${name}`);

        await page.goto(`${server.baseUrl}/`);
        await settle(page);
        await shot('start');
        await page.goto(`${server.baseUrl}/t/${DEMO.slug}/login`);
        await settle(page);
        await shot('login');
        await signIn(page, DEMO.login, DEMO.password);
        await page.waitForURL(`${server.baseUrl}/t/${DEMO.slug}`, { timeout: 60_000 });
        const visit = async (route: { name: string; path: string }) => {
          await page.goto(`${server.baseUrl}${route.path}`);
          await settle(page);
          if ((await page.locator('.ant-result-404').count()) > 0) problems.push(`${route.path}: page not found`);
          // The page itself never needs sideways scrolling (wide tables scroll inside themselves).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${route.path}: ${overflow}px wider than the screen`);
          await shot(route.name);
        };
        for (const route of routes) await visit(route);

        await page.goto(`${server.baseUrl}/t/${DEMO.slug}/login?next=${encodeURIComponent(fillPath)}`);
        await signIn(page, FILLER.login, FILLER.password);
        await page.waitForURL(`${server.baseUrl}${fillPath}`);
        await visit({ name: 'forms-fill', path: fillPath });

        await page.goto(`${server.baseUrl}/t/${DONGGANG.slug}/login`);
        await signIn(page, DONGGANG.login, DONGGANG.password);
        await page.waitForURL(`${server.baseUrl}/t/${DONGGANG.slug}`, { timeout: 60_000 });
        for (const route of gridRoutes) await visit(route);

        await page.goto(`${server.baseUrl}/platform/login`);
        await settle(page);
        await shot('platform-login');
        await signIn(page, OPERATOR.login, OPERATOR.password);
        await page.waitForURL(`${server.baseUrl}/platform/tenants`);
        await settle(page);
        await shot('platform-tenants');
        await context.close();
        expect(problems).toEqual([]);
      }, 300_000);
    }
  }

  it('admin console: accounts and a role for people picked in the directory, a role from a template, the audit trail as sentences, the operator editing a county; the polish holds', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.pc, locale: 'zh-CN' });
    await context.addInitScript(() => localStorage.setItem('platform.language', 'zh-CN'));
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/login`);
    await signIn(page, DEMO.login, DEMO.password);
    await page.waitForURL(`${server.baseUrl}/t/${DEMO.slug}`, { timeout: 60_000 });
    // The page fills the window: no 8 px browser margin around it.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');

    // 18: pick two people in the directory, give them accounts, print the sheet of initial passwords.
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/org`);
    await page.getByTestId('people-panel').getByRole('searchbox').fill('新录用');
    const table = page.getByTestId('people-table');
    await table.getByText('新录用乙').waitFor();
    for (const name of ['新录用甲', '新录用乙'])
      await table
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check();
    await page.getByTestId('people-bulk-bar').getByText('已选 2 人').waitFor();
    await page.getByTestId('people-bulk-accounts').click();
    await page.getByTestId('bulk-create').click();
    const sheet = page.getByTestId('password-sheet');
    await sheet.getByText('13900000002').waitFor();
    const passwords = await sheet.locator('td.secret').allTextContents();
    expect(passwords).toHaveLength(2);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
    await settle(page);
    await screenshot(page, 'admin-console/bulk-accounts-sheet');
    await page.getByRole('button', { name: '完成' }).click();
    // The new account signs in with the sheet's password and must choose a new one.
    const signInResponse = await fetch(`${server.baseUrl}/api/t/${DEMO.slug}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: '13900000002', password: passwords[0] }),
    });
    expect(signInResponse.status).toBe(200);
    expect(((await signInResponse.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);

    // 18: the same two people get a role at once.
    for (const name of ['新录用甲', '新录用乙'])
      await table
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check();
    await page.getByTestId('people-bulk-roles').click();
    await page.getByTestId('role-membership-role').click();
    await page.locator('.ant-select-item-option[title="网格员"]').click();
    await page.getByTestId('role-membership-submit').click();
    await page.getByText('已将 2 人加入角色“网格员”').waitFor();

    // 19: a role from the 村干部 template, adjusted and saved.
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/roles`);
    await page.getByTestId('role-templates-open').click();
    await page.getByTestId('role-template-village_cadre').click();
    const roleForm = page.getByTestId('role-form');
    await expect.poll(() => roleForm.getByRole('textbox').first().inputValue()).toBe('村干部');
    await settle(page);
    await screenshot(page, 'admin-console/role-from-template');
    await page.getByTestId('role-save').click();
    await page.getByRole('cell', { name: '村干部', exact: true }).waitFor();

    // 21: the audit trail in sentences; the action filter picks from the catalogue.
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/audit`);
    const sentences = page.getByTestId('audit-sentence');
    await sentences.filter({ hasText: '县管理员 创建了角色「村干部」' }).first().waitFor();
    await sentences.filter({ hasText: '县管理员 创建了账号「新录用甲」' }).first().waitFor();
    await page.getByTestId('audit-action-picker').click();
    await page.getByTitle('创建了角色「…」', { exact: true }).click();
    await page
      .getByTestId('audit-filters')
      .getByRole('button', { name: /查\s?询/ })
      .click();
    await settle(page);
    const filtered = await sentences.allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    for (const text of filtered) expect(text).toContain('创建了角色');
    await screenshot(page, 'admin-console/audit-sentences');

    // 22: schema forms without the grey fieldset box or the repeated title; palette labels inside their buttons; board headers on one line.
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/modules`);
    await page.getByTestId('module-configure-dispatch').click();
    const configForm = page.getByTestId('module-config-form');
    await configForm.locator('fieldset').first().waitFor();
    expect(
      await configForm
        .locator('fieldset')
        .first()
        .evaluate((el) => getComputedStyle(el).borderTopWidth),
    ).toBe('0px');
    // Group titles (截止前几天提醒) read left-aligned, with no colon drawn after them.
    const colons = await configForm
      .locator('label')
      .evaluateAll((labels) => labels.map((l) => getComputedStyle(l, '::after').content).filter((c) => c.includes(':')));
    expect(colons).toEqual([]);
    await settle(page);
    await screenshot(page, 'admin-console/module-config-drawer');
    await page.goto(`${server.baseUrl}${routes.find((r) => r.name === 'forms-designer-form')?.path}`);
    const group = page.getByTestId('palette-group');
    await group.waitFor();
    expect(await group.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.getByText('户主姓名').last().waitFor();
    // The form's name heads the designer; the preview does not repeat it as a label.
    expect(await page.locator('.rjsf').getByText('因户施策', { exact: true }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/dispatch/board`);
    const headers = page.getByTestId('board-units').locator('.ant-table-column-title');
    await headers.first().waitFor();
    for (const height of await headers.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height)))
      expect(height).toBeLessThan(30);

    // 20: the operator opens the county, edits its profile and resets its admin's password.
    await page.goto(`${server.baseUrl}/platform/login`);
    await signIn(page, OPERATOR.login, OPERATOR.password);
    await page.getByTestId(`open-tenant-${DEMO.slug}`).click();
    const profile = page.getByTestId('tenant-profile-form');
    await expect.poll(() => profile.getByRole('textbox').first().inputValue()).toBe('示范县');
    await profile.getByPlaceholder('https://').fill('https://example.gov.cn/logo.png');
    await page.getByTestId('tenant-profile-save').click();
    await page.getByText('已保存 示范县 的资料').waitFor();
    await page.getByTestId('tenant-admin-reset-admin').click();
    await page.getByTestId('tenant-admin-reset-form').locator('input[type="password"]').fill('Reset@2026x');
    await settle(page);
    await screenshot(page, 'admin-console/operator-county');
    await page.getByTestId('tenant-admin-reset-submit').click();
    await page.getByText('已重置 县管理员 的密码').waitFor();
    const after = await fetch(`${server.baseUrl}/api/t/${DEMO.slug}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: DEMO.login, password: 'Reset@2026x' }),
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
