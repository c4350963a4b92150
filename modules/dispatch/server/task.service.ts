import { uuidv7 } from 'uuidv7';
import {
  attachFiles,
  badRequest,
  conflict,
  type DataScope,
  fileReferences,
  type ModuleContext,
  unitPathInScope,
} from '../../../core/module-kit.ts';
import type { Knex } from 'knex';
import type { ReportForms } from './report-form-port.ts';
import { scheduleDeadlineLights } from './deadline-lights.jobs.ts';
import { cadenceRule, type CadenceInput } from './cadence.ts';
import { DeadlineResolver, type DeadlineInput } from './deadline.ts';
import { dispatchAssignments, type AssignmentInput } from './dispatch.service.ts';
import { recomputeTaskLights } from './light.service.ts';
import { openFirstPeriod } from './period.service.ts';
import { appendTimeline } from './timeline.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface NewTask extends DeadlineInput {
  title: string;
  description?: string;
  category?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  ownerUnitId: string;
  attachmentIds?: string[];
  reportFormId?: string;
  reportFormVersion?: number;
  cadence?: CadenceInput;
  assignments: AssignmentInput[];
}

/**
 * Creates a task and its assignments in the caller's transaction: all of it or, on any problem,
 * nothing. The report form is resolved to a frozen version now, so later edits of the form do
 * not change what this task's units fill in.
 */
