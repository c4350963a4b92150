import type { IsolationCase, IsolationSuite } from '../helpers/cross-tenant.ts';
import { apiUnit, createScopedUser } from '../helpers/org-fixtures.ts';
import { daysFromNow, enableDispatch } from '../helpers/dispatch-fixtures.ts';

/** Dispatch module routes: tasks, assignments, reports, views. */
export const dispatchIsolation: IsolationSuite = {
  name: 'dispatch',
  async setup(platform, owner, intruder) {
    await enableDispatch(owner);
    await enableDispatch(intruder);
    const base = `${owner.base}/dispatch`;
    const ids: Record<string, string> = {};
    const county = await apiUnit(owner.admin, owner, { name: '甲县督办', kind: 'county' });
    ids.town = (await apiUnit(owner.admin, owner, { name: '督办甲镇', kind: 'town', parentId: county.id })).id;
    ids.village = (await apiUnit(owner.admin, owner, { name: '督办甲村', kind: 'village', parentId: ids.town })).id;
    const town = await createScopedUser(platform, owner, { username: 'dispatch-iso-town', unitId: ids.town, grants: [{ permission: 'dispatch.handle', scope: 'own_unit' }] });
    const task = await owner.admin.post(`${base}/tasks`, { title: '甲县任务', ownerUnitId: county.id, deadline: daysFromNow(30), assignments: [{ unitId: ids.town }] });
    ids.task = task.json().task.id;
    ids.assignment = task.json().assignments[0].id;
    ids.report = (await town.client.post(`${base}/assignments/${ids.assignment}/reports`, { progress: 40, text: '进展过半' })).json().id;
    const intruderCounty = await apiUnit(intruder.admin, intruder, { name: '乙县督办', kind: 'county' });
    await intruder.admin.post(`${intruder.base}/dispatch/tasks`, { title: '乙县任务', ownerUnitId: intruderCounty.id, deadline: daysFromNow(30), assignments: [{ unitId: intruderCounty.id }] });

    const task_ = { id: ids.task };
    const assignment = { id: ids.assignment };
    const report = { id: ids.report };
    const cases: IsolationCase[] = [
      { route: 'POST /api/t/:tenant/dispatch/tasks', body: { title: '入侵任务', ownerUnitId: county.id, deadline: daysFromNow(5), assignments: [{ unitId: ids.town }] } },
      { route: 'GET /api/t/:tenant/dispatch/tasks' },
      { route: 'GET /api/t/:tenant/dispatch/tasks', query: `unitId=${ids.town}` },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id', params: task_ },
      { route: 'PATCH /api/t/:tenant/dispatch/tasks/:id', params: task_, body: { title: '改名' } },
      { route: 'POST /api/t/:tenant/dispatch/tasks/:id/close', params: task_ },
      { route: 'POST /api/t/:tenant/dispatch/tasks/:id/assignments', params: task_, body: { assignments: [{ unitId: ids.village }] } },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/timeline', params: task_ },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/reports', params: task_ },
      { route: 'GET /api/t/:tenant/dispatch/assignments/:id', params: assignment },
      { route: 'POST /api/t/:tenant/dispatch/assignments/:id/open', params: assignment },
      { route: 'POST /api/t/:tenant/dispatch/assignments/:id/subtasks', params: assignment, body: { assignments: [{ unitId: ids.village }] } },
      { route: 'POST /api/t/:tenant/dispatch/assignments/:id/reports', params: assignment, body: { progress: 90 } },
      { route: 'GET /api/t/:tenant/dispatch/assignments/:id/reports', params: assignment },
      { route: 'POST /api/t/:tenant/dispatch/reports/:id/review', params: report, body: { decision: 'accept' } },
      { route: 'POST /api/t/:tenant/dispatch/reports/:id/card', params: report, body: { color: 'red', reason: '入侵' } },
      { route: 'GET /api/t/:tenant/dispatch/my-pending' },
      { route: 'GET /api/t/:tenant/dispatch/board' },
      { route: 'GET /api/t/:tenant/dispatch/board', query: `unitId=${ids.town}` },
    ];
    return cases;
  },
};
