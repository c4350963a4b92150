import { uuidv7 } from 'uuidv7';
import { badRequest, conflict, forbidden, type ModuleContext } from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import { ANSWERABLE, addresseeProblems, notify, notifyUnit, requestUsers, type RequestAccess } from './request.service.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/**
 * What the called department does with a request before answering it: accept it (受理: "we are
 * on it"), transfer it to the department it belongs to (转办: the new department gets it open,
 * as if addressed to it), or return it to the calling unit with a reason (退回: not ours to
 * answer, or too little to go on). Each is one row of `dispatch_request_step`; the calling unit
 * is told each time.
 */
function mustAnswer(access: RequestAccess, action: string): void {
  if (!access.answers) throw forbidden(DISPATCH_ERRORS.NOT_REQUEST_PARTY, `Only the unit the request is addressed to may ${action} it`);
  if (access.row.status === 'returned')
    throw conflict(DISPATCH_ERRORS.REQUEST_RETURNED, 'The request was returned to the unit that raised it');
  if (!ANSWERABLE.includes(access.row.status)) throw conflict(DISPATCH_ERRORS.REQUEST_RESPONDED, 'The request was already answered');
}

async function step(
  ctx: ModuleContext,
  access: RequestAccess,
  kind: 'accepted' | 'transferred' | 'returned',
  toUnitId: string | null,
  reason: string | null,
) {
  await ctx.trx('dispatch_request_step').insert({
    tenant_id: ctx.tenantId,
    id: uuidv7(),
    request_id: access.row.id,
    kind,
    from_unit_id: access.row.to_unit_id,
    to_unit_id: toUnitId,
    reason,
    created_by: ctx.userId,
    created_at: ctx.now,
  });
}

const callers = async (ctx: ModuleContext, access: RequestAccess) => [
  access.row.created_by,
  ...((await requestUsers(ctx.trx, [access.row.from_unit_id])).get(access.row.from_unit_id) ?? []),
];

export async function acceptRequest(ctx: ModuleContext, access: RequestAccess): Promise<void> {
  mustAnswer(access, 'accept');
  if (access.row.status === 'accepted') throw conflict(DISPATCH_ERRORS.REQUEST_ACCEPTED, 'The request was already accepted');
  const updated = await ctx
    .trx('dispatch_request')
    .where({ id: access.row.id, status: 'open' })
    .update({ status: 'accepted', accepted_by: ctx.userId, accepted_at: ctx.now });
  if (updated === 0) throw conflict(DISPATCH_ERRORS.REQUEST_ACCEPTED, 'The request was already accepted');
  await step(ctx, access, 'accepted', null, null);
  await notify(ctx, await callers(ctx, access), {
    kind: 'dispatch.request.accepted',
    message: dispatchMessage('request.accepted', { unit: access.row.to_unit_name, title: access.row.title }),
    link: `/dispatch/requests/${access.row.id}`,
  });
}

export async function transferRequest(
  ctx: ModuleContext,
  access: RequestAccess,
  input: { toUnitId: string; reason: string },
): Promise<void> {
  mustAnswer(access, 'transfer');
  const problems = [
    ...(await addresseeProblems(ctx.trx, input.toUnitId, [access.row.to_unit_id, access.row.from_unit_id])),
    ...(input.reason.trim() ? [] : [{ path: 'body.reason', message: 'must not be blank' }]),
  ];
  if (problems.length > 0) throw badRequest(DISPATCH_ERRORS.REQUEST_INVALID, 'The request cannot be transferred', problems);
  const updated = await ctx
    .trx('dispatch_request')
    .where({ id: access.row.id })
    .whereIn('status', ANSWERABLE)
    .update({ to_unit_id: input.toUnitId, status: 'open', accepted_by: null, accepted_at: null });
  if (updated === 0) throw conflict(DISPATCH_ERRORS.REQUEST_RESPONDED, 'The request was already answered');
  await step(ctx, access, 'transferred', input.toUnitId, input.reason.trim());
  const config = await dispatchConfig(ctx.trx);
  const toName: string = (await ctx.trx('core_unit').where({ id: input.toUnitId }).first('name')).name;
  await notifyUnit(ctx, input.toUnitId, {
    kind: 'dispatch.request.raised',
    message: dispatchMessage('request.passedOn', {
      from: access.row.from_unit_name,
      via: access.row.to_unit_name,
      title: access.row.title,
      reason: input.reason.slice(0, 120),
    }),
    link: `/dispatch/requests/${access.row.id}`,
    sms: config.smsReminders,
  });
  await notify(ctx, await callers(ctx, access), {
    kind: 'dispatch.request.transferred',
    message: dispatchMessage('request.transferred', {
      unit: access.row.to_unit_name,
      to: toName,
      title: access.row.title,
      reason: input.reason.slice(0, 120),
    }),
    link: `/dispatch/requests/${access.row.id}`,
  });
}

export async function returnRequest(ctx: ModuleContext, access: RequestAccess, input: { reason: string }): Promise<void> {
  mustAnswer(access, 'return');
  if (!input.reason.trim())
    throw badRequest(DISPATCH_ERRORS.REASON_REQUIRED, 'Say why the request is returned', [
      { path: 'body.reason', message: 'must not be blank' },
    ]);
  const updated = await ctx
    .trx('dispatch_request')
    .where({ id: access.row.id })
    .whereIn('status', ANSWERABLE)
    .update({ status: 'returned', return_reason: input.reason.trim(), returned_by: ctx.userId, returned_at: ctx.now });
  if (updated === 0) throw conflict(DISPATCH_ERRORS.REQUEST_RESPONDED, 'The request was already answered');
  await step(ctx, access, 'returned', null, input.reason.trim());
  await notify(ctx, await callers(ctx, access), {
    kind: 'dispatch.request.returned',
    message: dispatchMessage('request.returned', {
      unit: access.row.to_unit_name,
      title: access.row.title,
      reason: input.reason.slice(0, 120),
    }),
    link: `/dispatch/requests/${access.row.id}`,
  });
}
