import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { applyAs, approvalsWorld, approve, decideAs, defineType, taskOf, users, type ApprovalsWorld } from './approvals-world.ts';

/**
 * Flows as county admins build them: the head of the applicant's unit, conditions on the form's
 * answers, any one (或签), all (会签) and in order (依次), parallel branches that join, copy-to,
 * and the edge rules — a step with nobody to decide, the same approver twice in a row, the
 * applicant among the approvers.
 */
describe('approvals: flows', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: ApprovalsWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('shizhong');
    world = await approvalsWorld(platform, tenant);
  });
  afterAll(() => platform?.stop());

  const id = (who: keyof ApprovalsWorld['users']) => world.users[who].userId;
  const view = async (requestId: string) => (await world.users.clerk.client.get(`${world.base}/requests/${requestId}`)).json();

  it('the head of the applicant’s town decides first, and the governor only when the amount is over 10,000; HR is copied', async () => {
    const typeId = await defineType(world, tenant, '费用报销', [
      approve('head', [{ kind: 'head', levelsUp: 1 }]),
      {
        id: 'big',
        kind: 'condition',
        name: '金额',
        branches: [
          { id: 'over', name: '超过一万', when: { match: 'all', rules: [{ field: 'amount', op: 'gt', value: 10000 }] } },
          { id: 'else', name: '其他' },
        ],
      },
      approve('governor', [users(id('governor'))], { parent: { node: 'big', branch: 'over' } }),
      { id: 'copy', kind: 'cc', name: '抄送人事', approvers: [users(id('hr-manager'))] },
    ]);

    const small = await applyAs(world, 'clerk', typeId, { reason: '购买办公用品', amount: 5000 });
    expect(small.steps.map((s) => s.nodeId)).toEqual(['head', 'copy']);
    expect(small.steps[0].tasks.map((t) => t.approver.id)).toEqual([id('mayor')]);
    const inbox = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, user_id: id('mayor'), kind: 'approvals.task.waiting' });
    expect(inbox.length).toBe(1);
    expect((await decideAs(world, 'mayor', small.id, { action: 'approve', comment: '同意' })).statusCode).toBe(200);
    const done = await view(small.id);
    expect(done.status).toBe('approved');
    expect(
      (await world.users['hr-manager'].client.get(`${world.base}/requests?box=copied`)).json().items.map((r: { id: string }) => r.id),
    ).toContain(small.id);

    const big = await applyAs(world, 'clerk', typeId, { reason: '购置设备', amount: 20000 });
    expect(big.steps.map((s) => s.nodeId)).toEqual(['head', 'governor', 'copy']);
    await decideAs(world, 'mayor', big.id, { action: 'approve' });
    expect((await view(big.id)).status).toBe('pending');
    expect(await taskOf(world, 'governor', big.id)).toBeTruthy();
    await decideAs(world, 'governor', big.id, { action: 'approve' });
    expect((await view(big.id)).status).toBe('approved');
  });

  it('any one (或签) settles the step with the first approval; the other approver’s task closes and a late decision gets 409', async () => {
    const typeId = await defineType(world, tenant, '或签', [
      approve('finance', [{ kind: 'role', roleId: world.financeRoleId }], { mode: 'any' }),
    ]);
    const request = await applyAs(world, 'clerk', typeId, { reason: '报销' });
    const lateTask = await taskOf(world, 'finance2', request.id);
    await decideAs(world, 'finance1', request.id, { action: 'approve' });
    const late = await world.users.finance2.client.post(`${world.base}/tasks/${lateTask}/decision`, { action: 'approve' });
    expect(late.statusCode).toBe(409);
    const page = await view(request.id);
    expect(page.status).toBe('approved');
    expect(page.steps[0].tasks.map((t: { status: string }) => t.status).sort()).toEqual(['approved', 'cancelled']);
  });

  it('all (会签) waits for every approver; in order (依次) asks the second only after the first', async () => {
    const all = await defineType(world, tenant, '会签', [approve('finance', [users(id('finance1'), id('finance2'))], { mode: 'all' })]);
    const both = await applyAs(world, 'clerk', all, { reason: '会签' });
    await decideAs(world, 'finance1', both.id, { action: 'approve' });
    expect((await view(both.id)).status).toBe('pending');
    await decideAs(world, 'finance2', both.id, { action: 'approve' });
    expect((await view(both.id)).status).toBe('approved');

    const ordered = await defineType(world, tenant, '依次', [
      approve('finance', [users(id('finance1'), id('finance2'))], { mode: 'sequential' }),
    ]);
    const request = await applyAs(world, 'clerk', ordered, { reason: '依次' });
    expect(await taskOf(world, 'finance2', request.id)).toBeNull();
    await decideAs(world, 'finance1', request.id, { action: 'approve' });
    expect(await taskOf(world, 'finance2', request.id)).toBeTruthy();
    await decideAs(world, 'finance2', request.id, { action: 'approve' });
    expect((await view(request.id)).status).toBe('approved');
  });

  it('parallel branches run side by side and the step after them waits for both (the join)', async () => {
    const typeId = await defineType(world, tenant, '并行', [
      {
        id: 'split',
        kind: 'parallel',
        name: '并行审核',
        branches: [
          { id: 'money', name: '财务' },
          { id: 'people', name: '人事' },
        ],
      },
      approve('f', [users(id('finance1'))], { parent: { node: 'split', branch: 'money' } }),
      approve('h', [users(id('hr-manager'))], { parent: { node: 'split', branch: 'people' } }),
      approve('g', [users(id('governor'))]),
    ]);
    const request = await applyAs(world, 'clerk', typeId, { reason: '并行' });
    expect(await taskOf(world, 'finance1', request.id)).toBeTruthy();
    expect(await taskOf(world, 'hr-manager', request.id)).toBeTruthy();
    await decideAs(world, 'finance1', request.id, { action: 'approve' });
    expect(await taskOf(world, 'governor', request.id)).toBeNull();
    await decideAs(world, 'hr-manager', request.id, { action: 'approve' });
    expect(await taskOf(world, 'governor', request.id)).toBeTruthy();
  });

  it('a step whose approvers resolve to nobody goes to the county’s admins, or is skipped when the county says so', async () => {
    // The outsider's village has no head: nobody holds a head position in 白马村.
    const typeId = await defineType(world, tenant, '无人审批', [
      approve('head', [{ kind: 'head' }]),
      approve('g', [users(id('governor'))]),
    ]);
    const toAdmin = await applyAs(world, 'outsider', typeId, { reason: '无负责人' });
    const admins: string[] = await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, is_tenant_admin: true }).pluck('id');
    expect(toAdmin.steps[0].tasks.map((t) => t.approver.id)).toEqual(admins.sort());

    await tenant.admin.put(`${tenant.base}/modules/approvals/config`, { config: { emptyApprovers: 'skip' } });
    const skipped = await applyAs(world, 'outsider', typeId, { reason: '无负责人' });
    expect(skipped.steps.map((s) => s.status)).toEqual(['skipped', 'active']);
    await tenant.admin.put(`${tenant.base}/modules/approvals/config`, { config: { emptyApprovers: 'admin' } });
  });

  it('the same approver in two steps in a row approves once; the applicant’s own part passes', async () => {
    const typeId = await defineType(world, tenant, '去重', [
      approve('a', [users(id('mayor'))]),
      approve('b', [users(id('mayor'), id('clerk'))], { mode: 'all' }),
    ]);
    const request = await applyAs(world, 'clerk', typeId, { reason: '去重' });
    await decideAs(world, 'mayor', request.id, { action: 'approve' });
    const page = await view(request.id);
    expect(page.status).toBe('approved');
    expect(page.steps[1].tasks.map((t: { status: string }) => t.status)).toEqual(['auto', 'auto']);
    expect(page.history.filter((e: { kind: string }) => e.kind === 'auto_approved').length).toBe(2);
  });

  it('an applicant picks the approvers of a "chosen" step, from its list', async () => {
    const typeId = await defineType(world, tenant, '自选', [
      approve('pick', [{ kind: 'chosen', userIds: [id('finance1'), id('finance2')] }]),
    ]);
    const missing = await world.users.clerk.client.post(`${world.base}/requests`, { typeId, title: '自选', data: { reason: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('body.chosen.pick');
    const wrong = await world.users.clerk.client.post(`${world.base}/requests`, {
      typeId,
      title: '自选',
      data: { reason: 'x' },
      chosen: { pick: [id('governor')] },
    });
    expect(wrong.statusCode).toBe(400);
    const request = await applyAs(world, 'clerk', typeId, { reason: 'x' }, { chosen: { pick: [id('finance2')] } });
    expect(request.steps[0].tasks.map((t) => t.approver.id)).toEqual([id('finance2')]);
  });
});
