import type { IsolationCase, IsolationSuite } from '../../../tests/helpers/cross-tenant.ts';
import { applyAs, approvalsWorld, approve, defineType, enableApprovals, taskOf, users } from './approvals-world.ts';

/** Approvals routes: types, requests and their decisions, delegations. */
export const approvalsIsolation: IsolationSuite = {
  name: 'approvals',
  async setup(platform, owner, intruder) {
    const world = await approvalsWorld(platform, owner);
    await enableApprovals(intruder);
    const flow = [approve('a', [users(world.users.mayor.userId)])];
    const typeId = await defineType(world, owner, '甲县请假', flow);
    const request = await applyAs(world, 'clerk', typeId, { reason: '甲县事由' });
    const taskId = (await taskOf(world, 'mayor', request.id)) as string;
    const delegation = await world.users.mayor.client.post(`${world.base}/delegations`, {
      deputyUserId: world.users.deputy.userId,
      startsOn: '2026-01-01',
      endsOn: '2099-12-31',
    });
    const typeBody = { name: '乙县改名', formId: world.formId, flow: { nodes: flow } };
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/approvals/types' },
      { route: 'POST /api/t/:tenant/approvals/types', body: typeBody },
      { route: 'GET /api/t/:tenant/approvals/types/:id', params: { id: typeId } },
      { route: 'PUT /api/t/:tenant/approvals/types/:id', params: { id: typeId }, body: typeBody },
      { route: 'POST /api/t/:tenant/approvals/requests', body: { typeId, title: '乙县申请', data: { reason: 'x' } } },
      { route: 'GET /api/t/:tenant/approvals/requests', query: 'box=all' },
      { route: 'GET /api/t/:tenant/approvals/requests/counts' },
      { route: 'GET /api/t/:tenant/approvals/requests/:id', params: { id: request.id } },
      { route: 'PUT /api/t/:tenant/approvals/requests/:id', params: { id: request.id }, body: { title: '改', data: { reason: 'y' } } },
      { route: 'POST /api/t/:tenant/approvals/requests/:id/withdraw', params: { id: request.id }, body: {} },
      { route: 'POST /api/t/:tenant/approvals/requests/:id/urge', params: { id: request.id }, body: {} },
      { route: 'POST /api/t/:tenant/approvals/tasks/:id/decision', params: { id: taskId }, body: { action: 'approve' } },
      { route: 'POST /api/t/:tenant/approvals/tasks/batch-approve', body: { taskIds: [taskId] } },
      { route: 'GET /api/t/:tenant/approvals/delegations' },
      { route: 'GET /api/t/:tenant/approvals/accounts', query: 'q=镇' },
      { route: 'GET /api/t/:tenant/approvals/stats' },
      { route: 'GET /api/t/:tenant/approvals/stats/export' },
      {
        route: 'POST /api/t/:tenant/approvals/delegations',
        body: { deputyUserId: world.users.deputy.userId, startsOn: '2026-01-01', endsOn: '2099-12-31' },
      },
      { route: 'POST /api/t/:tenant/approvals/delegations/:id/revoke', params: { id: delegation.json().id }, body: {} },
    ];
    return cases;
  },
};
