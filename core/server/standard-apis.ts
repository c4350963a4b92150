import type { FastifyInstance } from 'fastify';
import { requireEnabled } from '../modules/module-mount.ts';
import { registerTenantScope } from '../tenancy/tenant-scope.ts';

const PREFIX = /^[a-z][a-z0-9-]{1,30}$/;
const RESERVED = new Set(['api', 'assets', 't', 'public']);

/**
 * Mounts the modules' standard APIs (`PlatformModule.standardApis`, e.g. Open311 at
 * `/open311/t/:tenant/v2/`) at `/<prefix>/t/:tenant`: the tenant scope of the tenant API (tenant
 * resolved, 404 unknown, 403 suspended; its transaction; sessions read when present) and the
 * module's enablement gate. A prefix must be a plain word that no platform path uses.
 */
export async function mountStandardApis(app: FastifyInstance): Promise<void> {
  for (const module of app.platform.modules.topologicalOrder()) {
    for (const api of module.standardApis ?? []) {
      if (!PREFIX.test(api.prefix) || RESERVED.has(api.prefix))
        throw new Error(`module ${module.manifest.id}: standard API prefix "${api.prefix}" is not a free plain word`);
      await app.register(
        async (scope) => {
          registerTenantScope(scope);
          requireEnabled(scope, module.manifest.id);
          await scope.register(api.routes);
        },
        { prefix: `/${api.prefix}/t/:tenant` },
      );
    }
  }
}
