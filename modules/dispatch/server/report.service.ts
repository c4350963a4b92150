import { uuidv7 } from 'uuidv7';
import {
  attachFiles,
  badRequest,
  conflict,
  fileReferences,
  fileReferencesIn,
  type ModuleContext,
  type NotificationMessage,
} from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import type { AssignmentAccess } from './assignment-access.ts';
import { recomputeTaskLights } from './light.service.ts';
import { assignmentUsers } from './recipients.ts';
import type { ReportForms } from './report-form-port.ts';
import { checkFiles } from './task.service.ts';
import { appendTimeline } from './timeline.ts';
import { notifyWatchers as notifyTaskWatchers } from './follow.service.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface NewReport {
  progress: number;
  text?: string;
  photoIds?: string[];
  problem?: boolean;
  periodKey?: string;
  data?: Record<string, unknown>;
}

/**
 * Stores a progress report after checking all of it: photos uploaded to the tenant and within the
 * tenant's limit, the period one of the task's, the report form's answers valid for its frozen
 * version. The assignment takes the report's progress and problem flag; 100% waits for the
 * reviewer's acceptance. Lights are recomputed in the same transaction.
 */
export async function submitReport(
  ctx: ModuleContext,
  access: AssignmentAccess,
  input: NewReport,
  forms: ReportForms | undefined,
): Promise<string> {
  const { trx } = ctx;
  const config = await dispatchConfig(trx);
  const photoIds = input.photoIds ?? [];
  if (photoIds.length > config.maxPhotosPerReport) {
    throw badRequest(DISPATCH_ERRORS.TOO_MANY_PHOTOS, `At most ${config.maxPhotosPerReport} photos per report`, [
      { path: 'body.photoIds', message: `holds ${photoIds.length} photos` },
    ]);
  }
  await checkFiles(trx, photoIds, 'body.photoIds', 'image');
  const task: { cadence: string | null; report_form_id: string | null; report_form_version: number | null } = await trx('dispatch_task')
    .where({ id: access.task.id })
    .first('cadence', 'report_form_id', 'report_form_version');
  if (input.periodKey !== undefined) {
    const period = task.cadence
      ? await trx('dispatch_report_period').where({ task_id: access.task.id, period_key: input.periodKey }).first('period_key')
      : undefined;
    if (!period)
      throw badRequest(DISPATCH_ERRORS.PERIOD_NOT_FOUND, 'The task has no such report period', [
        { path: 'body.periodKey', message: 'is not an open report period of the task' },
      ]);
  }
  const formData = await checkFormData(ctx, task, input.data, forms);

  const id = uuidv7();
  await trx('dispatch_report').insert({
    tenant_id: ctx.tenantId,
    id,
    task_id: access.task.id,
    assignment_id: access.node.id,
    period_key: input.periodKey ?? null,
    progress: input.progress,
    text: input.text ?? '',
    photo_ids: JSON.stringify(photoIds),
    problem: input.problem ?? false,
    form_version: formData ? task.report_form_version : null,
    form_data: formData ? JSON.stringify(formData) : null,
    submitted_by: ctx.userId,
    created_at: ctx.now,
  });
  const formFiles = formData ? await fileReferencesIn(trx, formData, 'body.data') : [];
  await attachFiles(trx, ctx.tenantId, ctx.userId, { module: 'dispatch', kind: 'report', id }, [
    ...fileReferences(photoIds, 'body.photoIds'),
    ...formFiles,
  ]);
  await trx('dispatch_assignment')
    .where({ id: access.node.id })
    .update({
      // `progress` is rolled up from the subtasks when there are any; `own_progress` keeps what the unit itself reported.
      progress: input.progress,
      own_progress: input.progress,
      problem: input.problem ?? false,
      status: input.progress === 100 ? 'submitted' : 'open',
      opened_at: trx.raw('coalesce(opened_at, ?)', [ctx.now]),
      updated_at: ctx.now,
    });
  await appendTimeline(ctx, [
    {
      taskId: access.task.id,
      assignmentId: access.node.id,
      kind: 'report.submitted',
      data: { reportId: id, progress: input.progress, problem: input.problem ?? false, periodKey: input.periodKey ?? null },
    },
  ]);
  await recomputeTaskLights(ctx, [access.task.id]);
  await notifyWatchers(
    ctx,
    access,
    dispatchMessage('report.submitted', { task: access.task.title, unit: access.node.unit.name, progress: input.progress }),
  );
  return id;
}

async function checkFormData(
  ctx: ModuleContext,
  task: { report_form_id: string | null; report_form_version: number | null },
  data: Record<string, unknown> | undefined,
  forms: ReportForms | undefined,
) {
  if (!task.report_form_id || task.report_form_version === null) {
    if (data !== undefined)
      throw badRequest(DISPATCH_ERRORS.NO_REPORT_FORM, 'The task has no report form', [
        { path: 'body.data', message: 'is not expected: the task has no report form' },
      ]);
    return null;
  }
  if (data === undefined)
    throw badRequest(DISPATCH_ERRORS.REPORT_FORM_REQUIRED, 'The task’s report form must be filled in', [
      { path: 'body.data', message: 'is required: the task has a report form' },
    ]);
  const version = forms ? await forms.publishedVersion(ctx.trx, task.report_form_id, task.report_form_version) : undefined;
  if (!forms || !version)
    throw conflict(DISPATCH_ERRORS.FORMS_UNAVAILABLE, 'The report form cannot be read: the forms module is not enabled');
  return forms.checkAnswers(ctx.trx, version, data);
}

