import type { RoutePlugin } from '../http/route-plugin.ts';
import { tenantContext } from '../auth/tenant-context.ts';
import { requirePermission } from '../auth/permissions.ts';
import { effectiveSchemaRoute, getCustomFieldsRoute, putCustomFieldsRoute } from './custom-field.schema.ts';
import { CustomFieldSets } from './custom-field.service.ts';

/** Tenant custom fields on module record types: read by any signed-in user, changed with `core.custom_fields.manage`. */
export const customFieldRoutes: RoutePlugin = async (app) => {
  app.get('/custom-fields/:moduleId/:recordType', { schema: getCustomFieldsRoute }, async (request) => {
    const { moduleId, recordType } = request.params;
    return new CustomFieldSets(tenantContext(request)).get(moduleId, recordType);
  });

  app.get('/custom-fields/:moduleId/:recordType/effective-schema', { schema: effectiveSchemaRoute }, async (request) => {
    const { moduleId, recordType } = request.params;
    return new CustomFieldSets(tenantContext(request)).effective(moduleId, recordType);
  });

  app.put('/custom-fields/:moduleId/:recordType', { schema: putCustomFieldsRoute }, async (request) => {
    await requirePermission(request, 'core.custom_fields.manage');
    const { moduleId, recordType } = request.params;
    return new CustomFieldSets(tenantContext(request)).put(moduleId, recordType, request.body);
  });
};
