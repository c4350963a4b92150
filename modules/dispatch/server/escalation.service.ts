import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, conflict, countyDateTime, type ModuleContext, unitHeadAccounts } from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import type { AssignmentAccess } from './assignment-access.ts';
import { assignmentUsers } from './recipients.ts';
import { appendTimeline } from './timeline.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export type EscalationLevel = 'urge' | 'notice' | 'interview';

/**
 * Each step has a fixed rank, stored as `dispatch_assignment.escalation_level` (0: none): a
 * tenant's ladder picks and orders steps by it, so changing the ladder never reinterprets a level.
 */
export const LEVEL_RANK: Record<EscalationLevel, number> = { urge: 1, notice: 2, interview: 3 };

// A type alias, not an interface: the response schema's type wants an index signature.
export type InterviewRecord = {
  at: string;
  place: string;
  attendees: string[];
  summary: string;
};

export interface NewEscalation {
  level?: EscalationLevel;
  text: string;
  record?: InterviewRecord;
}

export function levelOfRank(rank: number): EscalationLevel | null {
  return (Object.keys(LEVEL_RANK) as EscalationLevel[]).find((l) => LEVEL_RANK[l] === rank) ?? null;
}

/** The ladder's first step above `rank`, or null at the top. */
export function nextLevel(rank: number, ladder: EscalationLevel[]): EscalationLevel | null {
  return [...ladder].sort((a, b) => LEVEL_RANK[a] - LEVEL_RANK[b]).find((l) => LEVEL_RANK[l] > rank) ?? null;
}

/**
 * Raises the next step of the tenant's ladder on an assignment: stored, the assignment's level
 * moved, the timeline told, the unit's people notified (in-app and, per config, SMS) and, for a
 * notice or an interview, the unit's heads too. The assignment row is locked first, so two
 * supervisors raising at once get one step each in turn, never the same step twice.
 */
export async function raiseEscalation(ctx: ModuleContext, access: AssignmentAccess, input: NewEscalation): Promise<string> {
  const { trx } = ctx;
  const node = access.node;
  const config = await dispatchConfig(trx);
  const row: { escalation_level: number } = await trx('dispatch_assignment').where({ id: node.id }).forUpdate().first('escalation_level');
  const level = nextLevel(row.escalation_level, config.escalationLadder);
  if (!level)
    throw conflict(DISPATCH_ERRORS.ESCALATION_AT_TOP, 'The assignment is already at the top of the escalation ladder', [
      { path: 'body.level', message: 'no step is left above the current one' },
    ]);
  if (input.level && input.level !== level) {
    throw conflict(DISPATCH_ERRORS.ESCALATION_NOT_NEXT, `The next step of the ladder is "${level}"`, [
      { path: 'body.level', message: `is not the next step of the ladder (next: ${level})` },
    ]);
  }
  if (level === 'interview' && !input.record)
    throw badRequest(DISPATCH_ERRORS.INTERVIEW_RECORD_REQUIRED, 'An interview needs its record', [
      { path: 'body.record', message: 'is required for an interview (time, place, attendees, summary)' },
    ]);
  if (level !== 'interview' && input.record)
    throw badRequest(DISPATCH_ERRORS.RECORD_NOT_EXPECTED, 'Only an interview takes a record', [
      { path: 'body.record', message: `is only for an interview, not for "${level}"` },
    ]);

  const id = uuidv7();
  await trx('dispatch_escalation').insert({
    tenant_id: ctx.tenantId,
    id,
    task_id: access.task.id,
    assignment_id: node.id,
    level,
    text: input.text,
    record: input.record ? JSON.stringify(input.record) : null,
    created_by: ctx.userId,
    created_at: ctx.now,
  });
  await trx('dispatch_assignment').where({ id: node.id }).update({ escalation_level: LEVEL_RANK[level], updated_at: ctx.now });
  await appendTimeline(ctx, [
    { taskId: access.task.id, assignmentId: node.id, kind: 'escalation.raised', data: { escalationId: id, level, text: input.text } },
  ]);

  const handlers =
    (await assignmentUsers(trx, [{ id: node.id, unit_id: node.unit.id, person_id: node.person?.id ?? null }])).get(node.id) ?? [];
  const heads = level === 'urge' ? [] : ((await unitHeadAccounts(trx, [node.unit.id], config.headPositionNames)).get(node.unit.id) ?? []);
  await ctx.notifier.notify(trx, ctx.tenantId, {
    userIds: [...handlers, ...heads].filter((u) => u !== ctx.userId),
    kind: `dispatch.escalation.${level}`,
    message: escalationMessage(
      level,
      { task: access.task.title, unit: node.unit.name, text: input.text },
      input.record && { at: countyDateTime(new Date(input.record.at), ctx.timeZone), place: input.record.place },
    ),
    link: `/dispatch/tasks/${access.task.id}`,
    sms: config.smsReminders,
  });
  return id;
}

/** The notice of an escalation step; an interview (the only step with a record) says when and where. */
function escalationMessage(
  level: EscalationLevel,
  params: { task: string; unit: string; text: string },
  record: { at: string; place: string } | undefined,
) {
  if (level === 'interview')
    return dispatchMessage('escalation.interview', { ...params, at: record?.at ?? '', place: record?.place ?? '' });
  return dispatchMessage(`escalation.${level}`, params);
}

export async function escalationViews(trx: Knex.Transaction, where: { assignmentId: string } | { id: string }) {
  const rows: {
    id: string;
    assignment_id: string;
    level: EscalationLevel;
    text: string;
    record: InterviewRecord | null;
    created_by_name: string | null;
    created_at: Date;
  }[] = await trx('dispatch_escalation as e')
    .leftJoin('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'e.tenant_id').andOn('usr.id', 'e.created_by');
    })
    .where('assignmentId' in where ? { 'e.assignment_id': where.assignmentId } : { 'e.id': where.id })
    .orderBy([{ column: 'e.created_at' }, { column: 'e.id' }])
    .select('e.id', 'e.assignment_id', 'e.level', 'e.text', 'e.record', 'usr.display_name as created_by_name', 'e.created_at');
  return rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    level: r.level,
    text: r.text,
    record: r.record,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  }));
}
