import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit.service.ts';
import { UserService } from '../auth/user.service.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { TenantContext } from '../auth/tenant-context.ts';
import { inTenantContext, type TenantRow } from './tenant.service.ts';
import { LOCKED_SQL } from '../auth/user.service.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

const TENANT_COLUMNS = ['id', 'slug', 'name', 'status', 'locale', 'time_zone', 'logo_url', 'created_at', 'suspended_at'];

export interface ProfileChange {
  name?: string;
  locale?: string;
  timeZone?: string;
  logoUrl?: string | null;
}

export interface Operator {
  id: string;
  username: string;
  displayName: string;
}

/** One county as the operator opens it: its profile and its admins (never their passwords). */
export async function tenantProfile(trx: Knex.Transaction, id: string) {
  const tenant: TenantRow | undefined = await trx('core_tenant').where({ id }).first(TENANT_COLUMNS);
  if (!tenant) throw notFound(CORE_ERRORS.TENANT_NOT_FOUND, 'No such tenant');
  let admins: { id: string; username: string; display_name: string; status: string; locked: boolean }[] = [];
  await inTenantContext(trx, id, async () => {
    admins = await trx('core_user')
      .where({ is_tenant_admin: true })
      .orderBy('username')
      .select('id', 'username', 'display_name', 'status', trx.raw(LOCKED_SQL));
  });
  return {
    tenant,
    admins: admins.map((a) => ({ id: a.id, username: a.username, displayName: a.display_name, status: a.status, locked: a.locked })),
  };
}

/**
 * The operator edits a county's profile; the change is written into the county's own audit
 * trail (the same entry a configuration apply writes), naming the operator.
 */
export async function updateTenantProfile(
  trx: Knex.Transaction,
  id: string,
  change: ProfileChange,
  operator: Operator,
): Promise<TenantRow> {
  const current: TenantRow | undefined = await trx('core_tenant').where({ id }).first(TENANT_COLUMNS);
  if (!current) throw notFound(CORE_ERRORS.TENANT_NOT_FOUND, 'No such tenant');
  const changes: Record<string, string | null> = {};
  if (change.name !== undefined && change.name !== current.name) changes.name = change.name;
  if (change.locale !== undefined && change.locale !== current.locale) changes.locale = change.locale;
  if (change.timeZone !== undefined && change.timeZone !== current.time_zone) changes.time_zone = change.timeZone;
  if (change.logoUrl !== undefined && change.logoUrl !== current.logo_url) changes.logo_url = change.logoUrl;
  const fields = Object.keys(changes);
  if (fields.length === 0) return current;
  const [updated] = await trx('core_tenant')
    .where({ id })
    .update({ ...changes, updated_at: trx.fn.now() })
    .returning(TENANT_COLUMNS);
  const before = Object.fromEntries(fields.map((f) => [f, current[f as keyof TenantRow]]));
  await inTenantContext(trx, id, () =>
    writeAudit(trx, id, null, {
      action: 'tenant.profile.update',
      recordType: 'tenant',
      recordId: id,
      data: { before, after: changes, operator: operatorNote(operator) },
    }),
  );
  return updated;
}

/**
 * The operator resets one of the county's admins' passwords (a county locked out of its only
 * admin account): the same reset an admin does for a user — unlocked, sessions ended, a new
 * password required at next sign-in — audited in the county's trail with the operator's name.
 */
export async function resetTenantAdminPassword(ctx: TenantContext, userId: string, newPassword: string, operator: Operator) {
  let result: Awaited<ReturnType<UserService['resetPassword']>> | undefined;
  await inTenantContext(ctx.trx, ctx.tenantId, async () => {
    const target = await ctx.trx('core_user').where({ id: userId }).first('is_tenant_admin');
    if (!target) throw notFound(CORE_ERRORS.USER_NOT_FOUND, 'No such admin in this county');
    if (!target.is_tenant_admin) {
      throw badRequest(CORE_ERRORS.USER_NOT_TENANT_ADMIN, 'Operators reset only county admins; the county’s admins reset everyone else', [
        { path: 'params.userId', message: 'is not an admin of the county' },
      ]);
    }
    result = await new UserService(ctx).resetPassword(userId, newPassword, { operator: operatorNote(operator) });
  });
  return result as NonNullable<typeof result>;
}

function operatorNote(operator: Operator) {
  return { id: operator.id, username: operator.username, displayName: operator.displayName };
}
