import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { writeAudit, type AuditEntry } from '../audit/audit.service.ts';
import { afterCommit } from '../db/request-transaction.ts';
import type { ModuleRegistry } from '../modules/module-registry.ts';
import { GrantGuard } from './grant-guard.ts';

/**
 * This node's in-memory caches a change must clear once it is committed. A CLI run or the start-up
 * seed has none to clear (another process holds its own, which expire within seconds).
 */
export interface TenantCaches {
  modulesChanged(): void;
  userChanged(userId: string): void;
  /** The tenant's own row (name, locale, logo) changed. */
  tenantChanged(slug: string): void;
}

/**
 * What the tenant services (roles, users, modules, custom fields) work in: the tenant transaction,
 * who acts, and the installed modules. Routes build it from the request; the tenant-config apply
 * and the start-up seed build one without a request.
 */
export interface TenantContext {
  trx: Knex.Transaction;
  tenantId: string;
  actorUserId: string | null;
  /** What the actor may give, grant or take over (core/auth/grant-guard.ts); `GrantGuard.SYSTEM` outside requests. */
  guard: GrantGuard;
  registry: ModuleRegistry;
  caches: TenantCaches;
}

export const NO_CACHES: TenantCaches = { modulesChanged: () => undefined, userChanged: () => undefined, tenantChanged: () => undefined };

export function tenantContext(request: FastifyRequest): TenantContext {
  const { tenant, server } = request;
  return {
    trx: request.db,
    tenantId: tenant.id,
    actorUserId: request.user?.id ?? null,
    guard: GrantGuard.forRequest(request),
    registry: server.platform.modules,
    caches: {
      modulesChanged: () => afterCommit(request, () => server.platform.enablement.forget(tenant.id)),
      userChanged: (userId) => afterCommit(request, () => server.platform.sessions.evictUser(tenant.id, userId)),
      tenantChanged: (slug) => afterCommit(request, () => server.platform.tenants.forget(slug)),
    },
  };
}

/** Writes the audit entry of a change in the change's own transaction. */
export function auditTenant(ctx: TenantContext, entry: AuditEntry): Promise<void> {
  return writeAudit(ctx.trx, ctx.tenantId, ctx.actorUserId, entry);
}
