import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, screenshot } from './e2e-browser.ts';
import type { TenantApi } from './e2e-api.ts';
import { DEMO, signIn, startDemoCountyWith } from './setup/demo-county.ts';

async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 6, { steps: 12 });
  await page.mouse.up();
}

/** Picks the option of the antd Select in the inline form item labelled `label`. */
async function pickIn(page: Page, label: string, option: string): Promise<void> {
  await page.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

interface FieldSet {
  schema: { properties: Record<string, { title?: string }>; required?: string[] };
  version: number;
}

/**
 * The custom fields of a module's record type, edited with the forms designer (the forms
 * module's contribution to the shell); the shell's list editor stays one click away.
 */
describe('custom fields: designed with the forms designer', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let api: TenantApi;
  const pageErrors: string[] = [];
  const openRecordType = async () => {
    await page.goto(`${server.baseUrl}/t/${DEMO.slug}/custom-fields`);
    await pickIn(page, '模块', '测试基础模块');
    await pickIn(page, '记录类型', '事项');
  };

  beforeAll(async () => {
    // No installed module declares record types yet: the test module fixture-base has `item`.
    ({
      server,
      browser,
      admin: api,
    } = await startDemoCountyWith(
      async (demoAdmin) => {
        await demoAdmin.call('POST', '/modules/forms/enable');
        await demoAdmin.call('POST', '/modules/fixture-base/enable');
      },
      { withFixtureModule: true },
    ));
    admin = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    page = await admin.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await server?.stop();
  });

  it('an admin drags a field in, names it, makes it required, sees the server’s refusal in place, saves, and finds it after a reload', async () => {
    await signIn(page, server.baseUrl, DEMO.login, DEMO.password, `/t/${DEMO.slug}/custom-fields`);
    await pickIn(page, '模块', '测试基础模块');
    await pickIn(page, '记录类型', '事项');

    const designer = page.getByTestId('custom-fields-designer');
    await designer.waitFor();
    // Only what core's custom fields store and check is offered.
    for (const kind of ['text', 'number', 'choice', 'multi', 'yesno', 'date', 'group']) await page.getByTestId(`palette-${kind}`).waitFor();
    for (const kind of ['person', 'unit', 'file', 'location', 'section']) expect(await page.getByTestId(`palette-${kind}`).count()).toBe(0);

    await drag(page, page.getByTestId('palette-text'), page.getByTestId('designer-canvas'));
    await page.locator('#inspector-text1-label').fill('门牌号');
    await page.locator('#inspector-text1-required').click();
    await page.locator('#inspector-text1-key').fill('doorplate');
    // A backreference: a valid JavaScript regex the browser lets through, which the server's
    // linear-time engine (RE2) cannot run, so its guard refuses it.
    await page.locator('#inspector-doorplate-pattern').fill('^(\\d)\\1号$');
    await page.getByTestId('custom-fields-designer-preview').getByText('门牌号').waitFor();
    await page.getByTestId('save-custom-fields').click();
    const problem = page.getByTestId('field-problem-doorplate');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('schema.properties.doorplate.pattern');
    await screenshot(page, 'custom-fields-designer-refused');

    await page.locator('#inspector-doorplate-pattern').fill('^\\d+号$');
    await page.getByTestId('save-custom-fields').click();
    await page.getByText('字段已保存').waitFor();
    const stored = await api.call<FieldSet>('GET', '/custom-fields/fixture-base/item');
    expect(stored.version).toBe(1);
    expect(stored.schema.properties.doorplate.title).toBe('门牌号');
    expect(stored.schema.required).toEqual(['doorplate']);

    await page.reload();
    await openRecordType();
    const card = page.getByTestId('field-doorplate');
    await card.waitFor();
    expect(await card.textContent()).toContain('门牌号');
    expect(await card.textContent()).toContain('*');
    // The record's form as users see it (the shell's preview of the stored schema) asks for it.
    await page.getByTestId('schema-preview').getByText('门牌号').waitFor();
    await screenshot(page, 'custom-fields-designer');

    // The list editor still serves the same fields.
    await page.getByTestId('field-editor-choice').getByText('列表编辑').click();
    await page.getByTestId('field-list').getByText('门牌号').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
