import type { IsolationCase, IsolationSuite } from '../../../tests/helpers/cross-tenant.ts';
import { apiUnit, createScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import { daysFromNow, enableDispatch } from '../../../tests/helpers/dispatch-fixtures.ts';

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
    const town = await createScopedUser(platform, owner, {
      username: 'dispatch-iso-town',
      unitId: ids.town,
      grants: [{ permission: 'dispatch.handle', scope: 'own_unit' }],
    });
    const task = await owner.admin.post(`${base}/tasks`, {
      title: '甲县任务',
      ownerUnitId: county.id,
      deadline: daysFromNow(30),
      assignments: [{ unitId: ids.town }],
    });
    ids.task = task.json().task.id;
    ids.assignment = task.json().assignments[0].id;
    ids.report = (await town.client.post(`${base}/assignments/${ids.assignment}/reports`, { progress: 40, text: '进展过半' })).json().id;
    const intruderCounty = await apiUnit(intruder.admin, intruder, { name: '乙县督办', kind: 'county' });
    await intruder.admin.post(`${intruder.base}/dispatch/tasks`, {
      title: '乙县任务',
      ownerUnitId: intruderCounty.id,
      deadline: daysFromNow(30),
      assignments: [{ unitId: intruderCounty.id }],
    });

    // Leaders, follows, comments, requests and aggregations (dispatch-leaders, -requests, -aggregation; queued aggregations are core exports).
    ids.instruction = (await owner.admin.post(`${base}/tasks/${ids.task}/instructions`, { text: '甲县批示' })).json().id;
    ids.comment = (await owner.admin.post(`${base}/tasks/${ids.task}/comments`, { text: '甲县回复' })).json().id;
    await owner.admin.put(`${base}/tasks/${ids.task}/follow`);
    const caller = await createScopedUser(platform, owner, {
      username: 'dispatch-iso-caller',
      unitId: ids.town,
      grants: [{ permission: 'dispatch.request', scope: 'own_unit' }],
    });
    const bureau = await apiUnit(owner.admin, owner, { name: '甲县水务局', kind: 'department', parentId: county.id });
    ids.request = (await caller.client.post(`${base}/requests`, { toUnitId: bureau.id, title: '甲镇诉求' })).json().id;
    const otherBureau = await apiUnit(owner.admin, owner, { name: '甲县农业局', kind: 'department', parentId: county.id });
    const instruction = { id: ids.instruction };
    const request_ = { id: ids.request };

    // Reminders, periods, extensions and escalations (dispatch-reminders, -periods, -extensions, -escalations).
    ids.extension = (
      await town.client.post(`${base}/assignments/${ids.assignment}/extensions`, { reason: '甲镇申请延期', deadline: daysFromNow(40) })
    ).json().id;
    await owner.admin.post(`${base}/assignments/${ids.assignment}/urge`, {});
    await owner.admin.post(`${base}/assignments/${ids.assignment}/escalations`, { text: '甲县督办' });
    const extension = { id: ids.extension };

    const task_ = { id: ids.task };
    const assignment = { id: ids.assignment };
    const report = { id: ids.report };
    const cases: IsolationCase[] = [
      {
        route: 'POST /api/t/:tenant/dispatch/tasks',
        body: { title: '入侵任务', ownerUnitId: county.id, deadline: daysFromNow(5), assignments: [{ unitId: ids.town }] },
      },
      // The workbook itself is covered in modules/dispatch/tests/import.test.ts; here the owner's supervising unit is named.
      { route: 'POST /api/t/:tenant/dispatch/tasks/import', query: `ownerUnitId=${county.id}`, body: {} },
      { route: 'GET /api/t/:tenant/dispatch/tasks/import-template' },
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
      {
        route: 'POST /api/t/:tenant/dispatch/assignments/:id/subtasks',
        params: assignment,
        body: { assignments: [{ unitId: ids.village }] },
      },
      { route: 'POST /api/t/:tenant/dispatch/assignments/:id/reports', params: assignment, body: { progress: 90 } },
      { route: 'GET /api/t/:tenant/dispatch/assignments/:id/reports', params: assignment },
      { route: 'POST /api/t/:tenant/dispatch/reports/:id/review', params: report, body: { decision: 'accept' } },
      { route: 'POST /api/t/:tenant/dispatch/reports/:id/card', params: report, body: { color: 'red', reason: '入侵' } },
      { route: 'GET /api/t/:tenant/dispatch/my-pending' },
      { route: 'GET /api/t/:tenant/dispatch/my-assignments' },
      { route: 'GET /api/t/:tenant/dispatch/my-assignments', query: 'state=finished' },
      { route: 'GET /api/t/:tenant/dispatch/report-forms' },
      { route: 'GET /api/t/:tenant/dispatch/board' },
      { route: 'GET /api/t/:tenant/dispatch/board', query: `unitId=${ids.town}` },
      { route: 'POST /api/t/:tenant/dispatch/assignments/:id/urge', params: assignment, body: { text: '入侵催办' } },
      { route: 'GET /api/t/:tenant/dispatch/assignments/:id/reminders', params: assignment },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/periods', params: task_ },
      {
        route: 'POST /api/t/:tenant/dispatch/assignments/:id/extensions',
        params: assignment,
        body: { reason: '入侵延期', deadline: daysFromNow(50) },
      },
      { route: 'POST /api/t/:tenant/dispatch/extensions/:id/decision', params: extension, body: { decision: 'grant' } },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/extensions', params: task_ },
      { route: 'POST /api/t/:tenant/dispatch/assignments/:id/escalations', params: assignment, body: { text: '入侵督办' } },
      { route: 'GET /api/t/:tenant/dispatch/assignments/:id/escalations', params: assignment },
      { route: 'POST /api/t/:tenant/dispatch/tasks/:id/instructions', params: task_, body: { text: '入侵批示' } },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/instructions', params: task_ },
      { route: 'POST /api/t/:tenant/dispatch/instructions/:id/acknowledge', params: instruction },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/follow', params: task_ },
      { route: 'PUT /api/t/:tenant/dispatch/tasks/:id/follow', params: task_ },
      { route: 'DELETE /api/t/:tenant/dispatch/tasks/:id/follow', params: task_ },
      { route: 'GET /api/t/:tenant/dispatch/following' },
      { route: 'POST /api/t/:tenant/dispatch/tasks/:id/comments', params: task_, body: { text: '入侵回复', replyToId: ids.comment } },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/comments', params: task_ },
      { route: 'POST /api/t/:tenant/dispatch/requests', body: { toUnitId: bureau.id, title: '入侵诉求' } },
      { route: 'POST /api/t/:tenant/dispatch/requests/:id/accept', params: request_ },
      {
        route: 'POST /api/t/:tenant/dispatch/requests/:id/transfer',
        params: request_,
        body: { toUnitId: otherBureau.id, reason: '入侵转办' },
      },
      { route: 'POST /api/t/:tenant/dispatch/requests/:id/return', params: request_, body: { reason: '入侵退回' } },
      { route: 'GET /api/t/:tenant/dispatch/requests', query: 'box=supervised' },
      { route: 'GET /api/t/:tenant/dispatch/requests/:id', params: request_ },
      { route: 'POST /api/t/:tenant/dispatch/requests/:id/response', params: request_, body: { text: '入侵答复' } },
      { route: 'POST /api/t/:tenant/dispatch/requests/:id/rating', params: request_, body: { rating: 1, comment: '入侵' } },
      { route: 'GET /api/t/:tenant/dispatch/tasks/:id/aggregation.xlsx', params: task_ },
      { route: 'POST /api/t/:tenant/dispatch/tasks/:id/aggregations', params: task_, body: {} },
    ];
    return cases;
  },
};