/**
 * Accepts or returns a report. Accepting a 100% report completes the assignment (when it still
 * waits for it); returning sends the assignment back to work and tells its unit why.
 */
export async function reviewReport(
  ctx: ModuleContext,
  access: AssignmentAccess,
  reportId: string,
  decision: 'accept' | 'return',
  reason: string | undefined,
): Promise<void> {
  const { trx } = ctx;
  if (decision === 'return' && !reason)
    throw badRequest(DISPATCH_ERRORS.REASON_REQUIRED, 'Say why the report is returned', [
      { path: 'body.reason', message: 'is required to return a report' },
    ]);
  const report: { status: string; progress: number } = await trx('dispatch_report')
    .where({ id: reportId })
    .forUpdate()
    .first('status', 'progress');
  if (report.status !== 'submitted') throw conflict(DISPATCH_ERRORS.REPORT_REVIEWED, 'The report was already reviewed');
  if (access.task.status === 'closed' || access.node.status === 'closed')
    throw conflict(DISPATCH_ERRORS.ASSIGNMENT_CLOSED, 'The assignment is closed');
  await trx('dispatch_report')
    .where({ id: reportId })
    .update({
      status: decision === 'accept' ? 'accepted' : 'returned',
      review_reason: reason ?? null,
      reviewed_by: ctx.userId,
      reviewed_at: ctx.now,
    });
  if (decision === 'accept' && report.progress === 100) {
    await trx('dispatch_assignment')
      .where({ id: access.node.id, status: 'submitted' })
      .update({ status: 'done', completed_at: ctx.now, updated_at: ctx.now });
  }
  if (decision === 'return') {
    await trx('dispatch_assignment').where({ id: access.node.id, status: 'submitted' }).update({ status: 'open', updated_at: ctx.now });
  }
  await appendTimeline(ctx, [
    {
      taskId: access.task.id,
      assignmentId: access.node.id,
      kind: decision === 'accept' ? 'report.accepted' : 'report.returned',
      data: { reportId, reason: reason ?? null },
    },
  ]);
  await recomputeTaskLights(ctx, [access.task.id]);
  await notifyHandlers(
    ctx,
    access,
    dispatchMessage(decision === 'accept' ? 'report.accepted' : 'report.returned', { task: access.task.title, reason: reason ?? '' }),
  );
}

/** A quality card on a report (one per report), raised as `dispatch.card_given` for scoring. */
export async function giveCard(
  ctx: ModuleContext,
  access: AssignmentAccess,
  reportId: string,
  color: 'green' | 'yellow' | 'red',
  reason: string,
): Promise<void> {
  const { trx } = ctx;
  const given = await trx('dispatch_card').where({ report_id: reportId }).first('id');
  if (given)
    throw conflict(DISPATCH_ERRORS.CARD_GIVEN, 'This report already has a card', [
      { path: 'body.color', message: 'a card was already given on this report' },
    ]);
  const id = uuidv7();
  await trx('dispatch_card').insert({
    tenant_id: ctx.tenantId,
    id,
    report_id: reportId,
    assignment_id: access.node.id,
    color,
    reason,
    given_by: ctx.userId,
    created_at: ctx.now,
  });
  await appendTimeline(ctx, [
    { taskId: access.task.id, assignmentId: access.node.id, kind: 'card.given', data: { reportId, color, reason } },
  ]);
  await ctx.emitEvent(trx, ctx.tenantId, 'dispatch.card_given', {
    cardId: id,
    taskId: access.task.id,
    assignmentId: access.node.id,
    unitId: access.node.unit.id,
    reportId,
    color,
    reason,
    givenBy: ctx.userId,
    at: ctx.now.toISOString(),
  });
  const card = dispatchMessage(`card.${color}`);
  await notifyHandlers(ctx, access, dispatchMessage('card.received', { task: access.task.title, card, reason }));
  await notifyTaskWatchers(ctx, access.task, {
    kind: 'dispatch.card.given',
    message: dispatchMessage('card.given', { task: access.task.title, unit: access.node.unit.name, card, reason }),
  });
}

async function notifyHandlers(ctx: ModuleContext, access: AssignmentAccess, message: NotificationMessage): Promise<void> {
  const users =
    (await assignmentUsers(ctx.trx, [{ id: access.node.id, unit_id: access.node.unit.id, person_id: access.node.person?.id ?? null }])).get(
      access.node.id,
    ) ?? [];
  const userIds = users.filter((u) => u !== ctx.userId);
  if (userIds.length === 0) return;
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds,
    kind: 'dispatch.report.reviewed',
    message,
    link: `/dispatch/assignments/${access.node.id}`,
  });
}

/** The task's creator and followers hear of new reports (in-app). */
async function notifyWatchers(ctx: ModuleContext, access: AssignmentAccess, message: NotificationMessage): Promise<void> {
  const followers: string[] = await ctx.trx('dispatch_follow').where({ task_id: access.task.id }).pluck('user_id');
  const userIds = [...new Set([...followers, ...(access.task.created_by ? [access.task.created_by] : [])])].filter((u) => u !== ctx.userId);
  if (userIds.length === 0) return;
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds,
    kind: 'dispatch.report.submitted',
    message,
    link: `/dispatch/tasks/${access.task.id}`,
  });
}
