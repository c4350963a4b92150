import { uuidv7 } from 'uuidv7';
import {
  badRequest,
  conflict,
  countyDateTime,
  type DataScope,
  type ErrorDetail,
  type ModuleContext,
  unitPathInScope,
} from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import { DISPATCH_ERRORS, type DispatchErrorCode } from '../schemas/error-codes.ts';
import { scheduleDeadlineLights } from './deadline-lights.jobs.ts';
import { DeadlineResolver, type DeadlineInput } from './deadline.ts';
import { assignmentUsers } from './recipients.ts';
import { appendTimeline } from './timeline.ts';
import { dispatchMessage } from '../locales/notifications.ts';

export interface AssignmentInput extends DeadlineInput {
  unitId: string;
  personId?: string;
  role?: 'lead' | 'co';
  instructions?: string;
}

/** Where new assignments hang: the task itself (dispatch) or an assignment (re-dispatch). */
export type DispatchTarget =
  | { kind: 'task'; taskId: string; taskTitle: string; deadline: Date; scope: DataScope }
  | {
      kind: 'subtask';
      taskId: string;
      taskTitle: string;
      parent: { id: string; path: string; depth: number; unitId: string; deadline: Date };
    };

interface UnitRow {
  id: string;
  name: string;
  path: string;
}

/**
 * Creates one assignment per unit in one insert, after checking every item and reporting every
 * problem at once with its `body.assignments.<i>` path: units and people must exist in the tenant
 * (another tenant's id is unknown), top-level units must lie in the dispatcher's scope, subtask
 * units strictly below the parent's unit (a unit on the path above is a cycle), people within
 * their unit, deadlines in the future and not after the parent's. Nothing is written on any problem.
 */
