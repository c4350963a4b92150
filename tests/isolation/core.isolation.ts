import type { IsolationCase, IsolationSuite } from '../helpers/cross-tenant.ts';
import { tinyPng, uploadFile } from '../helpers/multipart.ts';
import { uuidv7 } from 'uuidv7';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { attachFiles } from '../../core/files/file-links.ts';

/** Core tenant routes: accounts, modules, roles, users, files, audit, calendar, custom fields, inbox, exports. */
export const coreIsolation: IsolationSuite = {
  name: 'core',
  async setup(platform, owner) {
    const ids: Record<string, string> = {};
    await owner.admin.post(`${owner.base}/modules/fixture-base/enable`);
    ids.role = (
      await owner.admin.post(`${owner.base}/roles`, { name: '督查员', grants: [{ permission: 'core.org.read', scope: 'tenant' }] })
    ).json().id;
    ids.user = (
      await owner.admin.post(`${owner.base}/users`, { username: 'owner-staff', displayName: '甲县干部', password: 'owner-pass-1' })
    ).json().id;
    ids.file = (await uploadFile(owner.admin, owner.base, '甲县文件.png', tinyPng())).json().id;
    await owner.admin.put(`${owner.base}/calendar/days/2025-12-03`, { kind: 'holiday', name: '甲县节日' });
    await owner.admin.put(`${owner.base}/custom-fields/fixture-base/item`, {
      schema: { type: 'object', properties: { secretField: { type: 'string' } } },
    });
    const adminId = (await owner.admin.get(`${owner.base}/auth/me`)).json().user.id;
    ids.notification = (
      await withTenant(platform.db, owner.id, (trx) =>
        platform.app.notifier.notify(trx, owner.id, { userIds: [adminId], kind: 'test.notice', title: '甲县通知' }),
      )
    ).notificationIds[0];
    // A finished export of the admin's, its file attached to it as the export job leaves it.
    ids.exportFile = (await uploadFile(owner.admin, owner.base, '甲县导出.png', tinyPng())).json().id;
    ids.export = uuidv7();
    await withTenant(platform.db, owner.id, async (trx) => {
      await trx('core_export').insert({
        tenant_id: owner.id,
        id: ids.export,
        requested_by: adminId,
        module: 'fixture-base',
        kind: 'sheet',
        title: '甲县导出',
        status: 'done',
        total: 1,
        done: 1,
        file_id: ids.exportFile,
        file_name: '甲县导出.png',
      });
      await attachFiles(trx, owner.id, null, { module: 'core', kind: 'export', id: ids.export }, [{ id: ids.exportFile, path: 'fileId' }]);
    });
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/auth/me' },
      { route: 'PATCH /api/t/:tenant/auth/me', body: { locale: 'en' } },
      { route: 'POST /api/t/:tenant/auth/login', body: { login: 'nobody-here', password: 'whatever-1' } },
      { route: 'POST /api/t/:tenant/human-checks', public: { writes: ['core_human_check'] } },
      { route: 'POST /api/t/:tenant/auth/change-password', body: { currentPassword: 'wrong-one-1', newPassword: 'taken-over-1' } },
      { route: 'GET /api/t/:tenant/modules' },
      { route: 'POST /api/t/:tenant/modules/:moduleId/enable', sharedParams: { moduleId: 'fixture-addon' } },
      { route: 'POST /api/t/:tenant/modules/:moduleId/disable', sharedParams: { moduleId: 'fixture-base' } },
      {
        route: 'PUT /api/t/:tenant/modules/:moduleId/config',
        sharedParams: { moduleId: 'fixture-base' },
        body: { config: { reminderHours: 1 } },
      },
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
      { route: 'POST /api/t/:tenant/users/:id/unlock', params: { id: ids.user } },
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
      {
        route: 'GET /api/t/:tenant/custom-fields/:moduleId/:recordType/effective-schema',
        sharedParams: { moduleId: 'fixture-base', recordType: 'item' },
      },
      {
        route: 'PUT /api/t/:tenant/custom-fields/:moduleId/:recordType',
        sharedParams: { moduleId: 'fixture-base', recordType: 'item' },
        body: { schema: { type: 'object', properties: {} } },
      },
      { route: 'GET /api/t/:tenant/notifications' },
      { route: 'GET /api/t/:tenant/notifications/unread-count' },
      { route: 'POST /api/t/:tenant/notifications/:id/read', params: { id: ids.notification }, body: {} },
      { route: 'POST /api/t/:tenant/notifications/read-all', body: {} },
      { route: 'GET /api/t/:tenant/exports' },
      { route: 'GET /api/t/:tenant/exports/:id', params: { id: ids.export } },
      { route: 'GET /api/t/:tenant/exports/:id/file', params: { id: ids.export } },
      { route: 'POST /api/t/:tenant/auth/logout' },
    ];
    return cases;
  },
};
