import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../http/route-plugin.ts';
import { currentUser } from '../http/request-context.ts';
import { forbidden } from '../http/errors.ts';
import { tenantContext } from '../auth/tenant-context.ts';
import { applyConfigRoute, exportConfigRoute } from './tenant-config.schema.ts';
import { exportTenantConfig } from './tenant-config-export.ts';
import { applyTenantConfig } from './tenant-config-apply.ts';
import type { ApplyReport } from './apply-report.ts';
import { setTransactionTenant } from '../db/tenant-scoping.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** A file of a large county (tens of thousands of people) is bigger than the API's usual 1 MiB. */
const CONFIG_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Tenant configuration as code, for the admin console: export and apply. Tenant admins only, not
 * a grantable permission: a config creates admin accounts and grants every permission, so whoever
 * applies one can make themselves an admin anyway.
 */
export const tenantConfigRoutes: RoutePlugin = async (app) => {
  app.get('/config/export', { schema: exportConfigRoute }, async (request, reply) => {
    requireTenantAdmin(request);
    const config = await exportTenantConfig(request.db, request.tenant.id, app.platform.modules);
    return reply.header('content-disposition', `attachment; filename="${request.tenant.slug}.tenant-config.json"`).send(config);
  });

  app.post('/config/apply', { schema: applyConfigRoute, bodyLimit: CONFIG_BODY_LIMIT }, async (request) => {
    requireTenantAdmin(request);
    const { dryRun, prune } = request.query;
    // A savepoint inside the request's transaction: a dry run rolls back just the apply, and a
    // failing apply rolls back with the request.
    const savepoint = await request.db.transaction();
    // A savepoint is a knex transaction of its own: its queries name the tenant like the request's.
    setTransactionTenant(savepoint, request.tenant.id);
    let report: ApplyReport;
    try {
      report = await applyTenantConfig({ ...tenantContext(request), trx: savepoint }, request.body, { prune, dryRun });
    } catch (error) {
      await savepoint.rollback();
      throw error;
    }
    if (dryRun) await savepoint.rollback();
    else await savepoint.commit();
    return report;
  });
};

function requireTenantAdmin(request: FastifyRequest): void {
  if (!currentUser(request).isTenantAdmin)
    throw forbidden(CORE_ERRORS.TENANT_ADMIN_REQUIRED, 'Only a tenant admin may export or apply the tenant configuration');
}
