import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, conflict, forbidden, type ModuleContext } from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import { notifyWatchers } from './follow.service.ts';
import { assignmentUsers } from './recipients.ts';
import type { TaskAccess } from './task-access.ts';
import { assignmentQuery, toAssignmentNode, visibleNodes, type AssignmentNode } from './task-view.ts';
import { appendTimeline } from './timeline.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/**
 * Who acknowledges a leader's instruction (批示): the units the task was dispatched to (its
 * top-level assignments), not their sub-units: a town answers to the leader for its villages and
 * passes the instruction on. A closed assignment no longer has to; one dispatched later has to
 * acknowledge the instructions given before it came.
 */
function mustAcknowledge(node: AssignmentNode): boolean {
  return node.depth === 0 && node.status !== 'closed';
}

async function taskNodes(trx: Knex.Transaction, taskId: string): Promise<AssignmentNode[]> {
  return (
    await assignmentQuery(trx)
      .where('a.task_id', taskId)
      .orderBy([{ column: 'u.sort' }, { column: 'a.created_at' }])
  ).map(toAssignmentNode);
}

/** Stores an instruction, puts it on the timeline and tells the units (in-app, SMS per config) and the task's watchers. */
export async function giveInstruction(ctx: ModuleContext, access: TaskAccess, text: string): Promise<string> {
  if (!access.instruct)
    throw forbidden(DISPATCH_ERRORS.NOT_LEADER, 'Only leaders holding dispatch.instruct over the task may give instructions');
  if (access.task.status === 'closed') throw conflict(DISPATCH_ERRORS.TASK_CLOSED, 'The task is closed');
  if (!text.trim())
    throw badRequest(DISPATCH_ERRORS.TEXT_BLANK, 'The instruction is blank', [{ path: 'body.text', message: 'must not be blank' }]);
  const { trx } = ctx;
  const id = uuidv7();
  await trx('dispatch_instruction').insert({
    tenant_id: ctx.tenantId,
    id,
    task_id: access.task.id,
    text,
    given_by: ctx.userId,
    created_at: ctx.now,
  });
  await appendTimeline(ctx, [{ taskId: access.task.id, kind: 'instruction.given', data: { instructionId: id, text } }]);

  const units = (await taskNodes(trx, access.task.id)).filter(mustAcknowledge);
  const users = await assignmentUsers(
    trx,
    units.map((n) => ({ id: n.id, unit_id: n.unit.id, person_id: n.person?.id ?? null })),
  );
  const unitUsers = [...new Set([...users.values()].flat())].filter((u) => u !== ctx.userId);
  const config = await dispatchConfig(trx);
  if (unitUsers.length > 0) {
    await ctx.notifier.notify(trx, ctx.tenantId, {
      userIds: unitUsers,
      kind: 'dispatch.instruction.given',
      message: dispatchMessage('instruction.given', { task: access.task.title, text: text.slice(0, 120) }),
      link: `/dispatch/tasks/${access.task.id}`,
      sms: config.smsReminders,
    });
  }
  await notifyWatchers(
    ctx,
    access.task,
    {
      kind: 'dispatch.instruction.given',
      message: dispatchMessage('instruction.watched', { task: access.task.title, text: text.slice(0, 200) }),
    },
    unitUsers,
  );
  return id;
}

/**
 * Acknowledges an instruction for every unit of the task the caller answers for that still has
 * to: a unit that only handles a subtask sees instructions but does not acknowledge them (403).
 */
export async function acknowledgeInstruction(ctx: ModuleContext, access: TaskAccess, instructionId: string): Promise<void> {
  const { trx } = ctx;
  const mine = (await taskNodes(trx, access.task.id)).filter((n) => mustAcknowledge(n) && access.handled.includes(n.id));
  if (mine.length === 0) throw forbidden(DISPATCH_ERRORS.NOT_HANDLER, 'Only the units the task was dispatched to acknowledge instructions');
  const done: string[] = await trx('dispatch_instruction_ack')
    .where({ instruction_id: instructionId })
    .whereIn(
      'assignment_id',
      mine.map((n) => n.id),
    )
    .pluck('assignment_id');
  const open = mine.filter((n) => !done.includes(n.id));
  if (open.length === 0) throw conflict(DISPATCH_ERRORS.INSTRUCTION_ACKNOWLEDGED, 'The instruction was already acknowledged');
  await trx('dispatch_instruction_ack').insert(
    open.map((n) => ({
      tenant_id: ctx.tenantId,
      instruction_id: instructionId,
      assignment_id: n.id,
      acknowledged_by: ctx.userId,
      created_at: ctx.now,
    })),
  );
  await appendTimeline(
    ctx,
    open.map((n) => ({
      taskId: access.task.id,
      assignmentId: n.id,
      kind: 'instruction.acknowledged' as const,
      data: { instructionId, unitName: n.unit.name },
    })),
  );
}

interface InstructionRow {
  id: string;
  task_id: string;
  text: string;
  given_by: string;
  giver_name: string;
  created_at: Date;
}

/** Instructions of the task (all, or those with `ids`), newest first, with the acknowledgements of the units the caller sees. */
export async function instructionViews(trx: Knex.Transaction, access: TaskAccess, ids?: string[]) {
  const rows: InstructionRow[] = await trx('dispatch_instruction as i')
    .join('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'i.tenant_id').andOn('usr.id', 'i.given_by');
    })
    .where('i.task_id', access.task.id)
    .modify((q) => (ids ? q.whereIn('i.id', ids) : q))
    .orderBy([
      { column: 'i.created_at', order: 'desc' },
      { column: 'i.id', order: 'desc' },
    ])
    .select('i.id', 'i.task_id', 'i.text', 'i.given_by', 'usr.display_name as giver_name', 'i.created_at');
  const top = visibleNodes(access, await taskNodes(trx, access.task.id)).filter((n) => n.depth === 0);
  const acks: { instruction_id: string; assignment_id: string; by_name: string; created_at: Date }[] =
    rows.length === 0
      ? []
      : await trx('dispatch_instruction_ack as k')
          .join('core_user as usr', function joinUser() {
            this.on('usr.tenant_id', 'k.tenant_id').andOn('usr.id', 'k.acknowledged_by');
          })
          .whereIn(
            'k.instruction_id',
            rows.map((r) => r.id),
          )
          .select('k.instruction_id', 'k.assignment_id', 'usr.display_name as by_name', 'k.created_at');
  return rows.map((row) => {
    const ackOf = new Map(acks.filter((k) => k.instruction_id === row.id).map((k) => [k.assignment_id, k]));
    const acknowledged = top
      .filter((n) => ackOf.has(n.id))
      .map((n) => ({
        assignmentId: n.id,
        unitName: n.unit.name,
        acknowledgedBy: ackOf.get(n.id)!.by_name,
        acknowledgedAt: ackOf.get(n.id)!.created_at,
      }));
    const waiting = top
      .filter((n) => !ackOf.has(n.id) && mustAcknowledge(n))
      .map((n) => ({ assignmentId: n.id, unitName: n.unit.name, acknowledgedBy: null, acknowledgedAt: null }));
    return {
      id: row.id,
      taskId: row.task_id,
      text: row.text,
      givenBy: { id: row.given_by, name: row.giver_name },
      createdAt: row.created_at,
      acknowledged,
      waiting,
      canAcknowledge: waiting.some((w) => access.handled.includes(w.assignmentId)),
    };
  });
}
