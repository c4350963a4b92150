import { uuidv7 } from 'uuidv7';
import { tenantAdminAccounts, type ModuleContext } from '../../../core/module-kit.ts';
import { approvalsConfig, type ApprovalsConfig } from '../approvals-config.ts';
import type { FlowNode } from '../schemas/flow.schema.ts';
import { resolveApprovers } from './approvers.ts';
import { deputiesToday } from './delegation.ts';
import { loadFlowVersion } from './flow-store.ts';
import { tellApplicant, tellApprovers, tellCopied } from './request-notices.ts';
import { recordEvents } from './request-events.ts';
import { DONE_STEP, DONE_TASK, liveSteps, type RequestRow, type StepRow, type TaskRow } from './request-row.ts';

/**
 * Moves a pending request forward as far as it goes: every waiting step whose predecessors are
 * all done starts (copy-to steps and steps nobody is left to decide finish at once, which may
 * start more), and when no step is left the request is approved. Called after submission and
 * after each decision, in the request's locked transaction.
 */
export async function advanceRequest(ctx: ModuleContext, request: RequestRow): Promise<void> {
  const config = await approvalsConfig(ctx.trx);
  const { tree } = await loadFlowVersion(ctx.trx, request.type_id, request.flow_version);
  for (;;) {
    if (request.status !== 'pending') return;
    const steps = await liveSteps(ctx.trx, request.id);
    const done = new Set(steps.filter((s) => (DONE_STEP as readonly string[]).includes(s.status)).map((s) => s.seq));
    const ready = steps.filter((s) => s.status === 'waiting' && s.after.every((seq) => done.has(seq)));
    if (ready.length === 0) {
      if (steps.every((s) => done.has(s.seq))) await completeRequest(ctx, request);
      return;
    }
    // One at a time, reading the steps again after each: starting one may finish it and start others.
    await startStep(ctx, request, ready[0], tree.nodes.get(ready[0].node_id)!, steps, config);
  }
}

async function startStep(
  ctx: ModuleContext,
  request: RequestRow,
  step: StepRow,
  node: FlowNode,
  steps: StepRow[],
  config: ApprovalsConfig,
): Promise<void> {
  const applicant = { userId: request.applicant_user_id, unitId: request.applicant_unit_id, chosen: request.chosen };
  let approvers = await resolveApprovers(ctx.trx, node.id, node.approvers ?? [], applicant, config);
  if (step.kind === 'cc') {
    await copyTo(ctx, request, step, approvers);
    return;
  }
  let passedToAdmins = false;
  if (approvers.length === 0 && config.emptyApprovers === 'admin') {
    approvers = await tenantAdminAccounts(ctx.trx);
    passedToAdmins = approvers.length > 0;
  }
  if (approvers.length === 0) {
    await finishStep(ctx, step, 'skipped');
    await recordEvents(ctx, [
      { requestId: request.id, stepId: step.id, kind: 'step_skipped', actorUserId: null, data: { reason: 'no_approver' } },
    ]);
    return;
  }
  // Who already approved the step just before this one approves this one too, once (DingTalk's 去重);
  // the applicant's own part passes at once when the county says so.
  const approvedBefore = await approversOf(
    ctx,
    steps.filter((s) => step.after.includes(s.seq)),
  );
  const passes = (userId: string) =>
    approvedBefore.has(userId) || (config.applicantApprover === 'skip' && userId === request.applicant_user_id);
  const deputies = await deputiesToday(ctx.trx, approvers, ctx.now, ctx.timeZone);
  const chains = step.mode === 'sequential' ? [approvers] : approvers.map((a) => [a]);
  const rows = chains.flatMap((chain, c) =>
    chain.map((userId, position) => ({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      request_id: request.id,
      step_id: step.id,
      chain: c,
      position,
      approver_user_id: passes(userId) ? userId : (deputies.get(userId) ?? userId),
      on_behalf_of: passes(userId) ? null : deputies.has(userId) ? userId : null,
      status: passes(userId) ? 'auto' : 'queued',
      decided_at: passes(userId) ? ctx.now : null,
      created_at: ctx.now,
    })),
  );
  await ctx.trx('approval_task').insert(rows);
  await ctx.trx('approval_step').where({ id: step.id }).update({ status: 'active', started_at: ctx.now });
  await recordEvents(ctx, [
    { requestId: request.id, stepId: step.id, kind: 'step_started', actorUserId: null, data: { passedToAdmins } },
    ...rows
      .filter((r) => r.status === 'auto')
      .map((r) => ({ requestId: request.id, stepId: step.id, kind: 'auto_approved' as const, actorUserId: r.approver_user_id })),
  ]);
  await wakeChains(ctx, request, { ...step, status: 'active' });
}

