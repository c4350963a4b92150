import { uuidv7 } from 'uuidv7';
import { accountFacts, badRequest, conflict, forbidden, notFound, type ModuleContext } from '../../../core/module-kit.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';
import type { DecideInput } from '../schemas/request.schema.ts';
import { standsInFor } from './delegation.ts';
import { tellApplicant, tellApprovers } from './request-notices.ts';
import { recordEvents } from './request-events.ts';
import { closeOpenWork } from './request.service.ts';
import { lockRequest, type RequestRow, type StepRow, type TaskRow } from './request-row.ts';
import { advanceRequest, wakeChains } from './step-engine.ts';

/**
 * One decision on one task. The request is locked first, so two approvers deciding at once are
 * served one after the other: the second finds the task (or the whole step, in 或签) already
 * decided and gets a 409, and exactly one decision counts. Only the task's approver decides it,
 * or their deputy of the day (recorded as made on their behalf).
 */
export async function decide(ctx: ModuleContext, taskId: string, input: DecideInput): Promise<RequestRow> {
  const found: { request_id: string } | undefined = await ctx.trx('approval_task').where({ id: taskId }).first('request_id');
  if (!found) throw notFound(APPROVAL_ERRORS.REQUEST_NOT_FOUND, 'No such task');
  const request = await lockRequest(ctx.trx, found.request_id);
  const task: TaskRow = await ctx.trx('approval_task').where({ id: taskId }).first();
  const actor = ctx.userId as string;
  const onBehalfOf = task.approver_user_id === actor ? task.on_behalf_of : await deputyFor(ctx, task, actor);
  if (request.status !== 'pending' || task.status !== 'waiting')
    throw conflict(APPROVAL_ERRORS.ALREADY_DECIDED, 'This task is no longer waiting for a decision', [
      { path: 'params.id', message: `is ${task.status}` },
    ]);
  const step: StepRow = await ctx.trx('approval_step').where({ id: task.step_id }).first();
  const comment = input.comment?.trim() ?? '';
  const event = { requestId: request.id, stepId: step.id, onBehalfOf, comment, attachmentIds: input.attachmentIds ?? [] };
  const needsReason = () => {
    if (!comment)
      throw badRequest(APPROVAL_ERRORS.REQUEST_INVALID, 'Give a reason', [
        { path: 'body.comment', message: `is required to ${input.action}` },
      ]);
  };
  const settle = (status: TaskRow['status']) =>
    ctx
      .trx('approval_task')
      .where({ id: task.id })
      .update({ status, decided_by: actor, on_behalf_of: onBehalfOf, decided_at: ctx.now, comment });

  switch (input.action) {
    case 'approve':
      await settle('approved');
      await recordEvents(ctx, [{ ...event, kind: 'approved' }]);
      await wakeChains(ctx, request, step);
      break;
    case 'reject':
      needsReason();
      await settle('rejected');
      await closeOpenWork(ctx, request.id);
      await ctx.trx('approval_step').where({ id: step.id }).update({ status: 'rejected', finished_at: ctx.now });
      await ctx.trx('approval_request').where({ id: request.id }).update({ status: 'rejected', finished_at: ctx.now, updated_at: ctx.now });
      await recordEvents(ctx, [{ ...event, kind: 'rejected' }]);
      await ctx.emitEvent(ctx.trx, ctx.tenantId, 'approvals.rejected', { requestId: request.id, typeId: request.type_id });
      await tellApplicant(ctx, request, 'request.rejected', { by: await nameOf(ctx, actor), reason: comment });
      break;
    case 'return':
      needsReason();
      await settle('returned');
      if (input.toStepId) await returnToStep(ctx, request, step, input.toStepId, event);
      else {
        await closeOpenWork(ctx, request.id);
        await ctx.trx('approval_request').where({ id: request.id }).update({ status: 'returned', updated_at: ctx.now });
        await recordEvents(ctx, [{ ...event, kind: 'returned' }]);
        await tellApplicant(ctx, request, 'request.returned', { by: await nameOf(ctx, actor), reason: comment });
      }
      break;
    case 'transfer':
    case 'addBefore':
    case 'addAfter':
      await handOver(ctx, request, step, task, input.action, await colleague(ctx, input.toUserId, task, request), event);
      break;
  }
  return request;
}

async function deputyFor(ctx: ModuleContext, task: TaskRow, actor: string): Promise<string> {
  if (!(await standsInFor(ctx.trx, actor, task.approver_user_id, ctx.now, ctx.timeZone)))
    throw forbidden(APPROVAL_ERRORS.NOT_APPROVER, 'This task is not yours to decide');
  return task.approver_user_id;
}

async function nameOf(ctx: ModuleContext, userId: string): Promise<string> {
  return (await accountFacts(ctx.trx, [userId])).get(userId)?.displayName ?? '';
}

/** The account a task is handed to: active, of this county, not the one handing it, not already on the step. */
async function colleague(ctx: ModuleContext, userId: string | undefined, task: TaskRow, request: RequestRow): Promise<string> {
  const refuse = (message: string) =>
    badRequest(APPROVAL_ERRORS.REQUEST_INVALID, 'Cannot hand the task to that account', [{ path: 'body.toUserId', message }]);
  if (!userId) throw refuse('is required');
  if (!(await accountFacts(ctx.trx, [userId])).get(userId)?.active) throw refuse('is not an active account of this county');
  if (userId === task.approver_user_id || userId === ctx.userId) throw refuse('is the task’s own approver');
  if (userId === request.applicant_user_id) throw refuse('is the applicant');
  const onStep = await ctx
    .trx('approval_task')
    .where({ step_id: task.step_id, approver_user_id: userId })
    .whereIn('status', ['queued', 'waiting'])
    .first('id');
  if (onStep) throw refuse('already has this step to decide');
  return userId;
}

