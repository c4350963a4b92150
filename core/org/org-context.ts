import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { writeAudit, type AuditEntry } from '../audit/audit.service.ts';
import { unitPathInScope, type DataScope } from '../auth/permissions.ts';
import { AppError } from '../http/errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * What the org services work in: the tenant transaction (RLS-scoped), who acts, and the data
 * scope of the permission the caller was checked for. Routes build it from the request; the
 * demo seed builds one for the whole tenant.
 */
export interface OrgContext {
  trx: Knex.Transaction;
  tenantId: string;
  actorUserId: string | null;
  scope: DataScope;
}

export function orgContext(request: FastifyRequest, scope: DataScope): OrgContext {
  return { trx: request.db, tenantId: request.tenant.id, actorUserId: request.user?.id ?? null, scope };
}

/** Writes the audit entry of a change in the change's own transaction (what `audit(request)` does). */
export function auditOrg(ctx: OrgContext, entry: AuditEntry): Promise<void> {
  return writeAudit(ctx.trx, ctx.tenantId, ctx.actorUserId, entry);
}

/** 403 unless the unit (by its materialised path) lies inside the caller's data scope. */
export function assertUnitInScope(ctx: OrgContext, unitPath: string, field: string): void {
  if (!unitPathInScope(unitPath, ctx.scope)) {
    throw new AppError(403, CORE_ERRORS.ORG_OUT_OF_SCOPE, 'This unit is outside your data scope', [
      { path: field, message: 'is outside your data scope' },
    ]);
  }
}
