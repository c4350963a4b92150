import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, conflict, countyDateTime, type ModuleContext } from '../../../core/module-kit.ts';
import type { AssignmentAccess } from './assignment-access.ts';
import { scheduleDeadlineLights } from './deadline-lights.jobs.ts';
import { DeadlineResolver, type DeadlineInput } from './deadline.ts';
import { recomputeTaskLights } from './light.service.ts';
import { assignmentUsers } from './recipients.ts';
import { appendTimeline } from './timeline.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface NewExtension extends DeadlineInput {
  reason: string;
}

interface LockedAssignment {
  deadline: Date;
  parent_deadline: Date | null;
}

async function lockAssignment(trx: Knex.Transaction, assignmentId: string): Promise<LockedAssignment> {
  const row: { deadline: Date; parent_id: string | null } = await trx('dispatch_assignment')
    .where({ id: assignmentId })
    .forUpdate()
    .first('deadline', 'parent_id');
  const parent: { deadline: Date } | undefined = row.parent_id
    ? await trx('dispatch_assignment').where({ id: row.parent_id }).first('deadline')
    : undefined;
  return { deadline: new Date(row.deadline), parent_deadline: parent ? new Date(parent.deadline) : null };
}

/**
 * A responsible unit asks for a later deadline. The new one must lie in the future, after the
 * current one and, for a subtask, not after its parent's (a unit cannot give its sub-unit more time
 * than it has). A top-level assignment may ask past the task's deadline: the supervisor decides.
 * One pending request per assignment (409 for a second).
 */
export async function requestExtension(ctx: ModuleContext, access: AssignmentAccess, input: NewExtension): Promise<string> {
  const { trx } = ctx;
  const node = access.node;
  const current = await lockAssignment(trx, node.id);
  const field = `body.${input.deadline !== undefined ? 'deadline' : 'deadlineWorkingDays'}`;
  const requested = await new DeadlineResolver(trx, ctx.now, ctx.timeZone).resolve(input, 'body');
  if (!requested)
    throw badRequest(DISPATCH_ERRORS.DEADLINE_REQUIRED, 'Say until when', [
      { path: 'body.deadline', message: 'is required (or deadlineWorkingDays)' },
    ]);
  if (requested.getTime() <= current.deadline.getTime()) {
    throw badRequest(DISPATCH_ERRORS.EXTENSION_NOT_LATER, 'An extension must end after the current deadline', [
      { path: field, message: `is not after the current deadline ${countyDateTime(current.deadline, ctx.timeZone)}` },
    ]);
  }
  if (current.parent_deadline && requested.getTime() > current.parent_deadline.getTime()) {
    throw badRequest(DISPATCH_ERRORS.DEADLINE_AFTER_PARENT, 'A subtask cannot run past its parent assignment', [
      { path: field, message: `is after the parent assignment’s deadline ${countyDateTime(current.parent_deadline, ctx.timeZone)}` },
    ]);
  }
  const pending = await trx('dispatch_extension').where({ assignment_id: node.id, status: 'pending' }).first('id');
  if (pending) throw conflict(DISPATCH_ERRORS.EXTENSION_PENDING, 'An extension request of this assignment waits for a decision');

  const id = uuidv7();
  await trx('dispatch_extension').insert({
    tenant_id: ctx.tenantId,
    id,
    task_id: access.task.id,
    assignment_id: node.id,
    current_deadline: current.deadline,
    requested_deadline: requested,
    reason: input.reason,
    requested_by: ctx.userId,
    created_at: ctx.now,
  });
  await appendTimeline(ctx, [
    {
      taskId: access.task.id,
      assignmentId: node.id,
      kind: 'extension.requested',
      data: { extensionId: id, from: current.deadline.toISOString(), to: requested.toISOString(), reason: input.reason },
    },
  ]);
  // Those who decide: the task's creator, and for a subtask the unit that re-dispatched it.
  const parentUsers = node.parentId ? await parentHandlers(trx, node.parentId) : [];
  const deciders = [...(access.task.created_by ? [access.task.created_by] : []), ...parentUsers].filter((u) => u !== ctx.userId);
  await ctx.notifier.notify(trx, ctx.tenantId, {
    userIds: deciders,
    kind: 'dispatch.extension.requested',
    message: dispatchMessage('extension.requested', {
      task: access.task.title,
      unit: node.unit.name,
      deadline: countyDateTime(requested, ctx.timeZone),
      reason: input.reason,
    }),
    link: `/dispatch/tasks/${access.task.id}`,
  });
  return id;
}

