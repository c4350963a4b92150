import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { accountFacts, badRequest, conflict, notFound, roleNames, type ErrorDetail, type ModuleContext } from '../../../core/module-kit.ts';
import type { ReportFormsService } from '../../forms/public-api.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';
import type { FlowDefinition } from '../schemas/flow.schema.ts';
import type { TypeInput } from '../schemas/type.schema.ts';
import { checkFlow } from './flow-tree.ts';
import { formFieldNames } from './forms-port.ts';

export interface TypeRow {
  id: string;
  name: string;
  category: string;
  description: string;
  form_id: string;
  current_version: number;
  active: boolean;
  updated_at: Date;
  flow: FlowDefinition;
  form_version: number;
}

export function typeQuery(trx: Knex.Transaction) {
  return trx('approval_type as t')
    .join('approval_flow_version as v', function joinVersion() {
      this.on('v.tenant_id', 't.tenant_id').andOn('v.type_id', 't.id').andOn('v.version', 't.current_version');
    })
    .select('t.*', 'v.flow', 'v.form_version');
}

export async function findType(trx: Knex.Transaction, id: string): Promise<TypeRow> {
  const row: TypeRow | undefined = await typeQuery(trx).where('t.id', id).first();
  if (!row) throw notFound(APPROVAL_ERRORS.TYPE_NOT_FOUND, 'No such approval type');
  return row;
}

/**
 * Checks a flow against its form and the county's directory, throwing every problem at once:
 * its shape (checkFlow), and approvers that are accounts or roles of this county (another
 * county's ids are unknown here, as everywhere).
 */
async function checkedFlow(trx: Knex.Transaction, flow: FlowDefinition, fields: Set<string>): Promise<void> {
  const { problems } = checkFlow(flow, fields, 'body.flow');
  const userIds = flow.nodes.flatMap((n) => (n.approvers ?? []).flatMap((r) => r.userIds ?? []));
  const roleIds = flow.nodes.flatMap((n) => (n.approvers ?? []).flatMap((r) => (r.roleId ? [r.roleId] : [])));
  const accounts = await accountFacts(trx, userIds);
  const roles = await roleNames(trx, roleIds);
  flow.nodes.forEach((node, i) =>
    node.approvers?.forEach((rule, r) => {
      const at = `body.flow.nodes[${i}].approvers[${r}]`;
      rule.userIds?.forEach((id, u) => {
        if (!accounts.get(id)?.active) problems.push({ path: `${at}.userIds[${u}]`, message: 'is not an active account of this county' });
      });
      if (rule.roleId && !roles.has(rule.roleId)) problems.push({ path: `${at}.roleId`, message: 'is not a role of this county' });
    }),
  );
  if (problems.length > 0) throw badRequest(APPROVAL_ERRORS.FLOW_INVALID, 'The flow cannot be used', problems as ErrorDetail[]);
}

async function publishedForm(trx: Knex.Transaction, forms: ReportFormsService, formId: string) {
  const version = await forms.publishedVersion(trx, formId);
  if (!version)
    throw badRequest(APPROVAL_ERRORS.FORM_INVALID, 'No such published form', [
      { path: 'body.formId', message: 'is not a published form of this county' },
    ]);
  return version;
}

async function nameFree(trx: Knex.Transaction, name: string, id: string | null): Promise<void> {
  const taken = await trx('approval_type')
    .where({ name })
    .modify((q) => (id ? q.whereNot({ id }) : q))
    .first('id');
  if (taken)
    throw conflict(APPROVAL_ERRORS.TYPE_NAME_TAKEN, 'Another approval type has this name', [{ path: 'body.name', message: 'is taken' }]);
}

export async function createType(ctx: ModuleContext, forms: ReportFormsService, input: TypeInput): Promise<string> {
  const form = await publishedForm(ctx.trx, forms, input.formId);
  await checkedFlow(ctx.trx, input.flow, formFieldNames(form.schema));
  await nameFree(ctx.trx, input.name, null);
  const id = uuidv7();
  await ctx.trx('approval_type').insert({
    tenant_id: ctx.tenantId,
    id,
    name: input.name,
    category: input.category ?? '',
    description: input.description ?? '',
    form_id: form.formId,
    current_version: 1,
    active: input.active ?? true,
    created_by: ctx.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await ctx.trx('approval_flow_version').insert({
    tenant_id: ctx.tenantId,
    type_id: id,
    version: 1,
    form_version: form.version,
    flow: JSON.stringify(input.flow),
    created_by: ctx.userId,
    created_at: ctx.now,
  });
  return id;
}

/**
 * Saves a type: its name and texts change in place; a new form or flow becomes a new version that
 * new requests take, while requests in flight keep the version they started with.
 */
export async function updateType(ctx: ModuleContext, forms: ReportFormsService, id: string, input: TypeInput): Promise<void> {
  const current = await findType(ctx.trx, id);
  const form = await publishedForm(ctx.trx, forms, input.formId);
  await checkedFlow(ctx.trx, input.flow, formFieldNames(form.schema));
  await nameFree(ctx.trx, input.name, id);
  const changed =
    form.formId !== current.form_id || form.version !== current.form_version || JSON.stringify(input.flow) !== JSON.stringify(current.flow);
  const version = changed ? current.current_version + 1 : current.current_version;
  if (changed)
    await ctx.trx('approval_flow_version').insert({
      tenant_id: ctx.tenantId,
      type_id: id,
      version,
      form_version: form.version,
      flow: JSON.stringify(input.flow),
      created_by: ctx.userId,
      created_at: ctx.now,
    });
  await ctx
    .trx('approval_type')
    .where({ id })
    .update({
      name: input.name,
      category: input.category ?? '',
      description: input.description ?? '',
      form_id: form.formId,
      current_version: version,
      active: input.active ?? current.active,
      updated_at: ctx.now,
    });
}
