import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { screenshot } from './e2e-browser.ts';
import type { TenantApi } from './e2e-api.ts';
import { DEMO, signIn as signInAt } from './setup/demo-county.ts';
import { FILLERS, startFormsArea } from './setup/forms.ts';

/** The phone the issue was found on: 390 px wide. */
const PHONE_VIEWPORT = { width: 390, height: 844 };
/** 东关村's clerk fills in. */
const STAFF = FILLERS[0];

/** The form as the designer builds it: a pattern with its own message, a minimum, a condition, a repeating group. */
const schema = {
  type: 'object',
  required: ['phone', 'income', 'cause'],
  propertyNames: { enum: ['phone', 'income', 'cause', 'causeOther', 'members', 'visitedOn', 'visitedAt'] },
  properties: {
    phone: { type: 'string', title: '联系电话', pattern: '^1\\d{10}$', 'x-pattern-message': '请填写 11 位手机号' },
    income: { type: 'number', title: '家庭年收入（元）', minimum: 0 },
    visitedOn: { type: 'string', title: '走访日期', format: 'date' },
    visitedAt: { type: 'string', title: '走访时间', format: 'date-time' },
    cause: {
      type: 'string',
      title: '主要致贫原因',
      oneOf: [
        { const: 'illness', title: '因病' },
        { const: 'other', title: '其他' },
      ],
    },
    members: {
      type: 'array',
      title: '家庭成员',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', title: '姓名' },
          age: { type: 'integer', title: '年龄', minimum: 0 },
          relation: {
            type: 'string',
            title: '与户主关系',
            oneOf: [
              { const: 'self', title: '本人' },
              { const: 'child', title: '子女' },
            ],
          },
        },
      },
    },
  },
  allOf: [
    {
      if: { required: ['cause'], properties: { cause: { const: 'other' } } },
      then: { properties: { causeOther: { type: 'string', title: '其他原因说明' } }, required: ['causeOther'] },
    },
  ],
};
const uiSchema = {
  cause: { 'ui:widget': 'radio' },
  members: { 'ui:options': { orderable: false }, items: { 'ui:order': ['name', 'age', 'relation', '*'] } },
};

const label = (text: string) => new RegExp(`^(loading )?${[...text].join('\\s?')}$`);