/** The accounts that approved these steps themselves (not passed on, not automatic). */
async function approversOf(ctx: ModuleContext, steps: StepRow[]): Promise<Set<string>> {
  if (steps.length === 0) return new Set();
  const rows: string[] = await ctx
    .trx('approval_task')
    .whereIn(
      'step_id',
      steps.map((s) => s.id),
    )
    .whereIn('status', ['approved', 'auto'])
    .pluck('approver_user_id');
  return new Set(rows);
}

/**
 * After a step starts or one of its tasks is decided: each chain's first undecided task becomes
 * `waiting` (its approver is told); when the step's rule is met — any one chain done (或签), or
 * all of them (会签, 依次) — the step is approved, what is still open in it is cancelled, and
 * the request moves on.
 */
export async function wakeChains(ctx: ModuleContext, request: RequestRow, step: StepRow): Promise<void> {
  const tasks: TaskRow[] = await ctx
    .trx('approval_task')
    .where({ step_id: step.id })
    .whereNotIn('status', ['transferred', 'cancelled'])
    .orderBy([{ column: 'chain' }, { column: 'position' }]);
  const chains = new Map<number, TaskRow[]>();
  for (const task of tasks) chains.set(task.chain, [...(chains.get(task.chain) ?? []), task]);
  const isDone = (chain: TaskRow[]) => chain.every((t) => (DONE_TASK as readonly string[]).includes(t.status));
  const chainList = [...chains.values()];
  const stepDone = step.mode === 'any' ? chainList.some(isDone) : chainList.every(isDone);
  if (stepDone) {
    await ctx.trx('approval_task').where({ step_id: step.id }).whereIn('status', ['queued', 'waiting']).update({ status: 'cancelled' });
    await finishStep(ctx, step, 'approved');
    await advanceRequest(ctx, request);
    return;
  }
  const woken = chainList.flatMap((chain) => {
    const next = chain.find((t) => !(DONE_TASK as readonly string[]).includes(t.status));
    return next && next.status === 'queued' ? [next] : [];
  });
  if (woken.length === 0) return;
  await ctx
    .trx('approval_task')
    .whereIn(
      'id',
      woken.map((t) => t.id),
    )
    .update({ status: 'waiting', created_at: ctx.now });
  await tellApprovers(
    ctx,
    request,
    woken.map((t) => t.approver_user_id),
  );
}

export async function finishStep(ctx: ModuleContext, step: StepRow, status: 'approved' | 'skipped' | 'rejected'): Promise<void> {
  await ctx.trx('approval_step').where({ id: step.id }).update({ status, finished_at: ctx.now });
}

async function copyTo(ctx: ModuleContext, request: RequestRow, step: StepRow, userIds: string[]): Promise<void> {
  if (userIds.length > 0)
    await ctx
      .trx('approval_cc')
      .insert(userIds.map((userId) => ({ tenant_id: ctx.tenantId, request_id: request.id, user_id: userId, created_at: ctx.now })))
      .onConflict(['tenant_id', 'request_id', 'user_id'])
      .ignore();
  await ctx.trx('approval_step').where({ id: step.id }).update({ status: 'approved', started_at: ctx.now, finished_at: ctx.now });
  await recordEvents(ctx, [{ requestId: request.id, stepId: step.id, kind: 'copied', actorUserId: null, data: { userIds } }]);
  await tellCopied(ctx, request, userIds);
}

async function completeRequest(ctx: ModuleContext, request: RequestRow): Promise<void> {
  await ctx.trx('approval_request').where({ id: request.id }).update({ status: 'approved', finished_at: ctx.now, updated_at: ctx.now });
  await recordEvents(ctx, [{ requestId: request.id, kind: 'completed', actorUserId: null, data: { status: 'approved' } }]);
  await ctx.emitEvent(ctx.trx, ctx.tenantId, 'approvals.approved', { requestId: request.id, typeId: request.type_id });
  await tellApplicant(ctx, request, 'request.approved', {});
  request.status = 'approved';
}