/**
 * 转交: the task passes to another account in the same place. 加签 before: the other decides
 * first, then the task comes back; after: the other decides once this task is approved. Both are
 * inserted into the task's chain, so the step's rule (any, all, in order) still holds.
 */
async function handOver(
  ctx: ModuleContext,
  request: RequestRow,
  step: StepRow,
  task: TaskRow,
  action: 'transfer' | 'addBefore' | 'addAfter',
  to: string,
  event: { requestId: string; stepId: string; onBehalfOf: string | null; comment: string; attachmentIds: string[] },
): Promise<void> {
  const row = {
    tenant_id: ctx.tenantId,
    request_id: request.id,
    step_id: step.id,
    chain: task.chain,
    approver_user_id: to,
    added_by: ctx.userId,
    created_at: ctx.now,
  };
  const shift = (from: number) =>
    ctx
      .trx('approval_task')
      .where({ step_id: step.id, chain: task.chain })
      .where('position', '>=', from)
      .whereNotIn('status', ['transferred', 'cancelled'])
      .increment('position', 1);
  if (action === 'transfer') {
    await ctx.trx('approval_task').where({ id: task.id }).update({
      status: 'transferred',
      decided_by: ctx.userId,
      on_behalf_of: event.onBehalfOf,
      decided_at: ctx.now,
      comment: event.comment,
    });
    await ctx.trx('approval_task').insert({ ...row, id: uuidv7(), position: task.position, status: 'waiting' });
    await recordEvents(ctx, [{ ...event, kind: 'transferred', data: { toUserId: to, toUserName: await nameOf(ctx, to) } }]);
    await tellApprovers(ctx, request, [to]);
  } else if (action === 'addBefore') {
    await shift(task.position);
    await ctx.trx('approval_task').where({ id: task.id }).update({ status: 'queued' });
    await ctx.trx('approval_task').insert({ ...row, id: uuidv7(), position: task.position, status: 'waiting' });
    await recordEvents(ctx, [{ ...event, kind: 'added_before', data: { toUserId: to, toUserName: await nameOf(ctx, to) } }]);
    await tellApprovers(ctx, request, [to]);
  } else {
    await shift(task.position + 1);
    await ctx.trx('approval_task').insert({ ...row, id: uuidv7(), position: task.position + 1, status: 'queued' });
    await recordEvents(ctx, [{ ...event, kind: 'added_after', data: { toUserId: to, toUserName: await nameOf(ctx, to) } }]);
  }
}

/**
 * Returns the request to an earlier step that was approved: that step and every step after it
 * (those waiting on it, directly or not) are laid out again as new steps, and the old ones —
 * with the decisions made in them, which stay in the history — are cancelled.
 */
async function returnToStep(
  ctx: ModuleContext,
  request: RequestRow,
  current: StepRow,
  toStepId: string,
  event: { requestId: string; stepId: string; onBehalfOf: string | null; comment: string; attachmentIds: string[] },
): Promise<void> {
  const steps: StepRow[] = await ctx.trx('approval_step').where({ request_id: request.id }).whereNot('status', 'cancelled').orderBy('seq');
  const target = steps.find((s) => s.id === toStepId);
  const refuse = () =>
    badRequest(APPROVAL_ERRORS.REQUEST_INVALID, 'Cannot return to that step', [
      { path: 'body.toStepId', message: 'is not an earlier approved step of this request' },
    ]);
  if (!target || target.kind !== 'approve' || target.status !== 'approved') throw refuse();
  const again = new Set([target.seq]);
  for (const step of steps) if (step.after.some((seq) => again.has(seq))) again.add(step.seq);
  if (!again.has(current.seq)) throw refuse();
  const redo = steps.filter((s) => again.has(s.seq));
  const last = (await ctx.trx('approval_step').where({ request_id: request.id }).max('seq as seq').first()) as { seq: number };
  const renumbered = new Map(redo.map((s, i) => [s.seq, last.seq + 1 + i]));
  await ctx
    .trx('approval_task')
    .whereIn(
      'step_id',
      redo.map((s) => s.id),
    )
    .whereIn('status', ['queued', 'waiting'])
    .update({ status: 'cancelled' });
  await ctx
    .trx('approval_step')
    .whereIn(
      'id',
      redo.map((s) => s.id),
    )
    .update({ status: 'cancelled', finished_at: ctx.now });
  await ctx.trx('approval_step').insert(
    redo.map((s) => ({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      request_id: request.id,
      node_id: s.node_id,
      seq: renumbered.get(s.seq),
      kind: s.kind,
      name: s.name,
      mode: s.mode,
      after: JSON.stringify(s.after.map((seq) => renumbered.get(seq) ?? seq)),
      status: 'waiting',
    })),
  );
  await recordEvents(ctx, [{ ...event, kind: 'returned_to_step', data: { toStepId, toStepName: target.name } }]);
  await advanceRequest(ctx, request);
}
