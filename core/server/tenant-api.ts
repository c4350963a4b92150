import type { FastifyPluginAsync } from 'fastify';
import { registerTenantScope } from '../tenancy/tenant-scope.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { moduleRoutes } from '../modules/module.routes.ts';
import { roleRoutes } from '../auth/role.routes.ts';
import { userRoutes } from '../auth/user.routes.ts';
import { bulkAccessRoutes } from '../auth/bulk-access.routes.ts';
import { fileRoutes } from '../files/file.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { auditCatalogueRoutes } from '../audit/audit-catalogue.routes.ts';
import { calendarRoutes } from '../calendar/calendar.routes.ts';
import { customFieldRoutes } from '../custom-fields/custom-field.routes.ts';
import { notificationRoutes } from '../notify/notification.routes.ts';
import { exportRoutes } from '../exports/export.routes.ts';
import { orgRoutes } from '../org/org.routes.ts';
import { directoryRoutes } from '../directory/directory.routes.ts';
import { tenantConfigRoutes } from '../tenant-config/tenant-config.routes.ts';
import { mountModules } from '../modules/module-mount.ts';

/** `/api/t/:tenant`: the core tenant API, then every installed module under its own id. */
export const tenantApi: FastifyPluginAsync = async (scope) => {
  registerTenantScope(scope);
  await scope.register(authRoutes);
  await scope.register(moduleRoutes);
  await scope.register(roleRoutes);
  await scope.register(userRoutes);
  await scope.register(bulkAccessRoutes);
  await scope.register(fileRoutes);
  await scope.register(auditRoutes);
  await scope.register(auditCatalogueRoutes);
  await scope.register(calendarRoutes);
  await scope.register(customFieldRoutes);
  await scope.register(notificationRoutes);
  await scope.register(exportRoutes);
  await scope.register(orgRoutes);
  await scope.register(directoryRoutes);
  await scope.register(tenantConfigRoutes);
  await mountModules(scope);
};
