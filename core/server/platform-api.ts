import type { FastifyPluginAsync } from 'fastify';
import { registerPlatformScope } from '../auth/operator-auth.ts';
import { operatorAuthRoutes } from '../auth/operator.routes.ts';
import { tenantRoutes } from '../tenancy/tenant.routes.ts';
import { tenantProfileRoutes } from '../tenancy/tenant-profile.routes.ts';

/** `/api/platform`: what platform operators use. */
export const platformApi: FastifyPluginAsync = async (scope) => {
  registerPlatformScope(scope);
  await scope.register(operatorAuthRoutes);
  await scope.register(tenantRoutes);
  await scope.register(tenantProfileRoutes);
};
