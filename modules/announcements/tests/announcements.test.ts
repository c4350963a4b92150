import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng, uploadFile } from '../../../tests/helpers/multipart.ts';
import type { ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { announcementWorld, publishedNotice, type AnnouncementWorld } from './announcement-world.ts';

/**
 * Notices from publisher to reader: the audience resolved when it is published (whole county,
 * unit subtrees, roles, within the publisher's scope), the inbox told, readers opening and
 * confirming once, the receipts per unit, reminding the unread once a day, expiry, withdrawal,
 * attachments readable only by those who may read the notice, and a body that can hold no script.
 */
describe('announcements: publishing a notice and following who has read it', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: AnnouncementWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('shizhong');
    world = await announcementWorld(platform, tenant);
  });
  afterAll(() => platform?.stop());

  const recipients = async (id: string) =>
    (
      (await platform
        .ownerQuery('announcement_recipient')
        .where({ tenant_id: tenant.id, announcement_id: id })
        .pluck('user_id')) as string[]
    ).sort();
  const inbox = (id: string, kind: string) =>
    platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, kind, link: `/announcements/notices/${id}` })
      .pluck('user_id');
  const rows = async (table: string) => Number((await platform.ownerQuery(table).where({ tenant_id: tenant.id }).count({ n: '*' }))[0].n);
  const ids = (...users: ScopedUser[]) => users.map((u) => u.userId).sort();
  const open = (who: ScopedUser, id: string) => who.client.get(`${world.base}/notices/${id}`);

  it('a county-wide notice reaches every active account of the county, each told in the inbox', async () => {
    const id = await publishedNotice(world, world.publisher, { audience: { kind: 'county' } });
    const accounts = (await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, status: 'active' }).pluck('id')) as string[];
    expect(await recipients(id)).toEqual(accounts.sort());
    expect((await inbox(id, 'announcements.notice.published')).sort()).toEqual(accounts.sort());
    const detail = (await world.publisher.client.get(`${world.base}/manage/${id}`)).json();
    expect(detail).toMatchObject({ status: 'published', counts: { recipients: accounts.length, read: 0, confirmed: 0 } });
  });

  it('a notice to a town reaches the people of its whole subtree and nobody else', async () => {
    const id = await publishedNotice(world, world.publisher, { audience: { kind: 'units', unitIds: [world.units.jiufeng] } });
    const { hongqi, xinhua, jiufengHead } = world.readers;
    expect(await recipients(id)).toEqual(ids(hongqi, xinhua, jiufengHead, world.townPublisher));
    expect((await open(world.readers.baimaClerk, id)).statusCode).toBe(404);
  });

  it('a notice to a role reaches its holders; a town publisher reaches only those in the town', async () => {
    const { hongqi, xinhua, baimaClerk } = world.readers;
    const county = await publishedNotice(world, world.publisher, { audience: { kind: 'roles', roleIds: [world.roles.clerks] } });
    expect(await recipients(county)).toEqual(ids(hongqi, xinhua, baimaClerk));
    const town = await publishedNotice(world, world.townPublisher, { audience: { kind: 'roles', roleIds: [world.roles.clerks] } });
    expect(await recipients(town)).toEqual(ids(hongqi, xinhua));
  });

  it('readers see their notices pinned first, unread marked; opening records the read once; outsiders get 404', async () => {
    const plain = await publishedNotice(world, world.publisher, {
      title: '普通通知',
      audience: { kind: 'units', unitIds: [world.units.baima] },
    });
    const pinned = await publishedNotice(world, world.publisher, {
      title: '置顶通知',
      pinned: true,
      audience: { kind: 'units', unitIds: [world.units.baima] },
    });
    const reader = world.readers.baimaHead;
    const list = (await reader.client.get(`${world.base}/notices`)).json();
    const mine = list.items.filter((n: { id: string }) => [plain, pinned].includes(n.id));
    expect(mine.map((n: { id: string; readAt: string | null }) => [n.id, n.readAt])).toEqual([
      [pinned, null],
      [plain, null],
    ]);
    expect(list.items[0].id).toBe(pinned);
    const unreadBefore = list.unreadCount as number;

    const first = await open(reader, plain);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ title: '普通通知', bodyHtml: '<p>请各单位做好准备。</p>', unit: '区委督查室' });
    const readAt = first.json().readAt as string;
    expect(readAt).not.toBeNull();
    const again = await open(reader, plain);
    expect(again.json().readAt).toBe(readAt);
    const after = (await reader.client.get(`${world.base}/notices`)).json();
    expect(after.unreadCount).toBe(unreadBefore - 1);
    expect(after.items.find((n: { id: string }) => n.id === plain).readAt).toBe(readAt);
    expect((await reader.client.get(`${world.base}/notices?unread=true`)).json().items.map((n: { id: string }) => n.id)).not.toContain(
      plain,
    );

    expect((await open(world.readers.hongqi, plain)).statusCode).toBe(404);
    expect((await world.readers.hongqi.client.post(`${world.base}/notices/${plain}/confirm`, {})).statusCode).toBe(404);
  });

  it('a notice asking for confirmation is confirmed once; one that does not ask refuses it', async () => {
    const id = await publishedNotice(world, world.publisher, {
      requiresConfirmation: true,
      audience: { kind: 'units', unitIds: [world.units.xinhua] },
    });
    const reader = world.readers.xinhua;
    const confirmed = await reader.client.post(`${world.base}/notices/${id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const at = confirmed.json().confirmedAt as string;
    expect(confirmed.json().readAt).toBe(at);
    expect((await reader.client.post(`${world.base}/notices/${id}/confirm`, {})).json().confirmedAt).toBe(at);
    const detail = (await world.publisher.client.get(`${world.base}/manage/${id}`)).json();
    expect(detail.counts).toEqual({ recipients: 1, read: 1, confirmed: 1 });

    const plain = await publishedNotice(world, world.publisher, { audience: { kind: 'units', unitIds: [world.units.xinhua] } });
    const refused = await reader.client.post(`${world.base}/notices/${plain}/confirm`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ANNOUNCEMENT_CONFIRMATION_NOT_REQUIRED');
  });

  it('the receipts count per unit; reminding tells the unread only (inbox and SMS), and never twice a day', async () => {
    const id = await publishedNotice(world, world.publisher, {
      requiresConfirmation: true,
      audience: { kind: 'units', unitIds: [world.units.jiufeng] },
    });
    await open(world.readers.hongqi, id);
    await world.readers.xinhua.client.post(`${world.base}/notices/${id}/confirm`, {});
    const receipts = (await world.publisher.client.get(`${world.base}/manage/${id}/receipts`)).json();
    expect(receipts.totals).toEqual({ recipients: 4, read: 2, confirmed: 1 });
    const byUnit = Object.fromEntries(
      receipts.units.map((u: { unit: { name: string }; recipients: number; read: number; confirmed: number }) => [
        u.unit.name,
        [u.recipients, u.read, u.confirmed],
      ]),
    );
    expect(byUnit).toEqual({ 九峰镇: [2, 0, 0], 红旗村: [1, 1, 0], 新华村: [1, 1, 1] });
    const unread = (await world.publisher.client.get(`${world.base}/manage/${id}/receipts/people?state=unread`)).json();
    expect(unread.items.map((p: { userId: string }) => p.userId).sort()).toEqual(ids(world.readers.jiufengHead, world.townPublisher));
    const inJiufeng = (await world.publisher.client.get(`${world.base}/manage/${id}/receipts/people?unitId=${world.units.hongqi}`)).json();
    expect(inJiufeng.items).toEqual([expect.objectContaining({ userId: world.readers.hongqi.userId, unit: '红旗村', confirmedAt: null })]);

    const smsBefore = await rows('core_sms_outbox');
    const reminded = await world.publisher.client.post(`${world.base}/manage/${id}/remind`, {});
    expect(reminded.statusCode, reminded.body).toBe(200);
    expect(reminded.json()).toEqual({ reminded: 2, alreadyReminded: 0 });
    expect((await inbox(id, 'announcements.notice.reminder')).sort()).toEqual(ids(world.readers.jiufengHead, world.townPublisher));
    expect(await rows('core_sms_outbox')).toBe(smsBefore + 2);
    const twice = await world.publisher.client.post(`${world.base}/manage/${id}/remind`, {});
    expect(twice.json()).toEqual({ reminded: 0, alreadyReminded: 2 });
    expect((await inbox(id, 'announcements.notice.reminder')).length).toBe(2);
    expect(await rows('core_sms_outbox')).toBe(smsBefore + 2);
    expect((await world.publisher.client.get(`${world.base}/manage/${id}/receipts`)).json().lastRemindedAt).not.toBeNull();
  });

  it('an expired notice leaves the readers’ list and stays in the publisher’s', async () => {
    const id = await publishedNotice(world, world.publisher, {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      audience: { kind: 'units', unitIds: [world.units.hongqi] },
    });
    const listed = async () =>
      (await world.readers.hongqi.client.get(`${world.base}/notices`)).json().items.map((n: { id: string }) => n.id);
    expect(await listed()).toContain(id);
    // An hour passes.
    await platform
      .ownerQuery('announcement')
      .where({ tenant_id: tenant.id, id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    expect(await listed()).not.toContain(id);
    const managed = (await world.publisher.client.get(`${world.base}/manage`)).json().items.find((n: { id: string }) => n.id === id);
    expect(managed).toMatchObject({ status: 'published', expired: true });
  });

  it('a withdrawn notice is gone for readers and keeps its receipts for the publisher; only a published one is withdrawn', async () => {
    const id = await publishedNotice(world, world.publisher, { audience: { kind: 'units', unitIds: [world.units.hongqi] } });
    await open(world.readers.hongqi, id);
    const withdrawn = await world.publisher.client.post(`${world.base}/manage/${id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', counts: { recipients: 1, read: 1 } });
    expect((await open(world.readers.hongqi, id)).statusCode).toBe(404);
    expect((await world.readers.hongqi.client.get(`${world.base}/notices`)).json().items.map((n: { id: string }) => n.id)).not.toContain(
      id,
    );
    const again = await world.publisher.client.post(`${world.base}/manage/${id}/withdraw`, {});
    expect(again.statusCode).toBe(409);
    expect((await world.publisher.client.patch(`${world.base}/manage/${id}`, { title: '改' })).statusCode).toBe(409);
  });

  it('attachments are read by the notice’s readers and publishers only, and only one’s own uploads can be attached', async () => {
    const upload = await uploadFile(world.publisher.client, tenant.base, '防汛预案.png', tinyPng(), 'image/png');
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as string;
    const created = await world.publisher.client.post(`${world.base}/manage`, {
      title: '附件通知',
      attachmentIds: [fileId],
      audience: { kind: 'units', unitIds: [world.units.hongqi] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().attachments).toEqual([expect.objectContaining({ id: fileId, name: '防汛预案.png' })]);
    const id = created.json().id as string;
    // A draft's files are the publishers' only.
    expect((await world.readers.hongqi.client.get(`${tenant.base}/files/${fileId}`)).statusCode).toBe(404);
    await world.publisher.client.post(`${world.base}/manage/${id}/publish`, {});
    expect((await world.readers.hongqi.client.get(`${tenant.base}/files/${fileId}`)).statusCode).toBe(200);
    expect((await open(world.readers.hongqi, id)).json().attachments).toEqual([expect.objectContaining({ id: fileId })]);
    expect((await world.readers.xinhua.client.get(`${tenant.base}/files/${fileId}`)).statusCode).toBe(404);
    expect((await world.townPublisher.client.get(`${tenant.base}/files/${fileId}`)).statusCode).toBe(404);
    expect((await tenant.admin.get(`${tenant.base}/files/${fileId}`)).statusCode).toBe(200);

    const stolen = await world.townPublisher.client.post(`${world.base}/manage`, {
      title: '借用附件',
      attachmentIds: [fileId],
      audience: { kind: 'units', unitIds: [world.units.hongqi] },
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details[0].path).toBe('body.attachmentIds[0]');
  });

  it('script in the body is removed before it is stored: no script, event handler, javascript: link or frame', async () => {
    const created = await world.publisher.client.post(`${world.base}/manage`, {
      title: '富文本',
      bodyHtml:
        '<h2>标题</h2><p onclick="alert(1)">正文<strong>加粗</strong><script>alert(1)</script></p>' +
        '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">坏链接</a><a href="https://example.gov.cn/a">好链接</a>' +
        '<iframe src="https://evil.example"></iframe><p style="background:url(javascript:alert(1))">样式</p><svg onload="alert(1)"></svg>',
      audience: { kind: 'county' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json().bodyHtml as string;
    expect(body).toBe(
      '<h2>标题</h2><p>正文<strong>加粗</strong></p><a target="_blank" rel="noopener noreferrer">坏链接</a>' +
        '<a href="https://example.gov.cn/a" target="_blank" rel="noopener noreferrer">好链接</a><p>样式</p>',
    );
    const stored = await platform.ownerQuery('announcement').where({ tenant_id: tenant.id, id: created.json().id }).first('body_html');
    expect(stored.body_html).toBe(body);
  });

  describe('bad input gets a 4xx naming the field and writes nothing', () => {
    const cases: [string, () => ScopedUser, unknown, number, string][] = [
      ['no title', () => world.publisher, { audience: { kind: 'county' } }, 400, 'body.title'],
      ['a blank title', () => world.publisher, { title: '  ', audience: { kind: 'county' } }, 400, 'body.title'],
      [
        'an unknown unit',
        () => world.publisher,
        { title: 't', audience: { kind: 'units', unitIds: ['00000000-0000-4000-8000-000000000000'] } },
        400,
        'body.audience.unitIds[0]',
      ],
      ['units without any', () => world.publisher, { title: 't', audience: { kind: 'units', unitIds: [] } }, 400, 'body.audience.unitIds'],
      [
        'roles given for units',
        () => world.publisher,
        { title: 't', audience: { kind: 'units', roleIds: [] } },
        400,
        'body.audience.roleIds',
      ],
      [
        'an expiry in the past',
        () => world.publisher,
        { title: 't', expiresAt: '2020-01-01T00:00:00Z', audience: { kind: 'county' } },
        400,
        'body.expiresAt',
      ],
      [
        'the county from a town publisher',
        () => world.townPublisher,
        { title: 't', audience: { kind: 'county' } },
        403,
        'body.audience.kind',
      ],
    ];
    it.each(cases)('%s', async (_name, who, body, status, path) => {
      const before = await rows('announcement');
      const response = await who().client.post(`${world.base}/manage`, body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await rows('announcement')).toBe(before);
    });

    it('a unit outside the town publisher’s scope is named', async () => {
      const response = await world.townPublisher.client.post(`${world.base}/manage`, {
        title: 't',
        audience: { kind: 'units', unitIds: [world.units.hongqi, world.units.baima] },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.details).toEqual([{ path: 'body.audience.unitIds[1]', message: 'is outside your scope' }]);
    });

    it('publishing to an audience that reaches nobody leaves the draft a draft, with no recipient and no notice', async () => {
      const role = await tenant.admin.post(`${tenant.base}/roles`, { name: '无人角色', grants: [] });
      expect(role.statusCode, role.body).toBe(201);
      const created = await world.publisher.client.post(`${world.base}/manage`, {
        title: '无人可达',
        audience: { kind: 'roles', roleIds: [role.json().id] },
      });
      const id = created.json().id as string;
      const notifications = await rows('core_notification');
      const response = await world.publisher.client.post(`${world.base}/manage/${id}/publish`, {});
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'ANNOUNCEMENT_AUDIENCE_EMPTY', details: [{ path: 'audience' }] });
      expect((await world.publisher.client.get(`${world.base}/manage/${id}`)).json().status).toBe('draft');
      expect(await recipients(id)).toEqual([]);
      expect(await rows('core_notification')).toBe(notifications);
    });

    it('another publisher’s notice outside the town publisher’s scope is a 404', async () => {
      const id = await publishedNotice(world, world.publisher, { audience: { kind: 'units', unitIds: [world.units.baima] } });
      expect((await world.townPublisher.client.get(`${world.base}/manage/${id}`)).statusCode).toBe(404);
      expect((await world.townPublisher.client.get(`${world.base}/manage/${id}/receipts`)).statusCode).toBe(404);
      expect((await world.townPublisher.client.post(`${world.base}/manage/${id}/remind`, {})).statusCode).toBe(404);
      expect((await world.readers.hongqi.client.get(`${world.base}/manage`)).statusCode).toBe(403);
    });
  });
});
