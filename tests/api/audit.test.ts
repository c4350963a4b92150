import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../core/audit/audit.service.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { ADMIN_PASSWORD, TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import type { TestClient } from '../helpers/test-client.ts';
import { tinyPng, uploadFile } from '../helpers/multipart.ts';

interface Entry {
  id: string;
  at: string;
  action: string;
  recordType: string;
  recordId: string;
  data: Record<string, unknown>;
  actor: { id: string; displayName: string | null } | null;
}

describe('audit trail: who did what, filtered and paged, append-only', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;
  let clerk: TestClient;
  let clerkId: string;
  let adminId: string;
  let clerkFileId: string;

  const list = async (query = '', client: TestClient = county.admin) => {
    const response = await client.get(`${county.base}/audit${query ? `?${query}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Entry[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('wenxian', '温县');
    other = await platform.createTenant('boai', '博爱县');
    adminId = (await county.admin.get(`${county.base}/auth/me`)).json().user.id;
    const created = await county.admin.post(`${county.base}/users`, {
      username: 'clerk',
      displayName: '档案员',
      password: 'clerk-pass-1',
      mustChangePassword: false,
    });
    expect(created.statusCode).toBe(201);
    clerkId = created.json().id;
    clerk = await platform.client().loginTenant('wenxian', 'clerk', 'clerk-pass-1');
    clerkFileId = (await uploadFile(clerk, county.base, '档案.png', tinyPng())).json().id;
    await county.admin.post(`${county.base}/auth/change-password`, { currentPassword: ADMIN_PASSWORD, newPassword: 'admin-pass-456' });
    await uploadFile(other.admin, other.base, 'other.png', tinyPng());
  });
  afterAll(() => platform?.stop());

  it('shows each change with its actor’s display name, newest first', async () => {
    const { items } = await list();
    expect(items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login', 'users.create', 'files.upload', 'auth.password.change']),
    );
    const upload = items.find((e) => e.action === 'files.upload');
    // The clerk's upload is attached to nothing: the admin may not open it, so its id is hidden.
    expect(upload).toMatchObject({
      recordType: 'file',
      recordId: 'hidden',
      actor: { id: clerkId, displayName: '档案员' },
      data: { name: '档案.png', contentType: 'image/png' },
    });
    const created = items.find((e) => e.action === 'users.create');
    expect(created?.actor).toEqual({ id: adminId, displayName: '温县管理员' });
    const keys = items.map((e) => [Date.parse(e.at), e.id] as const);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(keys).toEqual(sorted);
  });

  it('shows none of another tenant’s entries', async () => {
    const { items } = await list();
    const otherEntries = await platform.ownerQuery('core_audit_log').where({ tenant_id: other.id }).select('id');
    expect(otherEntries.length).toBeGreaterThan(0);
    const ids = new Set(items.map((e) => e.id));
    expect(otherEntries.filter((e: { id: string }) => ids.has(e.id))).toEqual([]);
  });

  it('filters by record, by actor and by action', async () => {
    const byRecord = await list(`recordType=file&recordId=${clerkFileId}`);
    expect(byRecord.items.map((e) => e.action)).toEqual(['files.upload']);

    const byActor = await list(`userId=${clerkId}`);
    expect(byActor.items.length).toBeGreaterThanOrEqual(2);
    expect(byActor.items.every((e) => e.actor?.id === clerkId)).toBe(true);
    expect(byActor.items.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'files.upload']));

    const byAction = await list('action=auth.password.change');
    expect(byAction.items).toHaveLength(1);
    expect(byAction.items[0]).toMatchObject({ recordType: 'user', recordId: adminId });

    const byType = await list('recordType=user');
    expect(byType.items.length).toBeGreaterThan(0);
    expect(byType.items.every((e) => e.recordType === 'user')).toBe(true);
  });

  it('filters by time: from is inclusive, to exclusive', async () => {
    const { items } = await list();
    const newest = items[0];
    expect((await list(`from=${encodeURIComponent(newest.at)}`)).items.map((e) => e.id)).toContain(newest.id);
    expect((await list(`to=${encodeURIComponent(newest.at)}`)).items.map((e) => e.id)).not.toContain(newest.id);
    expect((await list(`from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).items).toEqual([]);
    expect((await list(`to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).items).toEqual([]);
  });

  it('pages with limit and cursor through every entry once, in the same order', async () => {
    // Entries written in one transaction share its timestamp: the cursor must break ties by id.
    await withTenant(platform.db, county.id, async (trx) => {
      for (let i = 0; i < 5; i++)
        await writeAudit(trx, county.id, adminId, { action: 'test.batch', recordType: 'batch', recordId: String(i) });
    });
    expect(new Set((await list('action=test.batch')).items.map((e) => e.at)).size).toBe(1);
    const all = (await list('limit=200')).items.map((e) => e.id);
    expect(all.length).toBeGreaterThan(6);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [query, path] of [
      ['cursor=not-a-cursor', 'querystring.cursor'],
      [`cursor=${Buffer.from(JSON.stringify(["1999-01-01'; drop table x", 'x'])).toString('base64url')}`, 'querystring.cursor'],
      ['userId=someone', 'querystring.userId'],
      ['from=yesterday', 'querystring.from'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'querystring.to'],
      ['limit=0', 'querystring.limit'],
      ['actor=x', 'querystring.actor'],
    ]) {
      const response = await county.admin.get(`${county.base}/audit?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json().error.details.map((d: { path: string }) => d.path),
        query,
      ).toContain(path);
    }
  });

  it('needs the permission core.audit.read', async () => {
    const response = await clerk.get(`${county.base}/audit`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('PERMISSION_DENIED');
    expect((await platform.client().get(`${county.base}/audit`)).statusCode).toBe(401);
  });

  it('the runtime role can neither update nor delete audit rows, even in its own tenant', async () => {
    const [entry] = (await list('limit=1')).items;
    await expect(
      withTenant(platform.db, county.id, (trx) => trx('core_audit_log').where({ id: entry.id }).update({ action: 'forged' })),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(withTenant(platform.db, county.id, (trx) => trx('core_audit_log').where({ id: entry.id }).delete())).rejects.toMatchObject(
      { code: '42501' },
    );
    const row = await platform.ownerQuery('core_audit_log').where({ id: entry.id }).first('action');
    expect(row.action).toBe(entry.action);
  });
});
