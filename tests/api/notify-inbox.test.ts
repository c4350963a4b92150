import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { addUser, type TestUser } from '../helpers/tenant-users.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('in-app inbox over HTTP: list, unread count, mark read', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let other: TestTenant;
  let alice: TestUser;
  let bob: TestUser;
  let base: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('inbox-county');
    other = await platform.createTenant('inbox-other');
    alice = await addUser(platform, tenant, 'alice');
    bob = await addUser(platform, tenant, 'bob');
    base = `${tenant.base}/notifications`;
  });
  afterAll(() => platform?.stop());

  const notify = (userIds: string[], title: string) =>
    withTenant(platform.db, tenant.id, (trx) =>
      platform.app.notifier.notify(trx, tenant.id, { userIds, kind: 'test.notice', title, link: '/somewhere' }),
    );

  it('a user sees only their own notifications, newest first, page by page', async () => {
    for (const n of [1, 2, 3, 4, 5]) await notify([alice.id], `给 alice 的第 ${n} 条`);
    await notify([bob.id], '给 bob 的');

    const first = await alice.client.get(`${base}?limit=2`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((n: { title: string }) => n.title)).toEqual(['给 alice 的第 5 条', '给 alice 的第 4 条']);
    expect(first.json().items[0]).toMatchObject({ kind: 'test.notice', body: '', link: '/somewhere', readAt: null });
    expect(first.json().items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const titles: string[] = first.json().items.map((n: { title: string }) => n.title);
    let cursor: string | null = first.json().nextCursor;
    while (cursor) {
      const page = await alice.client.get(`${base}?limit=2&cursor=${cursor}`);
      titles.push(...page.json().items.map((n: { title: string }) => n.title));
      cursor = page.json().nextCursor;
    }
    expect(titles).toEqual([5, 4, 3, 2, 1].map((n) => `给 alice 的第 ${n} 条`));

    const bobs = await bob.client.get(base);
    expect(bobs.json().items.map((n: { title: string }) => n.title)).toEqual(['给 bob 的']);
  });

  it('counts unread, marks one read (twice is harmless), filters unread, marks all read', async () => {
    expect((await alice.client.get(`${base}/unread-count`)).json()).toEqual({ count: 5 });
    const [newest] = (await alice.client.get(`${base}?limit=1`)).json().items;

    const marked = await alice.client.post(`${base}/${newest.id}/read`);
    expect(marked.statusCode).toBe(200);
    expect(marked.json().readAt).not.toBeNull();
    const again = await alice.client.post(`${base}/${newest.id}/read`);
    expect(again.json().readAt).toBe(marked.json().readAt);

    expect((await alice.client.get(`${base}/unread-count`)).json()).toEqual({ count: 4 });
    const unread = await alice.client.get(`${base}?unread=true`);
    expect(unread.json().items).toHaveLength(4);
    expect(unread.json().items.map((n: { id: string }) => n.id)).not.toContain(newest.id);

    const all = await alice.client.post(`${base}/read-all`);
    expect(all.json()).toEqual({ updated: 4 });
    expect((await alice.client.get(`${base}/unread-count`)).json()).toEqual({ count: 0 });
    expect((await alice.client.get(`${base}?unread=true`)).json()).toEqual({ items: [], nextCursor: null });
    // Bob's stays unread.
    expect((await bob.client.get(`${base}/unread-count`)).json()).toEqual({ count: 1 });
  });

  it("another user's notification is a 404, and is left unread", async () => {
    const [bobs] = (await bob.client.get(base)).json().items;
    const response = await alice.client.post(`${base}/${bobs.id}/read`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOTIFICATION_NOT_FOUND');
    // The same id seen from another tenant's admin: also not found.
    expect((await other.admin.post(`${other.base}/notifications/${bobs.id}/read`)).statusCode).toBe(404);
    expect((await bob.client.get(`${base}/unread-count`)).json()).toEqual({ count: 1 });
  });

  it('bad input names the field; no session is a 401', async () => {
    const badCursor = await alice.client.get(`${base}?cursor=not-an-id`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.details[0].path).toBe('querystring.cursor');
    const badLimit = await alice.client.get(`${base}?limit=0`);
    expect(badLimit.json().error.details[0].path).toBe('querystring.limit');
    const badId = await alice.client.post(`${base}/not-a-uuid/read`);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details[0].path).toBe('params.id');
    const extra = await alice.client.post(`${base}/read-all`, { everything: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0].path).toBe('body.everything');
    expect((await platform.client().get(`${base}/unread-count`)).statusCode).toBe(401);
  });

  it('notifying an account of another tenant is refused and writes nothing', async () => {
    const outsider = await addUser(platform, other, 'outsider');
    await expect(notify([alice.id, outsider.id], '跨租户')).rejects.toThrow();
    expect(await platform.ownerQuery('core_notification').where({ title: '跨租户' })).toEqual([]);
  });
});
