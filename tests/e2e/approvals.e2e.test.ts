import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, screenshot } from './e2e-browser.ts';
import { DEMO, DEMO_STAFF_PASSWORD, demoAdmin, giveAccounts, signIn, startDemoCounty } from './setup/demo-county.ts';

// The demo county (tenant-config/demo/demo.json): 刘芳, a 科员 of the county office, gets an account to
// apply; 张三 (town1) decides first and hands it to 吴敏 (town2); more than three days of leave also
// need 王建国 (leader): the condition of the type's second step.
const PHONE = { width: 390, height: 844 };
const CLERK = { login: 'e2e-clerk', password: 'Clerk@2026' };
const base = `/t/${DEMO.slug}/approvals`;

describe('approvals: a request applied from a phone, transferred, approved, and its history read by the applicant', () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let pc: BrowserContext;
  let applicant: Page;
  let approver: Page;
  let requestUrl = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDemoCounty());
    const admin = await demoAdmin(server);
    await admin.call('POST', '/modules/approvals/enable', {});
    await giveAccounts(admin, [{ person: '刘芳', username: CLERK.login, password: CLERK.password }], {
      name: '审批申请人',
      grants: [{ permission: 'approvals.apply', scope: 'own_unit' }],
    });
    const form = await admin.call<{ id: string }>('POST', '/forms/forms', {
      name: '请假单',
      schema: {
        type: 'object',
        required: ['reason', 'days'],
        properties: { reason: { type: 'string', title: '事由', maxLength: 200 }, days: { type: 'integer', title: '天数', minimum: 1 } },
      },
      uiSchema: {},
    });
    await admin.call('POST', `/forms/forms/${form.id}/publish`, {});
    const accounts = await admin.call<{ items: { id: string; username: string }[] }>('GET', '/users?limit=100');
    const idOf = (username: string) => accounts.items.find((a) => a.username === username)!.id;
    await admin.call('POST', '/approvals/types', {
      name: '请假',
      formId: form.id,
      flow: {
        nodes: [
          { id: 'town', kind: 'approve', name: '镇长审批', approvers: [{ kind: 'users', userIds: [idOf('town1')] }] },
          {
            id: 'long',
            kind: 'condition',
            name: '天数',
            branches: [
              { id: 'over3', name: '超过3天', when: { match: 'all', rules: [{ field: 'days', op: 'gt', value: 3 }] } },
              { id: 'short', name: '其他' },
            ],
          },
          {
            id: 'leader',
            kind: 'approve',
            name: '县领导审批',
            parent: { node: 'long', branch: 'over3' },
            approvers: [{ kind: 'users', userIds: [idOf('leader')] }],
          },
        ],
      },
    });
    phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    pc = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    applicant = await phone.newPage();
    approver = await pc.newPage();
    for (const page of [applicant, approver]) page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 600_000);

  afterAll(async () => {
    await phone?.close();
    await pc?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the clerk applies for five days of leave on a 390 px phone', async () => {
    await signIn(applicant, server.baseUrl, CLERK.login, CLERK.password, `${base}/apply`);
    await applicant.getByTestId('apply-type').click();
    await applicant.getByTitle('请假').click();
    await applicant.getByLabel('事由').fill('回老家探亲');
    await applicant.getByLabel('天数').fill('5');
    await screenshot(applicant, 'approvals-apply-phone-zh');
    expect(await applicant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await applicant.getByRole('button', { name: '提交' }).click();
    await applicant.waitForURL(/\/approvals\/requests\/[0-9a-f-]{36}$/);
    requestUrl = new URL(applicant.url()).pathname;
    await applicant.getByText('镇长审批').first().waitFor();
    await applicant.getByText('县领导审批').first().waitFor();
  });

  it('the first approver finds it waiting and transfers it; the colleague approves', async () => {
    await signIn(approver, server.baseUrl, 'town1', DEMO_STAFF_PASSWORD, `${base}/requests`);
    await approver
      .getByRole('link', { name: `请假` })
      .or(approver.getByRole('link', { name: /e2e|刘芳|请假/ }))
      .first()
      .click();
    await approver.waitForURL(new RegExp(`${requestUrl}$`));
    await approver.getByTestId('decide-transfer').click();
    await approver.getByTestId('decision-person').click();
    await approver.keyboard.type('吴敏');
    await approver.getByTitle(/吴敏/).click();
    await approver.getByTestId('decision-comment').fill('请吴镇长审批');
    await screenshot(approver, 'approvals-transfer-pc-zh');
    await approver
      .getByRole('button', { name: '确 定' })
      .or(approver.getByRole('button', { name: '确定' }))
      .click();
    await approver.getByText(/转交给 吴敏/).waitFor();

    await signIn(approver, server.baseUrl, 'town2', DEMO_STAFF_PASSWORD, requestUrl);
    await approver.getByTestId('decide-approve').click();
    await approver
      .getByRole('button', { name: '确 定' })
      .or(approver.getByRole('button', { name: '确定' }))
      .click();
    await approver.getByText('流转到 县领导审批').waitFor();

    await signIn(approver, server.baseUrl, 'leader', DEMO_STAFF_PASSWORD, requestUrl);
    await approver.getByTestId('decide-approve').click();
    await approver
      .getByRole('button', { name: '确 定' })
      .or(approver.getByRole('button', { name: '确定' }))
      .click();
    await approver.getByText('已通过').first().waitFor();
    await screenshot(approver, 'approvals-approved-pc-zh');
  });

  it('the county admin reads the statistics: the leave type approved once, each step with its time, a chart with its table', async () => {
    await signIn(approver, server.baseUrl, DEMO.login, DEMO.password, `${base}/stats`);
    const table = approver.getByTestId('stats-types');
    await table.getByText('请假').waitFor();
    expect(await table.locator('tr', { hasText: '请假' }).first().innerText()).toMatch(/请假\s+1\s+0\s+1/);
    await approver.getByTestId('stats-chart').waitFor();
    await approver.getByText('县领导审批').waitFor();
    await screenshot(approver, 'approvals-stats-pc-zh');
  });

  it('the applicant reads the whole history on the phone: submitted, transferred, approved by each', async () => {
    await applicant.goto(`${server.baseUrl}${requestUrl}`);
    await applicant.getByText('已通过').first().waitFor();
    const history = await applicant.locator('.ant-card').filter({ hasText: '审批记录' }).innerText();
    expect(history).toMatch(/提交申请/);
    expect(history).toMatch(/转交给 吴敏/);
    expect(history).toMatch(/审批通过/);
    await screenshot(applicant, 'approvals-history-phone-zh');
    expect(await applicant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('the applicant’s boxes and delegation page fit the phone: the approved request in "my requests", no delegation yet', async () => {
    await applicant.goto(`${server.baseUrl}${base}/requests?box=mine`);
    await applicant.getByRole('link', { name: '请假' }).first().waitFor();
    await screenshot(applicant, 'approvals-mine-phone-zh');
    expect(await applicant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await applicant.goto(`${server.baseUrl}${base}/delegations`);
    await applicant.getByText('暂无委托').waitFor();
    await screenshot(applicant, 'approvals-delegations-phone-zh');
    expect(await applicant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(pageErrors).toEqual([]);
  });
});
