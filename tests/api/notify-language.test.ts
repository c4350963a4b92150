import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { createScopedUser, type ScopedUser } from '../helpers/org-fixtures.ts';
import { enableDispatch } from '../helpers/dispatch-fixtures.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import type { TestClient } from '../helpers/test-client.ts';
import { applyWorld } from '../helpers/test-world.ts';

interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
}

// 10:00 UTC is 18:00 in the county (Asia/Shanghai): dates in messages read the county's clock in both languages.
const DEADLINE = '2030-06-01T10:00:00.000Z';
const DEADLINE_IN_COUNTY = '2030-06-01 18:00';

describe('notifications in the reader’s language: inbox and SMS', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let supervisor: ScopedUser;
  let zhou: ScopedUser;
  let emma: ScopedUser;
  let unitId: string;
  let officeId: string;

  const inbox = async (client: TestClient, kind?: string): Promise<InboxItem[]> => {
    const response = await client.get(`${tenant.base}/notifications?limit=100`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.filter((n: InboxItem) => !kind || n.kind === kind);
  };
  const chooseLanguage = async (client: TestClient, locale: 'zh-CN' | 'en' | null) => {
    const response = await client.patch(`${tenant.base}/auth/me`, { locale });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const smsTo = async (personId: string, like: string): Promise<string[]> => {
    const person: { phone: string } = await platform.ownerQuery('core_person').where({ tenant_id: tenant.id, id: personId }).first('phone');
    return platform
      .ownerQuery('core_sms_outbox')
      .where({ tenant_id: tenant.id, phone: person.phone })
      .where('body', 'like', like)
      .orderBy('created_at')
      .pluck('body');
  };
  const dispatchTask = async (title: string) => {
    const response = await supervisor.client.post(`${tenant.base}/dispatch/tasks`, {
      title,
      ownerUnitId: officeId,
      deadline: DEADLINE,
      assignments: [{ unitId }],
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { task: { id: string }; assignments: { id: string }[] };
  };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('language-county');
    await enableDispatch(tenant, { smsReminders: true });
    // The county alone: its supervisor and the two handlers of 区水务局 are the file's own.
    const { units } = await applyWorld(platform, tenant, 'shizhong-county.json');
    officeId = units.office.id;
    unitId = units.water.id;
    supervisor = await createScopedUser(platform, tenant, {
      username: 'supervisor',
      unitId: officeId,
      grants: [{ permission: 'dispatch.supervise', scope: 'tenant' }],
    });
    const handler = (username: string) =>
      createScopedUser(platform, tenant, { username, unitId, grants: [{ permission: 'dispatch.handle', scope: 'own_unit' }] });
    zhou = await handler('zhou');
    emma = await handler('emma');
  });
  afterAll(() => platform?.stop());

  it('a user chooses a language for their account; /auth/me returns it, null goes back to the county’s', async () => {
    expect((await emma.client.get(`${tenant.base}/auth/me`)).json().user.locale).toBeNull();
    const saved = await chooseLanguage(emma.client, 'en');
    expect(saved.user).toMatchObject({ username: 'emma', locale: 'en' });
    expect(saved.tenant.locale).toBe('zh-CN');
    expect((await emma.client.get(`${tenant.base}/auth/me`)).json().user.locale).toBe('en');
    // Only the caller's own account: Zhou keeps the county's language.
    expect((await zhou.client.get(`${tenant.base}/auth/me`)).json().user.locale).toBeNull();
  });

  it('bad language input names the field; signed-out is a 401', async () => {
    const cases: [unknown, string][] = [
      [{ locale: 'fr' }, 'body.locale'],
      [{ locale: 1 }, 'body.locale'],
      [{}, 'body.locale'],
      [{ locale: 'en', theme: 'dark' }, 'body.theme'],
    ];
    for (const [body, path] of cases) {
      const response = await emma.client.patch(`${tenant.base}/auth/me`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        response.json().error.details.map((d: { path: string }) => d.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await platform.client().patch(`${tenant.base}/auth/me`, { locale: 'en' })).statusCode).toBe(401);
    expect((await emma.client.get(`${tenant.base}/auth/me`)).json().user.locale).toBe('en');
  });

  it('an English reader and a Chinese reader get the same new task each in their language, in the inbox and by SMS', async () => {
    await dispatchTask('防汛物资清点');

    const [forZhou] = await inbox(zhou.client, 'dispatch.assignment.new');
    expect(forZhou).toMatchObject({ title: '新任务：防汛物资清点', body: `请查收并按时办理，截止时间 ${DEADLINE_IN_COUNTY}` });
    const [forEmma] = await inbox(emma.client, 'dispatch.assignment.new');
    expect(forEmma).toMatchObject({ title: 'New task: 防汛物资清点', body: `Please open it and finish by ${DEADLINE_IN_COUNTY}` });

    expect(await smsTo(zhou.personId, '%防汛物资清点%')).toEqual([
      `新任务：防汛物资清点：请查收并按时办理，截止时间 ${DEADLINE_IN_COUNTY}`,
    ]);
    expect(await smsTo(emma.personId, '%防汛物资清点%')).toEqual([
      `New task: 防汛物资清点: Please open it and finish by ${DEADLINE_IN_COUNTY}`,
    ]);

    // Stored as a key with its parameters, beside the text in the recipient's language at the time.
    const stored = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, id: forEmma.id })
      .first('message_key', 'params', 'title');
    expect(stored).toEqual({
      message_key: 'dispatch.assignment.new',
      params: { task: '防汛物资清点', deadline: DEADLINE_IN_COUNTY },
      title: 'New task: 防汛物资清点',
    });
  });

  it('a user who changes language reads the notifications they already have in the new one', async () => {
    await chooseLanguage(zhou.client, 'en');
    const [forZhou] = await inbox(zhou.client, 'dispatch.assignment.new');
    expect(forZhou).toMatchObject({ title: 'New task: 防汛物资清点', body: `Please open it and finish by ${DEADLINE_IN_COUNTY}` });
    // Marking it read answers in the reader's language too.
    const marked = await zhou.client.post(`${tenant.base}/notifications/${forZhou.id}/read`);
    expect(marked.json()).toMatchObject({ title: 'New task: 防汛物资清点' });

    // Back to the county's language (null): Chinese again.
    await chooseLanguage(emma.client, null);
    const [forEmma] = await inbox(emma.client, 'dispatch.assignment.new');
    expect(forEmma).toMatchObject({ title: '新任务：防汛物资清点', body: `请查收并按时办理，截止时间 ${DEADLINE_IN_COUNTY}` });
    await chooseLanguage(zhou.client, null);
  });

  it('a county’s own words stay as written: an urge’s text in either language’s frame', async () => {
    await chooseLanguage(emma.client, 'en');
    const { assignments } = await dispatchTask('河道清障');
    const urged = await supervisor.client.post(`${tenant.base}/dispatch/assignments/${assignments[0].id}/urge`, {
      text: '请今天下班前报送进展',
    });
    expect(urged.statusCode, urged.body).toBe(201);

    const [forEmma] = await inbox(emma.client, 'dispatch.reminder.urge');
    expect(forEmma).toMatchObject({ title: 'Urged: 河道清障', body: '请今天下班前报送进展' });
    const [forZhou] = await inbox(zhou.client, 'dispatch.reminder.urge');
    expect(forZhou).toMatchObject({ title: '催办：河道清障', body: '请今天下班前报送进展' });
    expect(await smsTo(emma.personId, 'Urged:%')).toEqual(['Urged: 河道清障: 请今天下班前报送进展']);
  });

  it('a reader who has not chosen reads the county’s language: a county switched to English reads English', async () => {
    await chooseLanguage(emma.client, 'zh-CN');
    const switched = await platform.operator.patch(`/api/platform/tenants/${tenant.id}`, { locale: 'en' });
    expect(switched.statusCode, switched.body).toBe(200);
    await dispatchTask('秸秆禁烧');
    // Zhou has no choice of his own: the county's English. Emma chose Chinese: it stays.
    const waitForCounty = async () => {
      for (let i = 0; i < 30; i++) {
        const [latest] = await inbox(zhou.client, 'dispatch.assignment.new');
        if (latest.title.startsWith('New task')) return latest;
        // The tenant's row is cached for a few seconds after the operator's change.
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error('the county’s new default language never reached the inbox');
    };
    expect(await waitForCounty()).toMatchObject({ title: 'New task: 秸秆禁烧' });
    expect(await smsTo(zhou.personId, '%秸秆禁烧%')).toEqual([`New task: 秸秆禁烧: Please open it and finish by ${DEADLINE_IN_COUNTY}`]);
    const [forEmma] = await inbox(emma.client, 'dispatch.assignment.new');
    expect(forEmma).toMatchObject({ title: '新任务：秸秆禁烧' });
    expect(await smsTo(emma.personId, '%秸秆禁烧%')).toEqual([`新任务：秸秆禁烧：请查收并按时办理，截止时间 ${DEADLINE_IN_COUNTY}`]);
    await platform.operator.patch(`/api/platform/tenants/${tenant.id}`, { locale: 'zh-CN' });
  });

  it('texts written as they are (no message key) read the same in every language', async () => {
    const adminId: string = (await tenant.admin.get(`${tenant.base}/auth/me`)).json().user.id;
    await withTenant(platform.db, tenant.id, (trx) =>
      platform.app.notifier.notify(trx, tenant.id, { userIds: [adminId], kind: 'test.notice', title: '县里自拟的通知', body: '原样显示' }),
    );
    await tenant.admin.patch(`${tenant.base}/auth/me`, { locale: 'en' });
    const [notice] = await inbox(tenant.admin, 'test.notice');
    expect(notice).toMatchObject({ title: '县里自拟的通知', body: '原样显示' });
  });

  it('a user who must change their password may still choose a language', async () => {
    await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, id: zhou.userId }).update({ must_change_password: true });
    platform.app.platform.sessions.evictUser(tenant.id, zhou.userId);
    expect((await zhou.client.get(`${tenant.base}/notifications`)).statusCode).toBe(403);
    expect((await chooseLanguage(zhou.client, 'en')).user.locale).toBe('en');
    await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, id: zhou.userId }).update({ must_change_password: false });
  });
});