describe('forms: the browser checks answers as the server does, under the CSP, and drops hidden answers', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: TenantApi;
  let formId: string;
  let fillPath: string;

  beforeAll(async () => {
    let fillerIds: string[];
    ({ server, browser, admin: api, fillerIds } = await startFormsArea());
    formId = (await api.call<{ id: string }>('POST', '/forms/forms', { name: '入户核查', schema, uiSchema })).id;
    await api.call('POST', `/forms/forms/${formId}/publish`, {});
    const collection = await api.call<{ id: string; assignees: { id: string }[] }>('POST', '/forms/collections', {
      formId,
      name: '入户核查',
      frequency: 'once',
      dueOn: '2099-12-31',
      personIds: [fillerIds[0]],
    });
    fillPath = `/t/${DEMO.slug}/forms/fill/${collection.id}/once/${collection.assignees[0].id}`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = (page: Page) => signInAt(page, server.baseUrl, STAFF.username, STAFF.password, fillPath);

  it('on a phone: a pattern problem and a missing answer in a group row show on submit with nothing sent, groups are cards, a number over its bound is kept and shown as a problem, a hidden answer is not sent', async () => {
    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/submissions')) posts.push(request.postData() ?? '');
    });
    const validatorResponse = page.waitForResponse((response) => response.url().endsWith(`/forms/forms/${formId}/versions/1/validator.js`));
    await signIn(page);
    const served = await validatorResponse;
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('text/javascript; charset=utf-8');
    const form = page.getByTestId('fill-form');
    await form.locator('#root_phone').waitFor();
    // The page itself runs under the strict CSP: no script from elsewhere, no eval.
    const documentResponse = await page.request.get(`${server.baseUrl}${fillPath}`);
    expect(documentResponse.headers()['content-security-policy']).toContain("script-src 'self'");

    await form.locator('#root_phone').fill('12345');
    // Below the minimum: kept as typed (antd would silently turn it into 0), refused on submit.
    await form.locator('#root_income').fill('-5');
    await form.locator('#root_phone').click();
    expect(await form.locator('#root_income').inputValue()).toBe('-5');
    await form.getByRole('radio', { name: '其他' }).check();
    await form.locator('#root_causeOther').fill('写了又改主意');
    await form.getByRole('radio', { name: '因病' }).check();
    await expect.poll(() => form.locator('#root_causeOther').count()).toBe(0);

    // Repeating group on a phone: each row a card of labelled fields (no sideways table), rows added and removed.
    expect(await form.getByTestId('repeating-table').count()).toBe(0);
    await form.locator('.rjsf-array-item-add').click();
    await form.locator('.rjsf-array-item-add').click();
    await form.locator('#root_members_0_name').fill('赵春梅');
    await form.locator('#root_members_0_age').fill('52');
    await form.locator('#root_members_1_name').fill('临时');
    await form.locator('.rjsf-array-item-remove').nth(1).click();
    await expect.poll(() => form.locator('#root_members_1_name').count()).toBe(0);
    // A new row left without its required name.
    await form.locator('.rjsf-array-item-add').click();
    await form.locator('#root_members_1_name').waitFor();
    // Every field of a row fits the phone: labelled, and the page stays phone-wide.
    await form.getByText('与户主关系').first().waitFor();
    const nameBox = await form.locator('#root_members_1_name').boundingBox();
    expect((nameBox?.x ?? 0) + (nameBox?.width ?? 0)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    // Date, date-time day and time pickers open within the phone's screen (nothing picked).
    for (const field of ['#root_visitedOn', '#root_visitedAt', '#root_visitedAt__time']) {
      await form.locator(field).scrollIntoViewIfNeeded();
      await form.locator(field).click();
      const popup = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
      await popup.waitFor();
      await expect.poll(async () => (await popup.boundingBox())?.height ?? 0).toBeGreaterThan(100);
      const box = (await popup.boundingBox()) as { x: number; y: number; width: number; height: number };
      expect(box.x, field).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, field).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      expect(box.y, field).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, field).toBeLessThanOrEqual(PHONE_VIEWPORT.height);
      if (field === '#root_visitedAt') await screenshot(page, 'forms-date-picker-phone-zh');
      await page.keyboard.press('Escape');
      await expect.poll(() => popup.count()).toBe(0);
    }
    // 提交 is the form's primary button.
    expect(await form.getByRole('button', { name: label('提交') }).getAttribute('class')).toContain('ant-btn-primary');

    await form.getByRole('button', { name: label('提交') }).click();
    await form.getByText('请填写 11 位手机号').waitFor();
    await form.getByText('不能小于 0').waitFor();
    expect(await form.locator('#root_income').inputValue()).toBe('-5');
    await page.locator('.rjsf-field:has(#root_members_1_name)').getByText('必填').first().waitFor();
    await screenshot(page, 'forms-browser-validation-phone-zh');
    expect(posts).toEqual([]);

    // Fixed: the problems clear as the answers change, and the submission goes without the hidden answer.
    await form.locator('#root_phone').fill('13800138000');
    await form.locator('#root_income').fill('12000');
    await form.locator('#root_members_1_name').fill('王小明');
    await expect.poll(() => form.getByText('请填写 11 位手机号').count()).toBe(0);
    await form.getByRole('button', { name: label('提交') }).click();
    await page.getByTestId('fill-done').waitFor();
    expect(posts).toHaveLength(1);
    const sent = JSON.parse(posts[0]) as { data: Record<string, unknown> };
    expect(sent.data).toEqual({
      phone: '13800138000',
      income: 12000,
      cause: 'illness',
      members: [{ name: '赵春梅', age: 52 }, { name: '王小明' }],
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
