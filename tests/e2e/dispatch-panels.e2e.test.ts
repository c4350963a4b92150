import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './e2e-server.ts';
import { PC_VIEWPORT, screenshot } from './e2e-browser.ts';
import { TenantApi } from './e2e-api.ts';
import { label, openTab, pickAll, shanghaiDate } from './e2e-dispatch.ts';
import { DEMO, DEMO_STAFF_PASSWORD, signIn } from './setup/demo-county.ts';
import { DEPARTMENT, startDispatchArea } from './setup/dispatch.ts';

const SLUG = DEMO.slug;
const PASSWORD = DEMO_STAFF_PASSWORD;
const TASK = '秸秆禁烧专项督查';
// Staff accounts of the demo county (tenant-config/demo/demo.json): 督查员, 县领导, 镇长 of 城关镇.
const SUPERVISOR = { login: 'ducha', name: '张伟' };
const LEADER = { login: 'leader', name: '王建国' };
const TOWN = { login: 'town1', name: '张三', unit: '城关镇' };
const PHONE = { width: 390, height: 844 };
const NEW_DEADLINE = `${shanghaiDate(40)} 17:30`;

describe('dispatch panels: extension, instruction, 镇呼县应 and supervision, clicked through', () => {
  let server: RunningServer;
  let browser: Browser;
  let supervisorContext: BrowserContext;
  let supervisor: Page;
  let taskId = '';
  let townAssignmentId = '';
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  /** A fresh signed-in page, on a phone or a PC, whose page errors count against the run. */
  async function signedIn(login: string, password: string, next: string, phone = false): Promise<Page> {
    const context = await browser.newContext(
      phone ? { viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' } : { viewport: PC_VIEWPORT, locale: 'zh-CN' },
    );
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, server.baseUrl, login, password, next);
    return page;
  }
  const url = (path: string) => `/t/${SLUG}/dispatch/${path}`;
  const fitsPhone = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  beforeAll(async () => {
    // 县政府办's director (DEPARTMENT) answers requests: the demo has no such account.
    ({ server, browser } = await startDispatchArea());
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await supervisorContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('set-up (API): the supervisor dispatches one task to two towns, 城关镇 acknowledges it', async () => {
    const ducha = await TenantApi.signIn(server.baseUrl, SLUG, SUPERVISOR.login, PASSWORD);
    const units = await ducha.call<{ items: { id: string; name: string }[] }>('GET', '/org/units');
    const unitId = (name: string) => units.items.find((u) => u.name === name)?.id;
    const created = await ducha.call<{ task: { id: string }; assignments: { id: string; unit: { name: string } }[] }>(
      'POST',
      '/dispatch/tasks',
      {
        title: TASK,
        description: '各镇落实秸秆禁烧网格化巡查，发现火点立即处置。',
        ownerUnitId: unitId('县督查室'),
        deadlineWorkingDays: 10,
        assignments: [{ unitId: unitId(TOWN.unit) }, { unitId: unitId('河西镇') }],
      },
    );
    taskId = created.task.id;
    townAssignmentId = created.assignments.find((a) => a.unit.name === TOWN.unit)?.id ?? '';
    const town = await TenantApi.signIn(server.baseUrl, SLUG, TOWN.login, PASSWORD);
    await town.call('POST', `/dispatch/assignments/${townAssignmentId}/open`);

    supervisorContext = await browser.newContext({ viewport: PC_VIEWPORT, locale: 'zh-CN' });
    supervisor = await supervisorContext.newPage();
    supervisor.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(supervisor, server.baseUrl, SUPERVISOR.login, PASSWORD, url('pending'));
  });

  it('延期: the town asks for a later deadline from its phone; the supervisor grants it from 我的待办 and the assignment gets the new deadline', async () => {
    const town = await signedIn(TOWN.login, PASSWORD, url(`assignments/${townAssignmentId}`), true);
    await openTab(town, '延期');
    const form = town.getByTestId('extension-request');
    await form.getByPlaceholder('请选择日期').click();
    await form.getByPlaceholder('请选择日期').fill(NEW_DEADLINE);
    await town.keyboard.press('Enter');
    await form.getByLabel('理由').fill('连日降雨，田间秸秆无法离田，需推迟验收。');
    await form.getByRole('button', { name: '提交申请' }).click();
    await town.getByText('已提交延期申请').waitFor();
    const mine = town.getByTestId('extensions-panel');
    await mine.getByText('待审批').waitFor();
    await mine.getByText(new RegExp(`→ ${NEW_DEADLINE}`)).waitFor();
    await fitsPhone(town);
    await screenshot(town, 'dispatch-extension-request-phone-zh');

    await supervisor.reload();
    await supervisor.getByTestId('pending-kinds').getByText('延期申请 1').waitFor();
    const item = supervisor.getByTestId('pending-list').locator(`[data-title="${TASK}"]`).filter({ hasText: '延期申请' });
    await item.getByText(TOWN.unit).waitFor();
    await item.getByRole('button', { name: '去处理' }).click();
    await supervisor.waitForURL(`${server.baseUrl}${url(`assignments/${townAssignmentId}`)}`);
    await supervisor.getByText('查看整个任务').click();
    await supervisor.waitForURL(`${server.baseUrl}${url(`tasks/${taskId}`)}`);
    // The router keeps the assignment page (with a 延期 tab of its own) up until the task page is loaded.
    await supervisor.getByTestId('task-header').waitFor();
    await openTab(supervisor, '延期');
    const requested = supervisor.getByTestId('extensions-panel').locator('.ant-card').filter({ hasText: TOWN.unit });
    await requested.getByText(`${TOWN.name}：连日降雨，田间秸秆无法离田，需推迟验收。`).waitFor();
    await requested.getByText('待审批').waitFor();
    await requested.getByRole('button', { name: label('同意') }).click();
    await supervisor.getByText('已同意延期').waitFor();
    await requested.getByText('已同意').waitFor();
    await screenshot(supervisor, 'dispatch-extension-granted-zh');

    await town.reload();
    await town.getByTestId('assignment-header').getByText(NEW_DEADLINE).waitFor();
    await supervisor.goto(`${server.baseUrl}${url('pending')}`);
    await supervisor.getByTestId('pending-list').getByText('没有待办事项').waitFor();
  });

  it('批示: the leader instructs on the task page; the town finds it in 我的待办 and acknowledges it', async () => {
    const leader = await signedIn(LEADER.login, PASSWORD, url(`tasks/${taskId}`));
    await openTab(leader, '批示');
    const panel = leader.getByTestId('instructions-panel');
    await panel.getByPlaceholder('批示内容，各责任单位须阅知').fill('要严防死守，确保不发生一起焚烧事件。');
    await panel.getByRole('button', { name: label('批示') }).click();
    await leader.getByText('已批示，已通知各责任单位').waitFor();
    await panel.getByText(`${TOWN.unit} 未阅`).waitFor();
    await panel.getByText('河西镇 未阅').waitFor();

    const town = await signedIn(TOWN.login, PASSWORD, url('pending'), true);
    await town.getByTestId('pending-kinds').getByText('待阅批示 1').waitFor();
    const item = town.getByTestId('pending-list').locator(`[data-title="${TASK}"]`).filter({ hasText: '批示' });
    await item.getByRole('button', { name: '去查看' }).click();
    await town.waitForURL(`${server.baseUrl}${url(`tasks/${taskId}`)}`);
    await town.getByTestId('task-header').waitFor();
    await openTab(town, '批示');
    const townPanel = town.getByTestId('instructions-panel');
    await townPanel.getByText('要严防死守，确保不发生一起焚烧事件。').waitFor();
    await townPanel.getByRole('button', { name: label('已阅') }).click();
    await town.getByText('已阅知').waitFor();
    await townPanel.getByText(`${TOWN.unit} 已阅（${TOWN.name}）`).waitFor();
    expect(await townPanel.getByRole('button', { name: label('已阅') }).count()).toBe(0);
    await fitsPhone(town);
    await screenshot(town, 'dispatch-instruction-ack-phone-zh');

    await leader.reload();
    await openTab(leader, '批示');
    await panel.getByText(`${TOWN.unit} 已阅（${TOWN.name}）`).waitFor();
    await panel.getByText('河西镇 未阅').waitFor();
  });

  it('镇呼县应: the town calls on 县政府办, the department answers from its pending list, the town rates the answer', async () => {
    const town = await signedIn(TOWN.login, PASSWORD, url('requests'), true);
    await town.getByTestId('new-request').click();
    const drawer = town.getByRole('dialog');
    await pickAll(town, drawer.getByLabel('呼叫单位（县直部门）'), [DEPARTMENT.unit]);
    await drawer.getByLabel('诉求标题').fill('申请调派秸秆打捆机械');
    await drawer.getByLabel('诉求内容').fill('城关镇东关村尚有 300 亩秸秆未离田，请协调两台打捆机。');
    await drawer.getByRole('button', { name: label('提交') }).click();
    await town.getByText('诉求已提交').waitFor();
    const sent = town.getByTestId('requests-outbox').locator('.ant-card').filter({ hasText: '申请调派秸秆打捆机械' }).first();
    await sent.getByText('待答复').waitFor();
    await sent.getByText(new RegExp(`^${TOWN.unit} → ${DEPARTMENT.unit} · ${TOWN.name}`)).waitFor();
    await fitsPhone(town);

    const department = await signedIn(DEPARTMENT.username, DEPARTMENT.password, url('pending'));
    await department.getByTestId('pending-kinds').getByText('待响应诉求 1').waitFor();
    await department.getByTestId('pending-list').getByRole('button', { name: '去响应' }).click();
    // The pending item (like the notice) opens the request itself, on top of the page.
    await department.waitForURL(new RegExp(`${url('requests')}/[0-9a-f-]{36}$`));
    const linked = department.getByTestId('linked-request');
    await linked.getByText('申请调派秸秆打捆机械').waitFor();
    await linked.getByRole('button', { name: label('受理') }).click();
    await linked.locator('.ant-tag').getByText('已受理').waitFor();
    await linked.getByText(new RegExp(`^${DEPARTMENT.unit} 受理 · ${DEPARTMENT.person}`)).waitFor();
    const call = department.getByTestId('requests-inbox').locator('.ant-card').filter({ hasText: '申请调派秸秆打捆机械' }).first();
    await call.getByText('城关镇东关村尚有 300 亩秸秆未离田，请协调两台打捆机。').waitFor();
    await call.getByPlaceholder('答复内容').fill('已协调县农机站，明日调派两台打捆机到东关村。');
    await call.getByRole('button', { name: label('答复') }).click();
    await department.getByText('已答复', { exact: true }).first().waitFor();
    await call.locator('.ant-tag').getByText('已答复').waitFor();
    expect(await call.getByPlaceholder('答复内容').count()).toBe(0);
    await screenshot(department, 'dispatch-request-answered-zh');

    await town.reload();
    await openTab(town, '本单位提出');
    const answered = town.getByTestId('requests-outbox').locator('.ant-card').filter({ hasText: '申请调派秸秆打捆机械' }).first();
    await answered.locator('.ant-tag').getByText('已答复').waitFor();
    await answered.getByText('已协调县农机站，明日调派两台打捆机到东关村。').waitFor();
    await answered.getByText(new RegExp(`^${DEPARTMENT.person} 答复`)).waitFor();
    await answered.locator('.ant-rate-star').nth(3).click();
    await answered.getByPlaceholder('评价意见（1–2 星必填）').fill('响应及时。');
    await answered.getByRole('button', { name: '提交评价' }).click();
    await town.getByText('已评价', { exact: true }).first().waitFor();
    await answered.locator('.ant-tag').getByText('已评价').waitFor();
    await answered.getByText('响应及时。').waitFor();
    expect(await answered.locator('.ant-rate-disabled .ant-rate-star-full').count()).toBe(4);
    await fitsPhone(town);
    await screenshot(town, 'dispatch-request-rated-phone-zh');

    await department.reload();
    await call.locator('.ant-tag').getByText('已评价').waitFor();
  });

  it('督办: the supervisor urges the town and escalates twice from the assignment page; the list shows each step', async () => {
    await supervisor.goto(`${server.baseUrl}${url(`assignments/${townAssignmentId}`)}`);
    await openTab(supervisor, '督办');
    const card = supervisor.getByTestId('supervision-card');
    // An urge takes the supervisor's own words.
    await card.getByTestId('urge').click();
    const urgeDialog = supervisor.getByRole('dialog');
    await urgeDialog.getByText('一键催办是一条提醒，不计入督办升级').waitFor();
    await urgeDialog.getByTestId('urge-text').fill('请今天下班前报送网格员到岗情况。');
    await urgeDialog.getByRole('button', { name: '发送催办' }).click();
    await supervisor.getByText('已催办', { exact: true }).first().waitFor();
    await card.getByText('催办 · 请今天下班前报送网格员到岗情况。').waitFor();

    const escalate = async (level: string, text: string) => {
      await card.getByTestId('escalate').getByText(`升级为${level}`).click();
      const dialog = supervisor.getByRole('dialog');
      // The dialog tells the three steps apart.
      const ladder = dialog.getByTestId('escalation-ladder');
      await ladder.getByText('督办第一级：督促单位加快办理，通知承办人').waitFor();
      await ladder.getByText('督办第二级：正式督办通知，单位负责人同时收到').waitFor();
      await ladder.getByText(/^督办第三级：约谈单位负责人/).waitFor();
      await dialog.getByLabel('督办意见').fill(text);
      await dialog.getByRole('button', { name: label('确定') }).click();
      await card.getByText(`当前：${level}`).waitFor();
      await card.getByText(`${level} · ${text}`).waitFor();
    };
    await escalate('催办', '禁烧巡查网格员到岗率偏低，请立即整改。');
    await escalate('督办通知', '连续两次督促仍未整改，发督办通知。');
    await card.getByTestId('escalate').getByText('升级为约谈').waitFor();
    await expect.poll(() => supervisor.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await expect.poll(() => card.locator('.ant-timeline-item').count()).toBe(3);
    await screenshot(supervisor, 'dispatch-supervision-zh');

    // An interview (raised here through the API) shows its time, place and attendees.
    const ducha = await TenantApi.signIn(server.baseUrl, SLUG, SUPERVISOR.login, PASSWORD);
    const at = `${shanghaiDate(2)}T09:30:00+08:00`;
    await ducha.call('POST', `/dispatch/assignments/${townAssignmentId}/escalations`, {
      level: 'interview',
      text: '约谈城关镇镇长',
      record: { at, place: '县督查室会议室', attendees: ['张三', '李四'], summary: '镇长表态三日内整改到位。' },
    });
    await supervisor.reload();
    await openTab(supervisor, '督办');
    const record = supervisor.getByTestId('interview-record');
    await record.getByText(`约谈时间 ${shanghaiDate(2)} 09:30 · 地点 县督查室会议室`).waitFor();
    await record.getByText('参加人员：张三、李四').waitFor();
    await record.getByText('镇长表态三日内整改到位。').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('menus follow what each role may do: a leader finds tasks and followed tasks, a town keeps its own tasks, finished ones too', async () => {
    const leader = await signedIn(LEADER.login, PASSWORD, url('tasks'));
    const menu = leader.getByTestId('side-menu');
    // The module's group (named 任务督办 like its task list) opens on a click when the menu loaded after the page.
    await leader.getByTestId('task-table').getByText(TASK).waitFor();
    if ((await menu.getByText('我的关注', { exact: true }).count()) === 0)
      await menu.locator('.ant-menu-submenu-title').filter({ hasText: '任务督办' }).click();
    await menu.getByText('我的关注', { exact: true }).waitFor();
    const labels = (await menu.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
    expect(labels).toEqual(expect.arrayContaining(['我的待办', '任务督办', '我的关注']));
    expect(labels).not.toContain('本单位任务');
    expect(labels).not.toContain('督办看板');
    await leader.getByTestId('task-table').getByText(TASK).waitFor();
    expect(await leader.getByTestId('new-task').count()).toBe(0);
    await leader.getByTestId('task-table').getByText(TASK).click();
    await leader.getByRole('button', { name: /关注/ }).first().click();
    await leader.goto(`${server.baseUrl}${url('following')}`);
    await leader.getByTestId('following-tasks').getByText(TASK).waitFor();

    const town = await signedIn(TOWN.login, PASSWORD, url('my-tasks'), true);
    await town.getByTestId('unit-tasks').getByText(TASK).waitFor();
    await town.getByTestId('unit-tasks').getByText(TASK).click();
    await town
      .getByTestId('deadline-countdown')
      .getByText(/^还剩 \d+ 天$/)
      .waitFor();
    await town.goBack();
    await town.getByTestId('unit-tasks-state').getByText('全部').click();
    await town.getByTestId('unit-tasks').getByText(TASK).waitFor();
    await fitsPhone(town);
    await screenshot(town, 'dispatch-unit-tasks-phone-zh');
    expect(pageErrors).toEqual([]);
  });
});
