import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, conflict, moduleActor, tooManyRequests, type ModuleContext } from '../../../core/module-kit.ts';
import type { ReportFormsService } from '../../forms/public-api.ts';
import { approvalsConfig } from '../approvals-config.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';
import type { ApplyInput, EditRequestInput } from '../schemas/request.schema.ts';
import { loadFlowVersion } from './flow-store.ts';
import { NoBranchError, planFlow } from './flow-plan.ts';
import { tellApprovers } from './request-notices.ts';
import { recordEvents } from './request-events.ts';
import { lockRequest, type RequestRow } from './request-row.ts';
import { advanceRequest } from './step-engine.ts';
import { findType } from './type.service.ts';

/** Applies with a type (or saves the draft): answers checked by the forms module on submission. */
export async function applyFor(request: FastifyRequest, ctx: ModuleContext, forms: ReportFormsService, input: ApplyInput): Promise<string> {
  const type = await findType(ctx.trx, input.typeId).catch(() => {
    throw badRequest(APPROVAL_ERRORS.TYPE_NOT_FOUND, 'No such approval type', [
      { path: 'body.typeId', message: 'is not an approval type of this county' },
    ]);
  });
  if (!type.active)
    throw badRequest(APPROVAL_ERRORS.TYPE_NOT_FOUND, 'This approval type is closed', [
      { path: 'body.typeId', message: 'is not open for requests' },
    ]);
  const actor = await moduleActor(request);
  const id = uuidv7();
  const row: RequestRow = {
    id,
    type_id: type.id,
    flow_version: type.current_version,
    title: input.title,
    data: input.data,
    chosen: input.chosen ?? {},
    applicant_user_id: actor.userId,
    applicant_unit_id: actor.unitId,
    status: 'draft',
    submitted_at: null,
    finished_at: null,
    last_urged_at: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await ctx.trx('approval_request').insert({
    ...row,
    tenant_id: ctx.tenantId,
    data: JSON.stringify(row.data),
    chosen: JSON.stringify(row.chosen),
  });
  if (input.submit === false) await recordEvents(ctx, [{ requestId: id, kind: 'saved' }]);
  else await submit(ctx, forms, row, 'submitted');
  return id;
}

/** Edits a draft or a returned request; with `submit`, sends it from the first step of its flow version. */
export async function editRequest(ctx: ModuleContext, forms: ReportFormsService, id: string, input: EditRequestInput): Promise<void> {
  const row = await lockRequest(ctx.trx, id);
  if (row.applicant_user_id !== ctx.userId) throw badRequest(APPROVAL_ERRORS.REQUEST_INVALID, 'Only the applicant edits a request', []);
  if (row.status !== 'draft' && row.status !== 'returned')
    throw conflict(APPROVAL_ERRORS.STATE_CONFLICT, 'Only a draft or a returned request can be changed', [
      { path: 'params.id', message: `is ${row.status}` },
    ]);
  const changed = { ...row, title: input.title, data: input.data, chosen: input.chosen ?? row.chosen };
  await ctx
    .trx('approval_request')
    .where({ id })
    .update({ title: changed.title, data: JSON.stringify(changed.data), chosen: JSON.stringify(changed.chosen), updated_at: ctx.now });
  if (input.submit === false) await recordEvents(ctx, [{ requestId: id, kind: 'saved' }]);
  else await submit(ctx, forms, changed, row.status === 'returned' ? 'resubmitted' : 'submitted');
}

/**
 * Checks the answers with the flow version's form, lays the flow out for them (the conditions
 * choose their branches now) and starts the first steps. A returned request is laid out anew
 * after its earlier rounds, whose steps stay in its history.
 */
async function submit(ctx: ModuleContext, forms: ReportFormsService, row: RequestRow, kind: 'submitted' | 'resubmitted'): Promise<void> {
  const flow = await loadFlowVersion(ctx.trx, row.type_id, row.flow_version);
  const type = await ctx.trx('approval_type').where({ id: row.type_id }).first('form_id');
  const form = await forms.publishedVersion(ctx.trx, type.form_id, flow.formVersion);
  if (!form)
    throw badRequest(APPROVAL_ERRORS.FORM_INVALID, 'The type’s form is gone', [{ path: 'body.typeId', message: 'has no form to fill' }]);
  const data = await forms.checkAnswers(ctx.trx, form, row.data);
  checkChosen(flow.flow.nodes, row.chosen);
  let plan;
  try {
    plan = planFlow(flow.tree, data);
  } catch (error) {
    if (error instanceof NoBranchError)
      throw badRequest(APPROVAL_ERRORS.NO_BRANCH, 'No branch of the flow fits these answers', [
        { path: 'body.data', message: `fit no branch of the condition "${flow.tree.nodes.get(error.nodeId)?.name ?? error.nodeId}"` },
      ]);
    throw error;
  }
  const last = (await ctx.trx('approval_step').where({ request_id: row.id }).max('seq as seq').first()) as
    { seq: number | null } | undefined;
  const offset = last?.seq === null || last?.seq === undefined ? 0 : last.seq + 1;
  const stepIds = plan.map(() => uuidv7());
  await ctx.trx('approval_step').insert(
    plan.map((step, i) => ({
      tenant_id: ctx.tenantId,
      id: stepIds[i],
      request_id: row.id,
      node_id: step.node.id,
      seq: offset + step.seq,
      kind: step.node.kind,
      name: step.node.name,
      mode: step.node.mode ?? 'any',
      after: JSON.stringify(step.after.map((s) => offset + s)),
      status: 'waiting',
    })),
  );
  await ctx
    .trx('approval_request')
    .where({ id: row.id })
    .update({ status: 'pending', data: JSON.stringify(data), submitted_at: ctx.now, finished_at: null, updated_at: ctx.now });
  row.status = 'pending';
  row.data = data;
  await recordEvents(ctx, [{ requestId: row.id, kind }]);
  await advanceRequest(ctx, row);
}

/** Every "chosen by the applicant" step needs its pick, among the listed accounts when the rule lists some. */
function checkChosen(nodes: { id: string; approvers?: { kind: string; userIds?: string[] }[] }[], chosen: Record<string, string[]>): void {
  const problems = nodes.flatMap((node) =>
    (node.approvers ?? [])
      .filter((r) => r.kind === 'chosen')
      .flatMap((rule) => {
        const picked = chosen[node.id] ?? [];
        if (picked.length === 0) return [{ path: `body.chosen.${node.id}`, message: 'needs the approvers you choose for this step' }];
        const allowed = rule.userIds?.length ? new Set(rule.userIds) : null;
        return allowed && picked.some((id) => !allowed.has(id))
          ? [{ path: `body.chosen.${node.id}`, message: 'names someone not on the step’s list' }]
          : [];
      }),
  );
  if (problems.length > 0) throw badRequest(APPROVAL_ERRORS.REQUEST_INVALID, 'Some steps need their approvers chosen', problems);
}

/** The applicant takes back a request on which nobody has decided yet (automatic passes do not count). */
export async function withdrawRequest(ctx: ModuleContext, id: string, reason: string): Promise<void> {
  const row = await lockRequest(ctx.trx, id);
  if (row.applicant_user_id !== ctx.userId) throw conflict(APPROVAL_ERRORS.STATE_CONFLICT, 'Only the applicant withdraws a request', []);
  if (row.status !== 'pending')
    throw conflict(APPROVAL_ERRORS.STATE_CONFLICT, `The request is ${row.status}`, [{ path: 'params.id', message: `is ${row.status}` }]);
  if (await hasDecisions(ctx.trx, id))
    throw conflict(APPROVAL_ERRORS.ALREADY_DECIDED, 'Someone has already decided on this request', [
      { path: 'params.id', message: 'has decisions' },
    ]);
  await closeOpenWork(ctx, id);
  await ctx.trx('approval_request').where({ id }).update({ status: 'withdrawn', finished_at: ctx.now, updated_at: ctx.now });
  await recordEvents(ctx, [{ requestId: id, kind: 'withdrawn', comment: reason }]);
}

/** Whether anyone has decided on the request (approved, rejected, returned or passed on a task; automatic passes do not count). */
export async function hasDecisions(trx: Knex.Transaction, id: string): Promise<boolean> {
  return Boolean(
    await trx('approval_task').where({ request_id: id }).whereIn('status', ['approved', 'rejected', 'returned', 'transferred']).first('id'),
  );
}

/** Cancels what is still open on a request: its queued and waiting tasks, its unfinished steps. */
export async function closeOpenWork(ctx: ModuleContext, requestId: string): Promise<void> {
  await ctx.trx('approval_task').where({ request_id: requestId }).whereIn('status', ['queued', 'waiting']).update({ status: 'cancelled' });
  await ctx
    .trx('approval_step')
    .where({ request_id: requestId })
    .whereIn('status', ['waiting', 'active'])
    .update({ status: 'cancelled', finished_at: ctx.now });
}

/** The applicant urges (催办) the approvers whose turn it is, at most once per the county's interval. */
export async function urgeRequest(ctx: ModuleContext, id: string): Promise<void> {
  const row = await lockRequest(ctx.trx, id);
  if (row.applicant_user_id !== ctx.userId) throw conflict(APPROVAL_ERRORS.STATE_CONFLICT, 'Only the applicant urges a request', []);
  if (row.status !== 'pending')
    throw conflict(APPROVAL_ERRORS.STATE_CONFLICT, `The request is ${row.status}`, [{ path: 'params.id', message: `is ${row.status}` }]);
  const { urgeIntervalHours } = await approvalsConfig(ctx.trx);
  if (row.last_urged_at && ctx.now.getTime() - new Date(row.last_urged_at).getTime() < urgeIntervalHours * 3_600_000)
    throw tooManyRequests(APPROVAL_ERRORS.URGE_TOO_SOON, `A request can be urged once every ${urgeIntervalHours} hours`);
  const waiting: string[] = await ctx.trx('approval_task').where({ request_id: id, status: 'waiting' }).pluck('approver_user_id');
  await ctx.trx('approval_request').where({ id }).update({ last_urged_at: ctx.now });
  await recordEvents(ctx, [{ requestId: id, kind: 'urged', data: { userIds: waiting } }]);
  await tellApprovers(ctx, row, waiting, true);
}
