import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { listAuditActionsRoute } from './audit.schema.ts';
import { auditActionCatalogue } from './audit-actions.ts';

export const auditCatalogueRoutes: RoutePlugin = async (app) => {
  app.get('/audit/actions', { schema: listAuditActionsRoute }, async (request) => {
    await requirePermission(request, 'core.audit.read');
    const moduleIds = app.platform.modules.modules.map((m) => m.manifest.id);
    return { items: await auditActionCatalogue(request.db, request.tenant.id, moduleIds) };
  });
};
