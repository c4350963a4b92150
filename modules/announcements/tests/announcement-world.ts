import { expect } from 'vitest';
import { createScopedUser, type ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import type { TestPlatform, TestTenant } from '../../../tests/helpers/test-platform.ts';
import { applyWorld } from '../../../tests/helpers/test-world.ts';

/**
 * A county for announcement tests: 市中区 (tests/fixtures/worlds/shizhong-county.json) with the
 * forms staff (forms-staff.json) as readers — clerks of 红旗村, 新华村 (九峰镇) and 白马村 holding
 * the role 村级填报员, the heads of 九峰镇 and 白马镇 holding 镇级收集员 — a county-wide publisher
 * in 区委督查室 and a town publisher in 九峰镇 (its subtree).
 */
export interface AnnouncementWorld {
  base: string;
  units: Record<'county' | 'office' | 'jiufeng' | 'hongqi' | 'xinhua' | 'baima' | 'baimaVillage', string>;
  roles: { clerks: string; collectors: string };
  publisher: ScopedUser;
  townPublisher: ScopedUser;
  readers: Record<'hongqi' | 'xinhua' | 'baimaClerk' | 'jiufengHead' | 'baimaHead', ScopedUser>;
}

export async function enableAnnouncements(tenant: TestTenant): Promise<void> {
  const response = await tenant.admin.post(`${tenant.base}/modules/announcements/enable`);
  expect(response.statusCode, response.body).toBe(200);
}

export async function announcementWorld(platform: TestPlatform, tenant: TestTenant): Promise<AnnouncementWorld> {
  await enableAnnouncements(tenant);
  const { units, users } = await applyWorld(platform, tenant, ['shizhong-county.json', 'forms-staff.json']);
  const publisher = await createScopedUser(platform, tenant, {
    username: 'publisher',
    unitId: units.office.id,
    grants: [{ permission: 'announcements.publish', scope: 'tenant' }],
  });
  const townPublisher = await createScopedUser(platform, tenant, {
    username: 'town-publisher',
    unitId: units.jiufeng.id,
    grants: [{ permission: 'announcements.publish', scope: 'unit_subtree' }],
  });
  const roles = (await tenant.admin.get(`${tenant.base}/roles`)).json().items as { id: string; name: string }[];
  const roleId = (name: string) => roles.find((r) => r.name === name)!.id;
  return {
    base: `${tenant.base}/announcements`,
    units: {
      county: units.county.id,
      office: units.office.id,
      jiufeng: units.jiufeng.id,
      hongqi: units.hongqi.id,
      xinhua: units.xinhua.id,
      baima: units.baima.id,
      baimaVillage: units.baimaVillage.id,
    },
    roles: { clerks: roleId('村级填报员'), collectors: roleId('镇级收集员') },
    publisher,
    townPublisher,
    readers: {
      hongqi: users['hongqi-clerk'],
      xinhua: users['xinhua-clerk'],
      baimaClerk: users['baima-clerk'],
      jiufengHead: users['jiufeng-head'],
      baimaHead: users['baima-head'],
    },
  };
}

/** Writes a draft as `who` and publishes it; returns its id. */
export async function publishedNotice(world: AnnouncementWorld, who: ScopedUser, fields: Record<string, unknown>): Promise<string> {
  const created = await who.client.post(`${world.base}/manage`, {
    title: '关于做好防汛工作的通知',
    bodyHtml: '<p>请各单位做好准备。</p>',
    ...fields,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await who.client.post(`${world.base}/manage/${id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  return id;
}
