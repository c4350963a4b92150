import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { PlatformConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { PlatformModule } from './modules/contract.ts';
import { ModuleRegistry } from './modules/module-registry.ts';
import { ModuleEnablement } from './modules/module-enablement.ts';
import { TenantDirectory } from './tenancy/tenant-directory.ts';
import { SessionCache } from './auth/session-cache.ts';
import { FileStore } from './files/file-store.ts';
import { loadConstraintColumns } from './db/constraint-columns.ts';
import { scopeQueriesToTenant } from './db/tenant-scoping.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerValidation } from './http/validation.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { registerOpenApi } from './server/openapi.ts';
import { registerRouteCatalog } from './server/route-catalog.ts';
import { platformApi } from './server/platform-api.ts';
import { tenantApi } from './server/tenant-api.ts';
import { mountStandardApis } from './server/standard-apis.ts';
import { jobsPlugin } from './jobs/jobs.plugin.ts';
import { moduleWorkDeps } from './jobs/module-jobs.ts';
import { registerExportWork } from './exports/export.job.ts';
import { exportFileAccess } from './exports/export.service.ts';
import { notifyPlugin } from './notify/notify.plugin.ts';
import { registerWebApp } from './server/web-app.ts';
import { registerApiResponseHeaders } from './http/api-response-headers.ts';
import { registerStagingSweep } from './files/staging-sweep.ts';
import { opsServerOptions, registerOperationRoutes, registerOperations } from './ops/ops.plugin.ts';
import './http/request-context.ts';

export interface BuildAppOptions {
  config: PlatformConfig;
  db: Database;
  /** Installed modules; the server passes `modules/index.ts`, tests may pass their own. */
  modules: PlatformModule[];
  logger?: FastifyServerOptions['logger'];
}

/** JSON bodies above this are refused with 413 (files go through multipart, with their own limit). */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the whole platform as a fastify instance without listening (tests `inject` into it;
 * core/server.ts listens). Every installed module is checked and mounted here, at start.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.config.trustProxy,
    ...opsServerOptions(),
  });
  // First: the shutdown gate, request ids and log lines (core/ops).
  registerOperations(app);
  registerApiResponseHeaders(app);
  registerRouteCatalog(app);
  registerValidation(app);
  registerErrorHandler(app);
  registerInputGuard(app);
  await app.register(fastifyCookie);
  // Only where a route asks for it (sign-in: core/auth/sign-in.ts), keyed by request.ip.
  await app.register(fastifyRateLimit, { global: false });
  await registerOpenApi(app);

  app.decorate('platform', {
    config: options.config,
    db: options.db,
    tenants: new TenantDirectory(options.db),
    modules: new ModuleRegistry(options.modules),
    enablement: new ModuleEnablement(options.db),
    sessions: new SessionCache(),
    files: FileStore.inDataDir(options.config.dataDir),
    coreFileAccess: { export: exportFileAccess },
    constraintColumns: await loadConstraintColumns(options.db),
  });
  // After the module registry has checked the manifests (a broken module stops the start first).
  await scopeQueriesToTenant(options.db);
  app.decorateRequest('tenant', null as never);
  app.decorateRequest('db', null as never);
  app.decorateRequest('user', null);
  app.decorateRequest('operator', null);
  app.decorateRequest('failed', false);

  await app.register(jobsPlugin);
  // The one export job, which runs every module's export runners (core/exports).
  registerExportWork(app.jobs, moduleWorkDeps(app.platform));
  await app.register(notifyPlugin);
  registerStagingSweep(app);

  await registerOperationRoutes(app);
  app.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Liveness', response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } } },
    async () => ({ ok: true }),
  );
  await app.register(platformApi, { prefix: '/api/platform' });
  await app.register(tenantApi, { prefix: '/api/t/:tenant' });
  await mountStandardApis(app);
  await registerWebApp(app);
  return app;
}
