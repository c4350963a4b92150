import type { FastifyRequest } from 'fastify';

/**
 * A service another module provides (see `PlatformModule.provides`), when its module is installed
 * and enabled for the request's tenant; otherwise undefined, and the caller answers as if the
 * feature were absent. The type parameter comes from the provider's `public-api.ts`.
 */
export async function moduleService<T>(request: FastifyRequest, name: string): Promise<T | undefined> {
  const found = request.server.platform.modules.service(name);
  if (!found) return undefined;
  if (request.db) {
    // Through the request's own transaction: a second one (the enablement cache, once its 5 s
    // have passed) waits for the only connection of embedded PGlite, which this request holds.
    const row = await request.db('core_tenant_module').where({ module_id: found.moduleId, enabled: true }).first('module_id');
    return row ? (found.service as T) : undefined;
  }
  const enabled = await request.server.platform.enablement.enabledModules(request.tenant.id);
  return enabled.has(found.moduleId) ? (found.service as T) : undefined;
}
