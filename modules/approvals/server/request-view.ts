import type { FastifyRequest } from 'fastify';
import { accountFacts, moduleActor } from '../../../core/module-kit.ts';
import { approvalsConfig } from '../approvals-config.ts';
import type { RequestView } from '../schemas/request.schema.ts';
import { deputiesToday } from './delegation.ts';
import { formsService } from './forms-port.ts';
import { hasDecisions } from './request.service.ts';
import type { RequestRow, StepRow, TaskRow } from './request-row.ts';

interface EventRow {
  id: string;
  step_id: string | null;
  kind: string;
  actor_user_id: string | null;
  on_behalf_of: string | null;
  comment: string;
  attachment_ids: string[];
  data: Record<string, unknown>;
  created_at: Date;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A request as everyone involved reads it: answers, steps with their approvers, the whole history, and what the caller may do. */
export async function requestView(request: FastifyRequest, row: RequestRow): Promise<RequestView> {
  const trx = request.db;
  // One after another: they share the request's transaction, which runs one statement at a time.
  const type: { name: string; form_id: string } = await trx('approval_type').where({ id: row.type_id }).first('name', 'form_id');
  const version: { form_version: number } = await trx('approval_flow_version')
    .where({ type_id: row.type_id, version: row.flow_version })
    .first('form_version');
  const steps: StepRow[] = await trx('approval_step').where({ request_id: row.id }).orderBy('seq');
  const tasks: TaskRow[] = await trx('approval_task')
    .where({ request_id: row.id })
    .orderBy([{ column: 'chain' }, { column: 'position' }, { column: 'created_at' }]);
  const events: EventRow[] = await trx('approval_event')
    .where({ request_id: row.id })
    .orderBy([{ column: 'created_at' }, { column: 'id' }]);
  const form = await (await formsService(request, 'params.id')).publishedVersion(trx, type.form_id, version.form_version);
  const people = await accountFacts(trx, [
    row.applicant_user_id,
    ...tasks.flatMap((t) => [t.approver_user_id, ...(t.on_behalf_of ? [t.on_behalf_of] : [])]),
    ...events.flatMap((e) => [...(e.actor_user_id ? [e.actor_user_id] : []), ...(e.on_behalf_of ? [e.on_behalf_of] : [])]),
  ]);
  const named = (id: string) => ({ id, name: people.get(id)?.displayName ?? '' });
  const maybe = (id: string | null) => (id ? named(id) : null);
  const actor = await moduleActor(request);
  const waiting = tasks.filter((t) => t.status === 'waiting');
  const deputies = await deputiesToday(
    trx,
    waiting.map((t) => t.approver_user_id),
    new Date(),
    request.tenant.timeZone,
  );
  const mine = waiting.find((t) => t.approver_user_id === actor.userId || deputies.get(t.approver_user_id) === actor.userId);
  const isApplicant = row.applicant_user_id === actor.userId;
  const { urgeIntervalHours } = await approvalsConfig(trx);
  const urgedRecently = row.last_urged_at && Date.now() - new Date(row.last_urged_at).getTime() < urgeIntervalHours * 3_600_000;
  return {
    id: row.id,
    typeId: row.type_id,
    typeName: type.name,
    flowVersion: row.flow_version,
    formId: type.form_id,
    formVersion: version.form_version,
    form: { schema: form?.schema ?? {}, uiSchema: form?.uiSchema ?? {} },
    title: row.title,
    status: row.status,
    data: row.data,
    chosen: row.chosen,
    applicant: named(row.applicant_user_id),
    submittedAt: iso(row.submitted_at),
    finishedAt: iso(row.finished_at),
    createdAt: new Date(row.created_at).toISOString(),
    steps: steps.map((s) => ({
      id: s.id,
      nodeId: s.node_id,
      seq: s.seq,
      kind: s.kind,
      name: s.name,
      mode: s.mode,
      after: s.after,
      status: s.status,
      startedAt: iso(s.started_at),
      finishedAt: iso(s.finished_at),
      tasks: tasks
        .filter((t) => t.step_id === s.id)
        .map((t) => ({
          id: t.id,
          chain: t.chain,
          position: t.position,
          approver: named(t.approver_user_id),
          onBehalfOf: maybe(t.on_behalf_of),
          status: t.status,
          decidedAt: iso(t.decided_at),
          comment: t.comment,
        })),
    })),
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      stepId: e.step_id,
      actor: maybe(e.actor_user_id),
      onBehalfOf: maybe(e.on_behalf_of),
      comment: e.comment,
      attachmentIds: e.attachment_ids,
      data: e.data,
      at: new Date(e.created_at).toISOString(),
    })),
    myTaskId: mine?.id ?? null,
    canWithdraw: isApplicant && row.status === 'pending' && !(await hasDecisions(trx, row.id)),
    canUrge: isApplicant && row.status === 'pending' && !urgedRecently,
    canEdit: isApplicant && (row.status === 'draft' || row.status === 'returned'),
  };
}
