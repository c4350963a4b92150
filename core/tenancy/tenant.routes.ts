import type { RoutePlugin } from '../http/route-plugin.ts';
import { createTenantRoute, listTenantsRoute, tenantStatusRoute } from './tenant.schema.ts';
import { createTenant, listTenants, setTenantStatus, tenantToView, tenantUsage } from './tenant.service.ts';

/** Platform operator: create, list, suspend and resume tenants. */
export const tenantRoutes: RoutePlugin = async (app) => {
  app.get('/tenants', { schema: listTenantsRoute }, async (request) => {
    const { limit, cursor, q } = request.query;
    const rows = await listTenants(request.db, { limit: limit + 1, cursor, q });
    const page = rows.slice(0, limit);
    const usage = await tenantUsage(
      request.db,
      page.map((t) => t.id),
    );
    return {
      items: page.map((t) => tenantToView(t, usage.get(t.id))),
      nextCursor: rows.length > limit ? page[page.length - 1].slug : null,
    };
  });

  app.post('/tenants', { schema: createTenantRoute }, async (request, reply) => {
    const tenant = await createTenant(request.db, request.body);
    return reply.status(201).send(tenantToView(tenant));
  });

  app.post('/tenants/:id/suspend', { schema: tenantStatusRoute }, async (request) => {
    const tenant = await setTenantStatus(request.db, request.params.id, 'suspended');
    app.platform.tenants.forget(tenant.slug);
    return tenantToView(tenant);
  });

  app.post('/tenants/:id/resume', { schema: tenantStatusRoute }, async (request) => {
    const tenant = await setTenantStatus(request.db, request.params.id, 'active');
    app.platform.tenants.forget(tenant.slug);
    return tenantToView(tenant);
  });
};
