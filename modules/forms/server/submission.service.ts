import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import {
  attachFiles,
  badRequest,
  conflict,
  fileReferencesIn,
  type JobRunner,
  type ModuleActor,
  notFound,
  type Notifier,
  writeAudit,
} from '../../../core/module-kit.ts';
import { formsConfig } from '../forms-config.ts';
import { resolveCollectionTarget } from './collection-assignee.ts';
import { findVersion, getForm, getVersion } from './form.service.ts';
import { checkSubmissionData } from './submission-data.ts';
import { findSubmission, type SubmissionRow } from './submission-query.ts';
import { formsMessage } from '../locales/notifications.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/** What a submission change works in: the tenant transaction, who acts, and core's notifier and jobs. */
export interface SubmissionContext {
  trx: Knex.Transaction;
  tenantId: string;
  actor: ModuleActor;
  notifier: Notifier;
  jobs: JobRunner;
}

export interface NewSubmission {
  version: number;
  data: Record<string, unknown>;
  draft?: boolean;
  collectionId?: string;
  periodKey?: string;
  assigneeId?: string;
}

export const SUBMITTED_EVENT = 'forms.submission.submitted';

/** Fills in a version: validated against exactly that version, stored as a draft or submitted. */
export async function createSubmission(ctx: SubmissionContext, formId: string, input: NewSubmission): Promise<SubmissionRow> {
  await getForm(ctx.trx, formId);
  const version = await findVersion(ctx.trx, formId, input.version);
  if (!version)
    throw badRequest(FORMS_ERRORS.VERSION_NOT_FOUND, `Form version ${input.version} does not exist`, [
      { path: 'body.version', message: 'is not a published version of the form' },
    ]);
  const target = input.collectionId
    ? await resolveCollectionTarget(ctx.trx, ctx.actor, {
        collectionId: input.collectionId,
        periodKey: input.periodKey,
        assigneeId: input.assigneeId,
        formId,
        version: input.version,
      })
    : null;
  const draft = input.draft === true;
  const checked = await checkSubmissionData(ctx.trx, version.schema, input.data, { draft, config: await formsConfig(ctx.trx) });
  const id = uuidv7();
  await ctx.trx('forms_submission').insert({
    tenant_id: ctx.tenantId,
    id,
    form_id: formId,
    version: input.version,
    collection_id: target?.collection.id ?? null,
    period_key: target?.period.period_key ?? null,
    assignee_id: target?.assigneeId ?? null,
    unit_id: target ? target.unitId : ctx.actor.unitId,
    person_id: ctx.actor.personId,
    submitted_by: ctx.actor.userId,
    status: draft ? 'draft' : 'submitted',
    data: JSON.stringify(checked.data),
    search_text: checked.searchText,
    submitted_at: draft ? null : ctx.trx.fn.now(),
  });
  await attachAnswerFiles(ctx, id, checked.data);
  await writeAudit(ctx.trx, ctx.tenantId, ctx.actor.userId, {
    action: draft ? 'forms.submission.draft' : 'forms.submission.submit',
    recordType: 'forms_submission',
    recordId: id,
    data: { formId, version: input.version, collectionId: input.collectionId ?? null, periodKey: input.periodKey ?? null },
  });
  const row = (await findSubmission(ctx.trx, id)) as SubmissionRow;
  if (!draft) await emitSubmitted(ctx, row);
  return row;
}

/** New answers for one's own draft or returned submission; required fields may still be empty. */
export async function updateSubmission(ctx: SubmissionContext, id: string, data: Record<string, unknown>): Promise<SubmissionRow> {
  const row = await ownEditable(ctx, id);
  const version = await getVersion(ctx.trx, row.form_id, row.version);
  const checked = await checkSubmissionData(ctx.trx, version.schema, data, { draft: true, config: await formsConfig(ctx.trx) });
  await ctx
    .trx('forms_submission')
    .where({ id })
    .update({ data: JSON.stringify(checked.data), search_text: checked.searchText, updated_at: ctx.trx.fn.now() });
  await attachAnswerFiles(ctx, id, checked.data);
  await writeAudit(ctx.trx, ctx.tenantId, ctx.actor.userId, {
    action: 'forms.submission.update',
    recordType: 'forms_submission',
    recordId: id,
  });
  return (await findSubmission(ctx.trx, id)) as SubmissionRow;
}

