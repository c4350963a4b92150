import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Mounts each installed module's routes at `/api/t/:tenant/<id>`, behind a gate that answers
 * 404 when the tenant has not enabled the module (the module then does not exist for it).
 */
export async function mountModules(scope: FastifyInstance): Promise<void> {
  for (const module of scope.platform.modules.topologicalOrder()) {
    const routes = module.routes;
    if (!routes) continue;
    const moduleId = module.manifest.id;
    await scope.register(
      async (moduleScope) => {
        requireEnabled(moduleScope, moduleId);
        await moduleScope.register(routes);
      },
      { prefix: `/${moduleId}` },
    );
  }
}

/** In this scope, a tenant that has not enabled the module gets 404 (the module does not exist for it). */
export function requireEnabled(scope: FastifyInstance, moduleId: string): void {
  scope.addHook('onRequest', async (request) => {
    const enabled = await scope.platform.enablement.enabledModules(request.tenant.id);
    if (!enabled.has(moduleId)) throw notFound(CORE_ERRORS.MODULE_NOT_ENABLED, `Module "${moduleId}" is not enabled for this tenant`);
  });
}
