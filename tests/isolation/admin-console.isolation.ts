import type { IsolationCase, IsolationSuite } from '../helpers/cross-tenant.ts';
import { apiPerson, apiUnit } from '../helpers/org-fixtures.ts';

/** Bulk accounts and role membership, role templates, the audit action catalogue. */
export const adminConsoleIsolation: IsolationSuite = {
  name: 'admin console',
  async setup(_platform, owner) {
    const unit = (await apiUnit(owner.admin, owner, { name: '甲县批量镇', kind: 'town' })).id;
    const person = (await apiPerson(owner.admin, owner, { name: '甲县批量人', unitId: unit })).id;
    const role = (await owner.admin.post(`${owner.base}/roles`, { name: '甲县批量角色', grants: [] })).json().id;
    await owner.admin.post(`${owner.base}/roles/${role}/members/add`, { personIds: [person] });
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/users/candidates' },
      { route: 'GET /api/t/:tenant/users/candidates', query: `unitId=${unit}` },
      { route: 'POST /api/t/:tenant/users/bulk', body: { personIds: [person], delivery: 'sheet' } },
      { route: 'POST /api/t/:tenant/roles/:id/members/add', params: { id: role }, body: { personIds: [person] } },
      { route: 'POST /api/t/:tenant/roles/:id/members/remove', params: { id: role }, body: { personIds: [person] } },
      { route: 'GET /api/t/:tenant/role-templates' },
      { route: 'GET /api/t/:tenant/audit/actions' },
    ];
    return cases;
  },
};