/** Submits one's own draft or returned submission, validated in full against its own version. */
export async function submitSubmission(
  ctx: SubmissionContext,
  id: string,
  data: Record<string, unknown> | undefined,
): Promise<SubmissionRow> {
  const row = await ownEditable(ctx, id);
  const version = await getVersion(ctx.trx, row.form_id, row.version);
  const checked = await checkSubmissionData(ctx.trx, version.schema, data ?? row.data, {
    draft: false,
    config: await formsConfig(ctx.trx),
  });
  await ctx
    .trx('forms_submission')
    .where({ id })
    .update({
      status: 'submitted',
      data: JSON.stringify(checked.data),
      search_text: checked.searchText,
      submitted_at: ctx.trx.fn.now(),
      updated_at: ctx.trx.fn.now(),
    });
  await attachAnswerFiles(ctx, id, checked.data);
  await writeAudit(ctx.trx, ctx.tenantId, ctx.actor.userId, {
    action: row.status === 'returned' ? 'forms.submission.resubmit' : 'forms.submission.submit',
    recordType: 'forms_submission',
    recordId: id,
  });
  const updated = (await findSubmission(ctx.trx, id)) as SubmissionRow;
  await emitSubmitted(ctx, updated);
  return updated;
}

/** Sends a submitted submission back to its submitter with a reason; they are notified at once. */
export async function returnSubmission(ctx: SubmissionContext, row: SubmissionRow, reason: string): Promise<SubmissionRow> {
  const locked = (await findSubmission(ctx.trx, row.id, true)) as SubmissionRow;
  if (locked.status !== 'submitted')
    throw conflict(FORMS_ERRORS.SUBMISSION_NOT_SUBMITTED, `Only a submitted submission can be returned (this one is ${locked.status})`);
  await ctx.trx('forms_submission').where({ id: row.id }).update({
    status: 'returned',
    return_reason: reason,
    returned_by: ctx.actor.userId,
    returned_at: ctx.trx.fn.now(),
    updated_at: ctx.trx.fn.now(),
  });
  await writeAudit(ctx.trx, ctx.tenantId, ctx.actor.userId, {
    action: 'forms.submission.return',
    recordType: 'forms_submission',
    recordId: row.id,
    data: { reason },
  });
  const config = await formsConfig(ctx.trx);
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds: [locked.submitted_by],
    kind: 'forms.submission.returned',
    message: formsMessage('submission.returned', { form: locked.form_name, reason }),
    // The fill page of that period, where the returned answers wait to be corrected (no page shows a bare submission).
    link: locked.collection_id ? `/forms/fill/${locked.collection_id}/${locked.period_key}/${locked.assignee_id}` : '/forms/my-due',
    sms: config.smsReminders,
  });
  return (await findSubmission(ctx.trx, row.id)) as SubmissionRow;
}

/** The caller's own submission, locked, that may still change: a draft or a returned one. */
async function ownEditable(ctx: SubmissionContext, id: string): Promise<SubmissionRow> {
  const row = await findSubmission(ctx.trx, id, true);
  // Someone else's submission is not found: editing goes through its submitter only.
  if (!row || row.submitted_by !== ctx.actor.userId) throw notFound(FORMS_ERRORS.SUBMISSION_NOT_FOUND, 'No such submission of yours');
  if (row.status === 'submitted')
    throw conflict(FORMS_ERRORS.SUBMISSION_LOCKED, 'This submission was submitted; it changes only after it is returned for correction');
  return row;
}

/** Other modules (e.g. scoring of on-time reports) learn of each submission through a durable event. */
async function emitSubmitted(ctx: SubmissionContext, row: SubmissionRow): Promise<void> {
  await ctx.jobs.emitEvent(ctx.trx, ctx.tenantId, SUBMITTED_EVENT, {
    submissionId: row.id,
    formId: row.form_id,
    version: row.version,
    collectionId: row.collection_id,
    periodKey: row.period_key,
    unitId: row.unit_id,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at instanceof Date ? row.submitted_at.toISOString() : row.submitted_at,
  });
}

/** Photo and file answers belong to the submission: readable by whoever may read it (server/file-access.ts). */
async function attachAnswerFiles(ctx: SubmissionContext, id: string, data: Record<string, unknown>): Promise<void> {
  await attachFiles(
    ctx.trx,
    ctx.tenantId,
    ctx.actor.userId,
    { module: 'forms', kind: 'submission', id },
    await fileReferencesIn(ctx.trx, data, 'body.data'),
  );
}