export async function createTask(
  ctx: ModuleContext,
  scope: DataScope,
  input: NewTask,
  reportForms: ReportForms | undefined,
): Promise<string> {
  const { trx } = ctx;
  const owner: { path: string } | undefined = await trx('core_unit').where({ id: input.ownerUnitId }).first('path');
  if (!owner)
    throw badRequest(DISPATCH_ERRORS.UNIT_NOT_FOUND, 'The supervising unit does not exist', [
      { path: 'body.ownerUnitId', message: 'is not a unit of the directory' },
    ]);
  if (!unitPathInScope(owner.path, scope))
    throw badRequest(DISPATCH_ERRORS.UNIT_OUT_OF_SCOPE, 'The supervising unit lies outside your scope', [
      { path: 'body.ownerUnitId', message: 'lies outside your dispatch scope' },
    ]);
  const deadline = await new DeadlineResolver(trx, ctx.now, ctx.timeZone).resolve(input, 'body');
  if (!deadline)
    throw badRequest(DISPATCH_ERRORS.DEADLINE_REQUIRED, 'A task needs a deadline', [
      { path: 'body.deadline', message: 'is required (or deadlineWorkingDays)' },
    ]);
  await checkFiles(trx, input.attachmentIds ?? [], 'body.attachmentIds');
  const form = await resolveReportForm(trx, input, reportForms);
  const rule = input.cadence ? cadenceRule(input.cadence) : null;

  const id = uuidv7();
  await trx('dispatch_task').insert({
    tenant_id: ctx.tenantId,
    id,
    title: input.title,
    description: input.description ?? '',
    category: input.category ?? '',
    priority: input.priority ?? 'normal',
    owner_unit_id: input.ownerUnitId,
    deadline,
    attachment_ids: JSON.stringify(input.attachmentIds ?? []),
    report_form_id: form?.formId ?? null,
    report_form_version: form?.version ?? null,
    cadence: input.cadence?.kind ?? null,
    cadence_rule: rule,
    report_due_days: input.cadence ? (input.cadence.dueDays ?? 5) : null,
    cadence_until: input.cadence?.until ?? null,
    created_by: ctx.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await attachFiles(
    trx,
    ctx.tenantId,
    ctx.userId,
    { module: 'dispatch', kind: 'task', id },
    fileReferences(input.attachmentIds ?? [], 'body.attachmentIds'),
  );
  await appendTimeline(ctx, [{ taskId: id, kind: 'task.created', data: { title: input.title } }]);
  await dispatchAssignments(ctx, { kind: 'task', taskId: id, taskTitle: input.title, deadline, scope }, input.assignments);
  if (rule) await openFirstPeriod(ctx, id);
  await recomputeTaskLights(ctx, [id]);
  return id;
}

async function resolveReportForm(trx: Knex.Transaction, input: NewTask, reportForms: ReportForms | undefined) {
  if (!input.reportFormId) {
    if (input.reportFormVersion !== undefined)
      throw badRequest(DISPATCH_ERRORS.REPORT_FORM_INVALID, 'A version needs a form', [
        { path: 'body.reportFormVersion', message: 'is given without reportFormId' },
      ]);
    return undefined;
  }
  if (!reportForms)
    throw badRequest(DISPATCH_ERRORS.FORMS_UNAVAILABLE, 'Report forms need the forms module enabled', [
      { path: 'body.reportFormId', message: 'needs the forms module' },
    ]);
  const version = await reportForms.publishedVersion(trx, input.reportFormId, input.reportFormVersion);
  if (!version)
    throw badRequest(DISPATCH_ERRORS.REPORT_FORM_NOT_FOUND, 'No such published form version', [
      { path: input.reportFormVersion ? 'body.reportFormVersion' : 'body.reportFormId', message: 'is not a published form version' },
    ]);
  return version;
}

/** Files must have been uploaded to this tenant (RLS hides the others'). */
export async function checkFiles(trx: Knex.Transaction, ids: string[], path: string, kind: 'any' | 'image' = 'any'): Promise<void> {
  if (ids.length === 0) return;
  const found: { id: string; content_type: string }[] = await trx('core_file').whereIn('id', ids).select('id', 'content_type');
  const byId = new Map(found.map((f) => [f.id, f]));
  const problems = ids.flatMap((id, i) => {
    const file = byId.get(id);
    if (!file) return [{ path: `${path}[${i}]`, message: 'is not an uploaded file' }];
    if (kind === 'image' && !file.content_type.startsWith('image/')) return [{ path: `${path}[${i}]`, message: 'is not a photo' }];
    return [];
  });
  if (problems.length > 0) throw badRequest(DISPATCH_ERRORS.FILE_NOT_FOUND, 'Some files are not uploaded photos or files', problems);
}

export interface TaskChanges extends DeadlineInput {
  title?: string;
  description?: string;
  category?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  attachmentIds?: string[];
}

/**
 * Changes a task. A new task deadline also moves the deadlines of the assignments that had the
 * old one and have no extension; it may not fall before a later assignment deadline.
 */
export async function updateTask(ctx: ModuleContext, taskId: string, changes: TaskChanges): Promise<void> {
  const { trx } = ctx;
  const task: { status: string; deadline: Date } = await trx('dispatch_task').where({ id: taskId }).forUpdate().first('status', 'deadline');
  if (task.status === 'closed') throw conflict(DISPATCH_ERRORS.TASK_CLOSED, 'The task is closed');
  const deadline = await new DeadlineResolver(trx, ctx.now, ctx.timeZone).resolve(changes, 'body');
  if (changes.attachmentIds) await checkFiles(trx, changes.attachmentIds, 'body.attachmentIds');
  const update: Record<string, unknown> = { updated_at: ctx.now };
  for (const [field, column] of [
    ['title', 'title'],
    ['description', 'description'],
    ['category', 'category'],
    ['priority', 'priority'],
  ] as const) {
    if (changes[field] !== undefined) update[column] = changes[field];
  }
  if (changes.attachmentIds) {
    update.attachment_ids = JSON.stringify(changes.attachmentIds);
    await attachFiles(
      trx,
      ctx.tenantId,
      ctx.userId,
      { module: 'dispatch', kind: 'task', id: taskId },
      fileReferences(changes.attachmentIds, 'body.attachmentIds'),
    );
  }
  if (deadline) {
    const later = await trx('dispatch_assignment')
      .where({ task_id: taskId })
      .whereRaw('deadline > ?', [deadline])
      .whereRaw('deadline <> original_deadline')
      .first('id');
    if (later)
      throw badRequest(DISPATCH_ERRORS.DEADLINE_BEFORE_EXTENSION, 'An extension granted to a unit runs past this deadline', [
        { path: 'body.deadline', message: 'is before a granted extension' },
      ]);
    update.deadline = deadline;
    await trx('dispatch_assignment')
      .where({ task_id: taskId })
      .whereRaw('deadline = original_deadline')
      .whereRaw('deadline = ?', [task.deadline])
      .update({ deadline, original_deadline: deadline, updated_at: ctx.now });
    await scheduleDeadlineLights(ctx, taskId, [deadline]);
  }
  await trx('dispatch_task').where({ id: taskId }).update(update);
  await appendTimeline(ctx, [{ taskId, kind: 'task.updated', data: { fields: Object.keys(changes) } }]);
  await recomputeTaskLights(ctx, [taskId]);
}

/** Closes a task and every assignment still open in it. */
export async function closeTask(ctx: ModuleContext, taskId: string): Promise<void> {
  const closed = await ctx
    .trx('dispatch_task')
    .where({ id: taskId, status: 'active' })
    .update({ status: 'closed', closed_at: ctx.now, updated_at: ctx.now });
  if (closed === 0) throw conflict(DISPATCH_ERRORS.TASK_CLOSED, 'The task is already closed');
  await ctx
    .trx('dispatch_assignment')
    .where({ task_id: taskId })
    .whereNot('status', 'done')
    .update({ status: 'closed', updated_at: ctx.now });
  await appendTimeline(ctx, [{ taskId, kind: 'task.closed' }]);
  await recomputeTaskLights(ctx, [taskId]);
}
