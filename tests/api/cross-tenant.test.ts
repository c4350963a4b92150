import { afterAll, beforeAll, describe, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { fixtureAddon, fixtureBase } from '../helpers/fixture-modules.ts';
import { assertEveryTenantRouteCovered, assertTenantIsolation, type IsolationCase } from '../helpers/cross-tenant.ts';
import { tinyPng, uploadFile } from '../helpers/multipart.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';

/**
 * Tenant B's admin replays every core tenant route against tenant A's URLs and A's record ids:
 * each is refused, nothing of A leaks, and A's data is unchanged. Every new route adds its case.
 */
describe('tenants never see each other', () => {
  let platform: TestPlatform;
  let a: TestTenant;
  let b: TestTenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [fixtureBase, fixtureAddon] });
    a = await platform.createTenant('owner-county');
    b = await platform.createTenant('intruder-county');
    await a.admin.post(`${a.base}/modules/fixture-base/enable`);
    ids.role = (await a.admin.post(`${a.base}/roles`, { name: '督查员', grants: [{ permission: 'core.org.read', scope: 'tenant' }] })).json().id;
    ids.user = (await a.admin.post(`${a.base}/users`, { username: 'owner-staff', displayName: '甲县干部', password: 'owner-pass-1' })).json().id;
    ids.file = (await uploadFile(a.admin, a.base, '甲县文件.png', tinyPng())).json().id;
    await a.admin.put(`${a.base}/calendar/days/2025-12-03`, { kind: 'holiday', name: '甲县节日' });
    await a.admin.put(`${a.base}/custom-fields/fixture-base/item`, { schema: { type: 'object', properties: { secretField: { type: 'string' } } } });
    const adminId = (await a.admin.get(`${a.base}/auth/me`)).json().user.id;
    ids.notification = (await withTenant(platform.db, a.id, (trx) => platform.app.notifier.notify(trx, a.id, { userIds: [adminId], kind: 'test.notice', title: '甲县通知' }))).notificationIds[0];
  });
  afterAll(() => platform?.stop());

  const cases = (): IsolationCase[] => [
    { route: 'GET /api/t/:tenant/auth/me' },
    { route: 'POST /api/t/:tenant/auth/login', body: { login: 'nobody-here', password: 'whatever-1' } },
    { route: 'POST /api/t/:tenant/auth/change-password', body: { currentPassword: 'wrong-one-1', newPassword: 'taken-over-1' } },
    { route: 'GET /api/t/:tenant/modules' },
    { route: 'POST /api/t/:tenant/modules/:moduleId/enable', sharedParams: { moduleId: 'fixture-addon' } },
    { route: 'POST /api/t/:tenant/modules/:moduleId/disable', sharedParams: { moduleId: 'fixture-base' } },
    { route: 'PUT /api/t/:tenant/modules/:moduleId/config', sharedParams: { moduleId: 'fixture-base' }, body: { config: { reminderHours: 1 } } },
    { route: 'GET /api/t/:tenant/fixture-base/ping' },
    { route: 'POST /api/t/:tenant/fixture-base/write-then-fail', body: {} },
    { route: 'GET /api/t/:tenant/permissions' },
    { route: 'GET /api/t/:tenant/roles' },
    { route: 'POST /api/t/:tenant/roles', body: { name: '入侵者', grants: [] } },
    { route: 'GET /api/t/:tenant/roles/:id', params: { id: ids.role } },
    { route: 'PUT /api/t/:tenant/roles/:id', params: { id: ids.role }, body: { name: '改名', grants: [] } },
    { route: 'GET /api/t/:tenant/roles/:id/members', params: { id: ids.role } },
    { route: 'PUT /api/t/:tenant/roles/:id/members', params: { id: ids.role }, body: { personIds: [] } },
    { route: 'DELETE /api/t/:tenant/roles/:id', params: { id: ids.role } },
    { route: 'GET /api/t/:tenant/users' },
    { route: 'POST /api/t/:tenant/users', body: { username: 'intruder-made', displayName: '入侵', password: 'intruder-pass-1' } },
    { route: 'PATCH /api/t/:tenant/users/:id', params: { id: ids.user }, body: { displayName: '被改' } },
    { route: 'POST /api/t/:tenant/users/:id/reset-password', params: { id: ids.user }, body: { newPassword: 'taken-over-1' } },
    { route: 'POST /api/t/:tenant/files', body: {} },
    { route: 'GET /api/t/:tenant/files/:id', params: { id: ids.file } },
    { route: 'GET /api/t/:tenant/files/:id/meta', params: { id: ids.file } },
    { route: 'GET /api/t/:tenant/audit' },
    { route: 'GET /api/t/:tenant/calendar/days', query: 'year=2025' },
    { route: 'PUT /api/t/:tenant/calendar/days/:date', sharedParams: { date: '2025-11-12' }, body: { kind: 'holiday', name: '入侵' } },
    { route: 'DELETE /api/t/:tenant/calendar/days/:date', params: { date: '2025-12-03' } },
    { route: 'GET /api/t/:tenant/calendar/add-working-days', query: 'from=2025-11-19&days=1' },
    { route: 'GET /api/t/:tenant/calendar/working-days-between', query: 'from=2025-11-17&to=2025-11-21' },
    { route: 'GET /api/t/:tenant/custom-fields/:moduleId/:recordType', sharedParams: { moduleId: 'fixture-base', recordType: 'item' } },
    { route: 'GET /api/t/:tenant/custom-fields/:moduleId/:recordType/effective-schema', sharedParams: { moduleId: 'fixture-base', recordType: 'item' } },
    { route: 'PUT /api/t/:tenant/custom-fields/:moduleId/:recordType', sharedParams: { moduleId: 'fixture-base', recordType: 'item' }, body: { schema: { type: 'object', properties: {} } } },
    { route: 'GET /api/t/:tenant/notifications' },
    { route: 'GET /api/t/:tenant/notifications/unread-count' },
    { route: 'POST /api/t/:tenant/notifications/:id/read', params: { id: ids.notification }, body: {} },
    { route: 'POST /api/t/:tenant/notifications/read-all', body: {} },
    // Last: on the intruder's own URL it signs the intruder out.
    { route: 'POST /api/t/:tenant/auth/logout' },
  ];

  it('every tenant route has a cross-tenant case', () => {
    assertEveryTenantRouteCovered(platform, cases());
  });

  it("tenant B's session gets nothing of tenant A's and changes nothing of it", async () => {
    await assertTenantIsolation(platform, a, b, cases());
  });
});