export async function dispatchAssignments(ctx: ModuleContext, target: DispatchTarget, inputs: AssignmentInput[]): Promise<string[]> {
  const { trx } = ctx;
  const problems: ErrorDetail[] = [];
  const at = (i: number, field: string) => `body.assignments[${i}].${field}`;
  // Each problem is recorded with its code; the error carries the weightiest of them.
  const codes = new Set<DispatchErrorCode>();
  const refuse = (code: DispatchErrorCode, path: string, message: string) => {
    codes.add(code);
    problems.push({ path, message });
  };

  const unitIds = [...new Set(inputs.map((a) => a.unitId))];
  const units = new Map<string, UnitRow>(
    (await trx('core_unit').whereIn('id', unitIds).select('id', 'name', 'path')).map((u: UnitRow) => [u.id, u]),
  );
  const personIds = [...new Set(inputs.flatMap((a) => (a.personId ? [a.personId] : [])))];
  const people = new Map<string, { id: string; unit_path: string }>(
    personIds.length === 0
      ? []
      : (
          await trx('core_person as p')
            .join('core_unit as u', function joinUnit() {
              this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
            })
            .whereIn('p.id', personIds)
            .select('p.id', 'u.path as unit_path')
        ).map((p: { id: string; unit_path: string }) => [p.id, p]),
  );
  const parentUnitPath =
    target.kind === 'subtask'
      ? (units.get(target.parent.unitId)?.path ?? (await trx('core_unit').where({ id: target.parent.unitId }).first('path'))?.path)
      : null;

  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    const unit = units.get(input.unitId);
    if (seen.has(input.unitId)) refuse(DISPATCH_ERRORS.ASSIGNMENT_INVALID, at(i, 'unitId'), 'is listed twice');
    seen.add(input.unitId);
    if (!unit) {
      refuse(DISPATCH_ERRORS.ASSIGNMENT_INVALID, at(i, 'unitId'), 'is not a unit of the directory');
      return;
    }
    if (target.kind === 'task' && !unitPathInScope(unit.path, target.scope))
      refuse(DISPATCH_ERRORS.UNIT_OUT_OF_SCOPE, at(i, 'unitId'), 'lies outside your dispatch scope');
    if (target.kind === 'subtask' && parentUnitPath) {
      if (parentUnitPath.startsWith(unit.path))
        refuse(
          DISPATCH_ERRORS.REDISPATCH_CYCLE,
          at(i, 'unitId'),
          'is the assignment’s own unit or a unit above it: re-dispatching there would make a cycle',
        );
      else if (!unit.path.startsWith(parentUnitPath))
        refuse(DISPATCH_ERRORS.UNIT_NOT_BELOW, at(i, 'unitId'), 'is not below the assignment’s unit');
    }
    if (input.personId) {
      const person = people.get(input.personId);
      if (!person) refuse(DISPATCH_ERRORS.ASSIGNMENT_INVALID, at(i, 'personId'), 'is not a person of the directory');
      else if (!person.unit_path.startsWith(unit.path))
        refuse(DISPATCH_ERRORS.ASSIGNMENT_INVALID, at(i, 'personId'), 'does not belong to that unit');
    }
  });
  if (problems.length > 0) throw badRequest(weightiest(codes), 'Some assignments cannot be dispatched', problems);

  const resolver = new DeadlineResolver(trx, ctx.now, ctx.timeZone);
  const limit = target.kind === 'task' ? target.deadline : target.parent.deadline;
  const deadlines: Date[] = [];
  for (const [i, input] of inputs.entries()) {
    const deadline = (await resolver.resolve(input, `body.assignments[${i}]`)) ?? limit;
    if (deadline.getTime() > limit.getTime())
      problems.push({
        path: at(i, input.deadline !== undefined ? 'deadline' : 'deadlineWorkingDays'),
        message: `is after the ${target.kind === 'task' ? 'task' : 'parent assignment'}’s deadline`,
      });
    deadlines.push(deadline);
  }
  if (problems.length > 0) throw badRequest(DISPATCH_ERRORS.DEADLINE_AFTER_PARENT, 'A deadline lies after the one above it', problems);

  const parentId = target.kind === 'subtask' ? target.parent.id : null;
  const taken: string[] = await trx('dispatch_assignment')
    .where({ task_id: target.taskId })
    .modify((q) => (parentId ? q.where('parent_id', parentId) : q.whereNull('parent_id')))
    .whereIn('unit_id', unitIds)
    .pluck('unit_id');
  if (taken.length > 0) {
    throw conflict(
      DISPATCH_ERRORS.ALREADY_DISPATCHED,
      'Some units already have this assignment',
      inputs.flatMap((a, i) => (taken.includes(a.unitId) ? [{ path: at(i, 'unitId'), message: 'already has this assignment' }] : [])),
    );
  }

  const rows = inputs.map((input, i) => {
    const id = uuidv7();
    const path = target.kind === 'subtask' ? `${target.parent.path}${id}/` : `/${id}/`;
    return {
      tenant_id: ctx.tenantId,
      id,
      task_id: target.taskId,
      parent_id: parentId,
      path,
      depth: target.kind === 'subtask' ? target.parent.depth + 1 : 0,
      unit_id: input.unitId,
      person_id: input.personId ?? null,
      role: input.role ?? 'lead',
      instructions: input.instructions ?? '',
      deadline: deadlines[i],
      original_deadline: deadlines[i],
      dispatched_by: ctx.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
  });
  await trx('dispatch_assignment').insert(rows);
  if (target.kind === 'subtask') {
    await trx('dispatch_assignment')
      .where({ id: target.parent.id })
      .update({
        child_count: trx.raw('child_count + ?', [rows.length]),
        status: trx.raw("case when status = 'pending' then 'open' else status end"),
        opened_at: trx.raw('coalesce(opened_at, ?)', [ctx.now]),
        updated_at: ctx.now,
      });
  }
  await appendTimeline(
    ctx,
    rows.map((r) => ({
      taskId: target.taskId,
      assignmentId: r.id,
      kind: target.kind === 'task' ? 'assignment.dispatched' : 'assignment.redispatched',
      data: { unitId: r.unit_id, unitName: units.get(r.unit_id)!.name, deadline: r.deadline.toISOString() },
    })),
  );
  await scheduleDeadlineLights(
    ctx,
    target.taskId,
    rows.map((r) => r.deadline),
  );
  await notifyNewAssignments(ctx, target, rows);
  return rows.map((r) => r.id);
}

/** The code of a refused dispatch: a cycle, then a unit outside the scope, then one beside the parent's; else any other problem. */
const CODE_WEIGHT: DispatchErrorCode[] = [
  DISPATCH_ERRORS.REDISPATCH_CYCLE,
  DISPATCH_ERRORS.UNIT_OUT_OF_SCOPE,
  DISPATCH_ERRORS.UNIT_NOT_BELOW,
];

function weightiest(codes: Set<DispatchErrorCode>): DispatchErrorCode {
  return CODE_WEIGHT.find((code) => codes.has(code)) ?? DISPATCH_ERRORS.ASSIGNMENT_INVALID;
}

async function notifyNewAssignments(
  ctx: ModuleContext,
  target: DispatchTarget,
  rows: { id: string; unit_id: string; person_id: string | null; deadline: Date }[],
): Promise<void> {
  const config = await dispatchConfig(ctx.trx);
  const users = await assignmentUsers(ctx.trx, rows);
  const everyone = [...new Set([...users.values()].flat())].filter((id) => id !== ctx.userId);
  if (everyone.length === 0) return;
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds: everyone,
    kind: 'dispatch.assignment.new',
    message: dispatchMessage('assignment.new', { task: target.taskTitle, deadline: countyDateTime(rows[0].deadline, ctx.timeZone) }),
    link: `/dispatch/tasks/${target.taskId}`,
    sms: config.smsReminders,
  });
}
