import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { applyAs, approvalsWorld, approve, decideAs, defineType, taskOf, users, type ApprovalsWorld } from './approvals-world.ts';

/**
 * What approvers and applicants do with a request: transfer (转交), add an approver before or
 * after oneself (加签), return to the applicant or to an earlier step, reject with a reason,
 * withdraw, urge, decide for a colleague while they are away (委托) — and that two approvers
 * deciding at once count once, and a flow edited meanwhile leaves requests in flight alone.
 */
describe('approvals: decisions', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: ApprovalsWorld;
  let twoSteps: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('shizhong');
    world = await approvalsWorld(platform, tenant);
    twoSteps = await defineType(world, tenant, '请假', [
      approve('first', [users(id('mayor'))]),
      approve('second', [users(id('governor'))]),
    ]);
  });
  afterAll(() => platform?.stop());

  const id = (who: keyof ApprovalsWorld['users']) => world.users[who].userId;
  const view = async (requestId: string) => (await world.users.clerk.client.get(`${world.base}/requests/${requestId}`)).json();
  const kinds = (page: { history: { kind: string }[] }) => page.history.map((e) => e.kind);

  it('a transfer hands the task to a colleague, who decides in the approver’s place; everyone sees the history', async () => {
    const request = await applyAs(world, 'clerk', twoSteps, { reason: '探亲' });
    const moved = await decideAs(world, 'mayor', request.id, { action: 'transfer', toUserId: id('deputy'), comment: '请王副镇长审批' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await taskOf(world, 'mayor', request.id)).toBeNull();
    await decideAs(world, 'deputy', request.id, { action: 'approve' });
    await decideAs(world, 'governor', request.id, { action: 'approve' });
    const page = await view(request.id);
    expect(page.status).toBe('approved');
    expect(kinds(page)).toEqual(['submitted', 'step_started', 'transferred', 'approved', 'step_started', 'approved', 'completed']);
    // The mayor, who passed it on, still reads the whole request.
    expect((await world.users.mayor.client.get(`${world.base}/requests/${request.id}`)).statusCode).toBe(200);
  });

  it('加签 before: the added approver decides first and the task comes back; after: the added one decides last', async () => {
    const before = await applyAs(world, 'clerk', twoSteps, { reason: '加签前' });
    await decideAs(world, 'mayor', before.id, { action: 'addBefore', toUserId: id('finance1') });
    expect(await taskOf(world, 'mayor', before.id)).toBeNull();
    await decideAs(world, 'finance1', before.id, { action: 'approve' });
    expect(await taskOf(world, 'mayor', before.id)).toBeTruthy();

    const after = await applyAs(world, 'clerk', twoSteps, { reason: '加签后' });
    await decideAs(world, 'mayor', after.id, { action: 'addAfter', toUserId: id('finance2') });
    expect(await taskOf(world, 'finance2', after.id)).toBeNull();
    await decideAs(world, 'mayor', after.id, { action: 'approve' });
    expect(await taskOf(world, 'governor', after.id)).toBeNull();
    await decideAs(world, 'finance2', after.id, { action: 'approve' });
    expect(await taskOf(world, 'governor', after.id)).toBeTruthy();
  });

  it('returned to the applicant, the request is changed and sent again from the first step; returned to a step, it starts there again', async () => {
    const request = await applyAs(world, 'clerk', twoSteps, { reason: '初稿' });
    const noReason = await decideAs(world, 'mayor', request.id, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.comment');
    await decideAs(world, 'mayor', request.id, { action: 'return', comment: '请写明天数' });
    expect((await view(request.id)).status).toBe('returned');
    const resent = await world.users.clerk.client.put(`${world.base}/requests/${request.id}`, {
      title: '请假',
      data: { reason: '探亲', days: 3 },
    });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json().status).toBe('pending');
    await decideAs(world, 'mayor', request.id, { action: 'approve' });

    const page = await view(request.id);
    const first = page.steps.find((s: { nodeId: string; status: string }) => s.nodeId === 'first' && s.status === 'approved');
    await decideAs(world, 'governor', request.id, { action: 'return', toStepId: first.id, comment: '镇里再核实' });
    expect(await taskOf(world, 'mayor', request.id)).toBeTruthy();
    expect(await taskOf(world, 'governor', request.id)).toBeNull();
    await decideAs(world, 'mayor', request.id, { action: 'approve' });
    await decideAs(world, 'governor', request.id, { action: 'approve' });
    const finished = await view(request.id);
    expect(finished.status).toBe('approved');
    expect(kinds(finished)).toContain('resubmitted');
    expect(kinds(finished)).toContain('returned_to_step');
  });

  it('a rejection needs a reason and ends the request; the applicant is told; a decision on a finished request is a 409', async () => {
    const request = await applyAs(world, 'clerk', twoSteps, { reason: '驳回' });
    const taskId = await taskOf(world, 'mayor', request.id);
    const rejected = await world.users.mayor.client.post(`${world.base}/tasks/${taskId}/decision`, {
      action: 'reject',
      comment: '理由不充分',
    });
    expect(rejected.json().status).toBe('rejected');
    const told = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, user_id: id('clerk'), kind: 'approvals.request.rejected' });
    expect(told.length).toBeGreaterThan(0);
    const again = await world.users.mayor.client.post(`${world.base}/tasks/${taskId}/decision`, { action: 'approve' });
    expect(again.statusCode).toBe(409);
  });

  it('the applicant withdraws before anyone decides, not after; urges once a day', async () => {
    const early = await applyAs(world, 'clerk', twoSteps, { reason: '撤回' });
    const urged = await world.users.clerk.client.post(`${world.base}/requests/${early.id}/urge`, {});
    expect(urged.statusCode).toBe(200);
    expect((await world.users.clerk.client.post(`${world.base}/requests/${early.id}/urge`, {})).statusCode).toBe(429);
    const urgedNote = await platform
      .ownerQuery('core_notification')
      .where({ tenant_id: tenant.id, user_id: id('mayor'), kind: 'approvals.task.urged' });
    expect(urgedNote.length).toBe(1);
    const withdrawn = await world.users.clerk.client.post(`${world.base}/requests/${early.id}/withdraw`, { reason: '不需要了' });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(await taskOf(world, 'mayor', early.id)).toBeNull();

    const late = await applyAs(world, 'clerk', twoSteps, { reason: '撤回晚了' });
    await decideAs(world, 'mayor', late.id, { action: 'approve' });
    expect((await world.users.clerk.client.post(`${world.base}/requests/${late.id}/withdraw`, {})).statusCode).toBe(409);
  });

  it('a deputy decides while the approver is away, recorded as on their behalf; others cannot decide at all', async () => {
    const request = await applyAs(world, 'clerk', twoSteps, { reason: '委托' });
    const mayorsTask = await taskOf(world, 'mayor', request.id);
    const stranger = await world.users.finance1.client.post(`${world.base}/tasks/${mayorsTask}/decision`, { action: 'approve' });
    expect(stranger.statusCode).toBe(403);
    const made = await world.users.mayor.client.post(`${world.base}/delegations`, {
      deputyUserId: id('deputy'),
      startsOn: '2026-01-01',
      endsOn: '2099-12-31',
    });
    expect(made.statusCode, made.body).toBe(201);
    const waiting = await world.users.deputy.client.get(`${world.base}/requests?box=waiting`);
    expect(waiting.json().items.map((r: { id: string }) => r.id)).toContain(request.id);
    const decided = await world.users.deputy.client.post(`${world.base}/tasks/${mayorsTask}/decision`, {
      action: 'approve',
      comment: '代批',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const approval = decided.json().history.find((e: { kind: string }) => e.kind === 'approved');
    expect(approval.actor.id).toBe(id('deputy'));
    expect(approval.onBehalfOf.id).toBe(id('mayor'));
    await world.users.mayor.client.post(`${world.base}/delegations/${made.json().id}/revoke`, {});
  });

  it('two approvers deciding one 或签 step at the same moment: exactly one decision counts', async () => {
    const typeId = await defineType(world, tenant, '并发', [approve('pair', [users(id('finance1'), id('finance2'))], { mode: 'any' })]);
    const request = await applyAs(world, 'clerk', typeId, { reason: '并发' });
    const [t1, t2] = [await taskOf(world, 'finance1', request.id), await taskOf(world, 'finance2', request.id)];
    const answers = await Promise.all([
      world.users.finance1.client.post(`${world.base}/tasks/${t1}/decision`, { action: 'approve' }),
      world.users.finance2.client.post(`${world.base}/tasks/${t2}/decision`, { action: 'reject', comment: '不同意' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const page = await view(request.id);
    const decided = page.steps[0].tasks.filter((t: { status: string }) => ['approved', 'rejected'].includes(t.status));
    expect(decided.length).toBe(1);
    expect(page.status).toBe(decided[0].status === 'approved' ? 'approved' : 'rejected');
  });

  it('a flow edited while requests are in flight: they keep their version; new requests take the new one', async () => {
    const typeId = await defineType(world, tenant, '改流程', [approve('one', [users(id('mayor'))])]);
    const inFlight = await applyAs(world, 'clerk', typeId, { reason: '旧流程' });
    const edited = await tenant.admin.put(`${world.base}/types/${typeId}`, {
      name: '改流程',
      formId: world.formId,
      flow: { nodes: [approve('one', [users(id('governor'))])] },
    });
    expect(edited.json().version).toBe(2);
    await decideAs(world, 'mayor', inFlight.id, { action: 'approve' });
    expect((await view(inFlight.id)).status).toBe('approved');
    const fresh = await applyAs(world, 'clerk', typeId, { reason: '新流程' });
    expect(fresh.steps[0].tasks.map((t) => t.approver.id)).toEqual([id('governor')]);
  });

  it('batch approve from "waiting for me" decides each task on its own; the lists and the badge follow', async () => {
    const a = await applyAs(world, 'clerk', twoSteps, { reason: '批量一' });
    const b = await applyAs(world, 'clerk', twoSteps, { reason: '批量二' });
    const counts = (await world.users.mayor.client.get(`${world.base}/requests/counts`)).json();
    expect(counts.waiting).toBeGreaterThanOrEqual(2);
    const tasks = [await taskOf(world, 'mayor', a.id), await taskOf(world, 'mayor', b.id)];
    const batch = await world.users.mayor.client.post(`${world.base}/tasks/batch-approve`, { taskIds: tasks });
    expect(batch.json()).toEqual({ approved: tasks, failed: [] });
    const handled = (await world.users.mayor.client.get(`${world.base}/requests?box=handled&limit=2`)).json();
    expect(handled.items.map((r: { id: string }) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(handled.nextCursor).toBeTruthy();
    const next = await world.users.mayor.client.get(`${world.base}/requests?box=handled&limit=2&cursor=${handled.nextCursor}`);
    expect(next.statusCode).toBe(200);
    expect(next.json().items.map((r: { id: string }) => r.id)).not.toContain(a.id);
    const mine = (await world.users.clerk.client.get(`${world.base}/requests?box=mine&status=pending`)).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));
  });
  it('managers see counts by state and the time each step takes, and download them as .xlsx; others may not', async () => {
    const stats = await world.users['hr-manager'].client.get(`${world.base}/stats`);
    expect(stats.statusCode, stats.body).toBe(200);
    const leave = stats.json().types.find((t: { typeName: string }) => t.typeName === '请假');
    expect(leave.submitted).toBe(10);
    expect(leave.approved).toBe(2);
    expect(leave.rejected).toBe(1);
    expect(leave.withdrawn).toBe(1);
    const first = stats
      .json()
      .steps.find((s: { typeName: string; stepName: string }) => s.typeName === '请假' && s.stepName === '审批first');
    expect(first.finished).toBeGreaterThan(0);
    expect(first.hoursPerStep).not.toBeNull();
    const sheet = await world.users['hr-manager'].client.get(`${world.base}/stats/export?lang=en`);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    expect((await world.users.clerk.client.get(`${world.base}/stats`)).statusCode).toBe(403);
    const backwards = await world.users['hr-manager'].client.get(`${world.base}/stats?from=2026-12-31&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
  });
});

describe('approvals: bad flows and bad requests are refused, naming the field, writing nothing', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: ApprovalsWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('shizhong');
    world = await approvalsWorld(platform, tenant);
  });
  afterAll(() => platform?.stop());

  const define = (nodes: unknown[]) => tenant.admin.post(`${world.base}/types`, { name: '坏流程', formId: world.formId, flow: { nodes } });
  const paths = (response: { json(): { error: { details: { path: string }[] } } }) => response.json().error.details.map((d) => d.path);

  it('refuses a flow with no approval node, a loop of branches, a rule on a field the form lacks, and an approver of another county', async () => {
    const other = await platform.createTenant('other');
    const foreignUser: { id: string } = await platform.ownerQuery('core_user').where({ tenant_id: other.id }).first('id');
    const noApprover = await define([{ id: 'c', kind: 'cc', name: '抄送', approvers: [users(world.users.mayor.userId)] }]);
    expect(noApprover.statusCode).toBe(400);
    expect(paths(noApprover)).toEqual(['body.flow.nodes']);
    const loop = await define([
      approve('a', [users(world.users.mayor.userId)]),
      {
        id: 'x',
        kind: 'parallel',
        name: '甲',
        parent: { node: 'y', branch: 'b1' },
        branches: [
          { id: 'b1', name: '1' },
          { id: 'b2', name: '2' },
        ],
      },
      {
        id: 'y',
        kind: 'parallel',
        name: '乙',
        parent: { node: 'x', branch: 'b1' },
        branches: [
          { id: 'b1', name: '1' },
          { id: 'b2', name: '2' },
        ],
      },
    ]);
    expect(loop.statusCode).toBe(400);
    expect(paths(loop)).toEqual(expect.arrayContaining(['body.flow.nodes[1].parent', 'body.flow.nodes[2].parent']));
    const unknownField = await define([
      {
        id: 'c',
        kind: 'condition',
        name: '条件',
        branches: [
          { id: 'a', name: 'a', when: { match: 'all', rules: [{ field: 'salary', op: 'gt', value: 1 }] } },
          { id: 'b', name: 'b' },
        ],
      },
      approve('x', [users(world.users.mayor.userId)]),
    ]);
    expect(paths(unknownField)).toEqual(['body.flow.nodes[0].branches[0].when.rules[0].field']);
    const foreign = await define([approve('a', [users(foreignUser.id)])]);
    expect(paths(foreign)).toEqual(['body.flow.nodes[0].approvers[0].userIds[0]']);
    const types = await platform.ownerQuery('approval_type').where({ tenant_id: tenant.id }).count({ n: '*' });
    expect(Number(types[0].n)).toBe(0);
  });

  it('refuses answers the form does not accept and script in the title, writing no request', async () => {
    const typeId = await defineType(world, tenant, '请假', [approve('a', [users(world.users.mayor.userId)])]);
    const badAnswers = await world.users.clerk.client.post(`${world.base}/requests`, { typeId, title: '请假', data: { days: -1 } });
    expect(badAnswers.statusCode).toBe(400);
    expect(paths(badAnswers).every((p) => p.startsWith('body.data'))).toBe(true);
    const script = await world.users.clerk.client.post(`${world.base}/requests`, {
      typeId,
      title: '<script>alert(1)</script>',
      data: { reason: 'x' },
    });
    expect(script.statusCode).toBe(400);
    expect(paths(script)).toEqual(['body.title']);
    const rows = await platform.ownerQuery('approval_request').where({ tenant_id: tenant.id }).count({ n: '*' });
    expect(Number(rows[0].n)).toBe(0);
  });

  it('a request is a 404 to people it does not concern; a draft is its applicant’s alone', async () => {
    const typeId = await defineType(world, tenant, '私密', [approve('a', [users(world.users.mayor.userId)])]);
    const draft = await world.users.clerk.client.post(`${world.base}/requests`, {
      typeId,
      title: '草稿',
      data: { reason: 'x' },
      submit: false,
    });
    expect(draft.json().status).toBe('draft');
    expect((await world.users.mayor.client.get(`${world.base}/requests/${draft.json().id}`)).statusCode).toBe(404);
    const sent = await world.users.clerk.client.put(`${world.base}/requests/${draft.json().id}`, { title: '草稿', data: { reason: 'x' } });
    expect(sent.json().status).toBe('pending');
    expect((await world.users.mayor.client.get(`${world.base}/requests/${draft.json().id}`)).statusCode).toBe(200);
    expect((await world.users.outsider.client.get(`${world.base}/requests/${draft.json().id}`)).statusCode).toBe(404);
    expect((await world.users['hr-manager'].client.get(`${world.base}/requests/${draft.json().id}`)).statusCode).toBe(200);
  });
});
