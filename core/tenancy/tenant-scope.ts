import type { FastifyInstance, FastifyRequest } from 'fastify';
import { beginTenantTransaction } from '../db/tenant-transaction.ts';
import { endTransactionBeforeResponse } from '../db/request-transaction.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { authenticateTenantRequest, rejectForeignSession } from '../auth/session-auth.ts';
import { registerIdempotency } from '../http/idempotency.ts';
import { requirePermission } from '../auth/permissions.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Hooks of the `/api/t/:tenant` scope, in request order: onRequest resolves the tenant
 * (404 unknown, 403 suspended); preHandler, after validation, opens the tenant transaction,
 * authenticates and checks the route's `config.permission`; the transaction ends before the
 * response leaves.
 */
export function registerTenantScope(scope: FastifyInstance): void {
  scope.addHook('onRequest', async (request) => {
    const slug = (request.params as { tenant?: string }).tenant ?? '';
    const tenant = await scope.platform.tenants.findBySlug(slug);
    if (!tenant) throw notFound(CORE_ERRORS.TENANT_NOT_FOUND, `No tenant "${slug}"`);
    if (tenant.status === 'suspended') {
      throw forbidden(CORE_ERRORS.TENANT_SUSPENDED, `Tenant "${slug}" is suspended; its data is kept. Contact the platform operator.`);
    }
    request.tenant = tenant;
    rejectForeignSession(request);
  });

  scope.addHook('preHandler', async (request, reply) => {
    request.db = await beginTenantTransaction(scope.platform.db, request.tenant.id);
    await authenticateTenantRequest(request, reply);
    // A route declaring its permission gets its scope before the handler: a 403 writes nothing.
    const permission = request.routeOptions.config.permission;
    if (permission !== undefined) request.scope = await requirePermission(request, permission);
    if (request.routeOptions.config.streamsBody) {
      await request.db.commit();
      request.db = null as never;
    }
  });

  registerIdempotency(scope);
  endTransactionBeforeResponse(scope);
}

/** Opens the tenant transaction of a `streamsBody` route, once its body has been received. */
export async function openRequestTransaction(request: FastifyRequest): Promise<void> {
  request.db = await beginTenantTransaction(request.server.platform.db, request.tenant.id);
}
