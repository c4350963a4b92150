import type { RoutePlugin } from '../http/route-plugin.ts';
import { tenantContext } from '../auth/tenant-context.ts';
import { requirePermission } from '../auth/permissions.ts';
import { configureModuleRoute, listModulesRoute, toggleModuleRoute } from './module.schema.ts';
import { TenantModules } from './module.service.ts';

/** The tenant's module catalogue: list, enable, disable, configure. */
export const moduleRoutes: RoutePlugin = async (app) => {
  app.get('/modules', { schema: listModulesRoute }, async (request) => ({ items: await new TenantModules(tenantContext(request)).list() }));

  app.post('/modules/:moduleId/enable', { schema: toggleModuleRoute }, async (request) => {
    await requirePermission(request, 'core.modules.manage');
    return new TenantModules(tenantContext(request)).enable(request.params.moduleId);
  });

  app.post('/modules/:moduleId/disable', { schema: toggleModuleRoute }, async (request) => {
    await requirePermission(request, 'core.modules.manage');
    return new TenantModules(tenantContext(request)).disable(request.params.moduleId);
  });

  app.put('/modules/:moduleId/config', { schema: configureModuleRoute }, async (request) => {
    await requirePermission(request, 'core.modules.manage');
    return new TenantModules(tenantContext(request)).configure(request.params.moduleId, request.body.config);
  });
};
