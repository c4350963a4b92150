import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { errorResponses, tenantParams } from '../schemas/common.schema.ts';
import { auditActionCatalogue } from './audit-actions.ts';

const listActionsRoute = {
  tags: ['audit'],
  summary: 'The actions the audit trail filter offers: core’s and every action in this tenant’s trail, with the module each belongs to',
  params: tenantParams,
  response: {
    200: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: { type: 'object', properties: { action: { type: 'string' }, moduleId: { type: ['string', 'null'] } } },
        },
      },
    },
    ...errorResponses,
  },
} as const;

export const auditCatalogueRoutes: RoutePlugin = async (app) => {
  app.get('/audit/actions', { schema: listActionsRoute }, async (request) => {
    await requirePermission(request, 'core.audit.read');
    const moduleIds = app.platform.modules.modules.map((m) => m.manifest.id);
    return { items: await auditActionCatalogue(request.db, request.tenant.id, moduleIds) };
  });
};
