import type { IsolationCase, IsolationSuite } from '../helpers/cross-tenant.ts';
import { apiPerson, apiUnit } from '../helpers/org-fixtures.ts';

/** The directory lookup (names and units for pickers): another county's people and units never show. */
export const directoryIsolation: IsolationSuite = {
  name: 'directory',
  async setup(_platform, owner, intruder) {
    const unit = (await apiUnit(owner.admin, owner, { name: '甲县目录镇', kind: 'town' })).id;
    const person = (await apiPerson(owner.admin, owner, { name: '甲县目录人', unitId: unit })).id;
    await apiPerson(intruder.admin, intruder, {
      name: '乙县目录人',
      unitId: (await apiUnit(intruder.admin, intruder, { name: '乙县目录镇', kind: 'town' })).id,
    });
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/directory/people' },
      { route: 'GET /api/t/:tenant/directory/people', query: `q=${encodeURIComponent('目录')}&unitId=${unit}` },
      { route: 'GET /api/t/:tenant/directory/people/:id', params: { id: person } },
      { route: 'GET /api/t/:tenant/directory/units' },
      { route: 'GET /api/t/:tenant/directory/units', query: `q=${encodeURIComponent('甲县')}` },
    ];
    return cases;
  },
};
