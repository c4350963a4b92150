import type { IsolationCase, IsolationSuite } from '../helpers/cross-tenant.ts';
import { apiPerson, apiUnit } from '../helpers/org-fixtures.ts';

/** Org directory routes: units, positions, people, import. */
export const orgIsolation: IsolationSuite = {
  name: 'org',
  async setup(_platform, owner, intruder) {
    const ids: Record<string, string> = {};
    ids.root = (await apiUnit(owner.admin, owner, { name: '甲县', kind: 'county' })).id;
    ids.unit = (await apiUnit(owner.admin, owner, { name: '甲镇', kind: 'town', parentId: ids.root })).id;
    ids.position = (await owner.admin.post(`${owner.base}/org/positions`, { name: '甲县职务' })).json().id;
    ids.person = (await apiPerson(owner.admin, owner, { name: '甲县人', unitId: ids.unit, positionId: ids.position })).id;
    await apiUnit(intruder.admin, intruder, { name: '乙县', kind: 'county' });
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/org/units' },
      { route: 'GET /api/t/:tenant/org/units', query: `parentId=${ids.root}` },
      { route: 'GET /api/t/:tenant/org/units/:id', params: { id: ids.unit } },
      { route: 'POST /api/t/:tenant/org/units', body: { name: '入侵镇', kind: 'town', parentId: ids.root } },
      { route: 'PATCH /api/t/:tenant/org/units/:id', params: { id: ids.unit }, body: { name: '改名' } },
      { route: 'POST /api/t/:tenant/org/units/:id/move', params: { id: ids.unit }, body: { parentId: null } },
      { route: 'DELETE /api/t/:tenant/org/units/:id', params: { id: ids.unit } },
      { route: 'GET /api/t/:tenant/org/positions' },
      { route: 'POST /api/t/:tenant/org/positions', body: { name: '入侵职务' } },
      { route: 'PATCH /api/t/:tenant/org/positions/:id', params: { id: ids.position }, body: { name: '改名' } },
      { route: 'DELETE /api/t/:tenant/org/positions/:id', params: { id: ids.position } },
      { route: 'GET /api/t/:tenant/org/people' },
      { route: 'GET /api/t/:tenant/org/people', query: `unitId=${ids.unit}&includeSubunits=true&positionId=${ids.position}` },
      { route: 'GET /api/t/:tenant/org/people/:id', params: { id: ids.person } },
      {
        route: 'POST /api/t/:tenant/org/people',
        body: { name: '入侵者', phone: '13900000000', unitId: ids.unit, positionId: ids.position },
      },
      { route: 'PATCH /api/t/:tenant/org/people/:id', params: { id: ids.person }, body: { name: '改名' } },
      { route: 'DELETE /api/t/:tenant/org/people/:id', params: { id: ids.person } },
      { route: 'POST /api/t/:tenant/org/import', body: {} },
      { route: 'GET /api/t/:tenant/org/import/template' },
    ];
    return cases;
  },
};
