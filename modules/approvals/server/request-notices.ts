import { accountFacts, type ModuleContext } from '../../../core/module-kit.ts';
import { approvalsConfig } from '../approvals-config.ts';
import { approvalsMessages } from '../locales/notifications.ts';
import type { RequestRow } from './request-row.ts';

const link = (request: RequestRow) => `/approvals/requests/${request.id}`;

async function facts(ctx: ModuleContext, request: RequestRow) {
  const type: { name: string } = await ctx.trx('approval_type').where({ id: request.type_id }).first('name');
  const applicant = (await accountFacts(ctx.trx, [request.applicant_user_id])).get(request.applicant_user_id);
  return { title: request.title, type: type.name, applicant: applicant?.displayName ?? '' };
}

/** Approvers whose turn it is: in-app, and by SMS when the county wants it. */
export async function tellApprovers(ctx: ModuleContext, request: RequestRow, userIds: string[], urged = false): Promise<void> {
  if (userIds.length === 0) return;
  const config = await approvalsConfig(ctx.trx);
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds,
    kind: urged ? 'approvals.task.urged' : 'approvals.task.waiting',
    message: approvalsMessages.message(urged ? 'task.urged' : 'task.waiting', await facts(ctx, request)),
    link: link(request),
    sms: config.smsReminders,
  });
}

export async function tellCopied(ctx: ModuleContext, request: RequestRow, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const { title, type, applicant } = await facts(ctx, request);
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds,
    kind: 'approvals.request.copied',
    message: approvalsMessages.message('request.copied', { title, type, applicant }),
    link: link(request),
  });
}

export async function tellApplicant(
  ctx: ModuleContext,
  request: RequestRow,
  key: 'request.approved' | 'request.rejected' | 'request.returned',
  extra: { by?: string; reason?: string },
): Promise<void> {
  const { title, type } = await facts(ctx, request);
  const message =
    key === 'request.approved'
      ? approvalsMessages.message(key, { title, type })
      : approvalsMessages.message(key, { title, by: extra.by ?? '', reason: extra.reason ?? '' });
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, {
    userIds: [request.applicant_user_id],
    kind: `approvals.${key}`,
    message,
    link: link(request),
  });
}
