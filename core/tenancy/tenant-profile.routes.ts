import type { RoutePlugin } from '../http/route-plugin.ts';
import { afterCommit } from '../db/request-transaction.ts';
import { currentOperator } from '../auth/operator-auth.ts';
import { getTenantRoute, resetTenantAdminPasswordRoute, updateTenantRoute } from './tenant-profile.schema.ts';
import { resetTenantAdminPassword, tenantProfile, updateTenantProfile } from './tenant-profile.service.ts';
import { tenantToView } from './tenant.service.ts';
import { NO_CACHES } from '../auth/tenant-context.ts';
import { notFound } from '../http/errors.ts';
import { GrantGuard } from '../auth/grant-guard.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** Platform operator: open one county, edit its profile, reset an admin's password. */
export const tenantProfileRoutes: RoutePlugin = async (app) => {
  app.get('/tenants/:id', { schema: getTenantRoute }, async (request) => {
    const { tenant, admins } = await tenantProfile(request.db, request.params.id);
    return { tenant: tenantToView(tenant), admins };
  });

  app.patch('/tenants/:id', { schema: updateTenantRoute }, async (request) => {
    const tenant = await updateTenantProfile(request.db, request.params.id, request.body, currentOperator(request));
    afterCommit(request, () => app.platform.tenants.forget(tenant.slug));
    return tenantToView(tenant);
  });

  app.post('/tenants/:id/admins/:userId/reset-password', { schema: resetTenantAdminPasswordRoute }, async (request) => {
    const { id, userId } = request.params;
    const exists = await request.db('core_tenant').where({ id }).first('id');
    if (!exists) throw notFound(CORE_ERRORS.TENANT_NOT_FOUND, 'No such tenant');
    const ctx = {
      trx: request.db,
      tenantId: id,
      actorUserId: null,
      // The platform operator acts above any county role; the service still resets only county admins.
      guard: GrantGuard.SYSTEM,
      registry: app.platform.modules,
      caches: { ...NO_CACHES, userChanged: (uid: string) => afterCommit(request, () => app.platform.sessions.evictUser(id, uid)) },
    };
    const user = await resetTenantAdminPassword(ctx, userId, request.body.newPassword, currentOperator(request));
    return { id: user.id, username: user.username, displayName: user.displayName, status: user.status, locked: user.locked };
  });
};