async function parentHandlers(trx: Knex.Transaction, parentId: string): Promise<string[]> {
  const parent: { id: string; unit_id: string; person_id: string | null } = await trx('dispatch_assignment')
    .where({ id: parentId })
    .first('id', 'unit_id', 'person_id');
  return (await assignmentUsers(trx, [parent])).get(parentId) ?? [];
}

/**
 * Grants or refuses a pending extension. Granting moves the assignment's `deadline` (its
 * `original_deadline` keeps the first one; its subtasks keep their own deadlines, which stay
 * within it) and recomputes the task's lights; reminders follow the new deadline, since their
 * ledger occasions carry it. A grant needs the assignment still open, the new deadline still in
 * the future and later than the current one.
 */
export async function decideExtension(
  ctx: ModuleContext,
  access: AssignmentAccess,
  extensionId: string,
  decision: 'grant' | 'refuse',
  reason: string | undefined,
): Promise<void> {
  const { trx } = ctx;
  const node = access.node;
  if (decision === 'refuse' && !reason)
    throw badRequest(DISPATCH_ERRORS.REASON_REQUIRED, 'Say why the extension is refused', [
      { path: 'body.reason', message: 'is required to refuse an extension' },
    ]);
  const extension: { status: string; requested_deadline: Date } = await trx('dispatch_extension')
    .where({ id: extensionId })
    .forUpdate()
    .first('status', 'requested_deadline');
  if (extension.status !== 'pending') throw conflict(DISPATCH_ERRORS.EXTENSION_DECIDED, `The extension was already ${extension.status}`);
  const requested = new Date(extension.requested_deadline);
  if (decision === 'grant') {
    if (access.task.status === 'closed' || node.status === 'closed')
      throw conflict(DISPATCH_ERRORS.ASSIGNMENT_CLOSED, 'The assignment is closed');
    if (node.status === 'done') throw conflict(DISPATCH_ERRORS.ASSIGNMENT_DONE, 'The assignment is done');
    const current = await lockAssignment(trx, node.id);
    if (requested.getTime() <= ctx.now.getTime())
      throw conflict(DISPATCH_ERRORS.EXTENSION_EXPIRED, 'The requested deadline has passed: refuse it and let the unit ask again');
    if (requested.getTime() <= current.deadline.getTime())
      throw conflict(DISPATCH_ERRORS.EXTENSION_NOT_LATER, 'The assignment’s deadline is already as late');
    if (current.parent_deadline && requested.getTime() > current.parent_deadline.getTime())
      throw conflict(DISPATCH_ERRORS.DEADLINE_AFTER_PARENT, 'The parent assignment’s deadline is earlier than the one requested');
    await trx('dispatch_assignment').where({ id: node.id }).update({ deadline: requested, updated_at: ctx.now });
    await scheduleDeadlineLights(ctx, access.task.id, [requested]);
  }
  await trx('dispatch_extension')
    .where({ id: extensionId })
    .update({
      status: decision === 'grant' ? 'granted' : 'refused',
      decision_reason: reason ?? null,
      decided_by: ctx.userId,
      decided_at: ctx.now,
    });
  await appendTimeline(ctx, [
    {
      taskId: access.task.id,
      assignmentId: node.id,
      kind: decision === 'grant' ? 'extension.granted' : 'extension.refused',
      data: { extensionId, to: requested.toISOString(), reason: reason ?? null },
    },
  ]);
  if (decision === 'grant') await recomputeTaskLights(ctx, [access.task.id]);
  const users = (
    (await assignmentUsers(trx, [{ id: node.id, unit_id: node.unit.id, person_id: node.person?.id ?? null }])).get(node.id) ?? []
  ).filter((u) => u !== ctx.userId);
  await ctx.notifier.notify(trx, ctx.tenantId, {
    userIds: users,
    kind: `dispatch.extension.${decision === 'grant' ? 'granted' : 'refused'}`,
    message:
      decision === 'refuse'
        ? dispatchMessage('extension.refused', { task: access.task.title, reason: reason ?? '' })
        : reason
          ? dispatchMessage('extension.grantedWithReason', {
              task: access.task.title,
              deadline: countyDateTime(requested, ctx.timeZone),
              reason,
            })
          : dispatchMessage('extension.granted', { task: access.task.title, deadline: countyDateTime(requested, ctx.timeZone) }),
    link: `/dispatch/tasks/${access.task.id}`,
  });
}
