import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTenant } from '../../../tests/helpers/cross-tenant.ts';
import { TestPlatform } from '../../../tests/helpers/test-platform.ts';

const demo = JSON.parse(fs.readFileSync(new URL('../../../tenant-config/demo/leshan-shizhong.json', import.meta.url), 'utf8')) as {
  profile: { slug: string };
};

/** The demo county's notice, kept as code: applied, it is published to the county's accounts; applied again, nothing changes. */
describe('announcements in a tenant-config file', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(() => platform?.stop());

  it('publishes the demo notice to every account of the county (no inbox flood), and a second apply changes nothing', async () => {
    const tenant = await platform.createTenant(demo.profile.slug);
    const applied = await tenant.admin.post(`${tenant.base}/config/apply`, demo);
    expect(applied.statusCode, applied.body).toBe(200);
    const notice = await platform.ownerQuery('announcement').where({ tenant_id: tenant.id }).first();
    expect(notice).toMatchObject({ config_key: 'flood-season-2026', status: 'published', pinned: true, requires_confirmation: true });
    const accounts = await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, status: 'active' }).pluck('id');
    const recipients = await platform.ownerQuery('announcement_recipient').where({ tenant_id: tenant.id }).pluck('user_id');
    expect(recipients.sort()).toEqual(accounts.sort());
    expect(notice.recipient_count).toBe(accounts.length);
    const mine = (await tenant.admin.get(`${tenant.base}/announcements/notices`)).json();
    expect(mine).toMatchObject({ unreadCount: 1, items: [{ title: notice.title, pinned: true, readAt: null }] });
    expect(await platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, kind: 'announcements.notice.published' })).toEqual(
      [],
    );

    const before = await snapshotTenant(platform, tenant.id);
    const again = await tenant.admin.post(`${tenant.base}/config/apply`, demo);
    expect(again.json()).toMatchObject({ total: 0 });
    expect(await snapshotTenant(platform, tenant.id)).toEqual(before);
  });

  it('a unit code or role name the county does not have is named, and nothing is applied', async () => {
    const tenant = await platform.createTenant('bad-notices');
    const file = {
      version: 1,
      profile: { slug: tenant.slug, name: '坏县' },
      modules: [
        {
          id: 'announcements',
          config: {},
          data: { notices: [{ key: 'x', title: '通知', audience: { kind: 'units', units: ['nowhere'] } }] },
        },
      ],
    };
    const response = await tenant.admin.post(`${tenant.base}/config/apply`, file);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error.details)).toContain('audience.units[0]');
    expect(await platform.ownerQuery('announcement').where({ tenant_id: tenant.id })).toEqual([]);
  });
});
