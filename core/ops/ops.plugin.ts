import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ReadinessCheck, registerHealthRoutes } from './health.ts';
import { PlatformMetrics, registerMetricsRoute } from './metrics.ts';
import { registerOverloadGuard } from './overload.ts';
import { requestIdFor } from './request-id.ts';
import { registerRequestLog } from './request-log.ts';
import { GracefulShutdown } from './shutdown.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Operations: graceful shutdown (core/server.ts on SIGTERM), readiness, metrics. */
    ops: { shutdown: GracefulShutdown; readiness: ReadinessCheck; metrics: PlatformMetrics | null };
  }
  interface FastifyContextConfig {
    /** @fastify/under-pressure per route: probes return undefined to be served even under pressure. */
    pressureHandler?: () => undefined;
  }
}

/** fastify options for request ids and logging: our id, our one line per request (request-log.ts). */
export function opsServerOptions(): FastifyServerOptions {
  return {
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
  };
}

/** First thing on a new app: the shutdown gate, request ids and the request log. */
export function registerOperations(app: FastifyInstance): void {
  const shutdown = new GracefulShutdown(app);
  shutdown.registerHooks();
  registerRequestLog(app);
  app.decorate('ops', { shutdown, readiness: new ReadinessCheck(app, () => shutdown.draining), metrics: null });
}

/** Once `app.platform` and the job runner exist, before the API routes: the overload guard, `/healthz`, `/readyz`, `/metrics`. */
export async function registerOperationRoutes(app: FastifyInstance): Promise<void> {
  await registerOverloadGuard(app, app.platform.config.overload);
  registerHealthRoutes(app, app.ops.readiness);
  app.ops.metrics = new PlatformMetrics(app);
  registerMetricsRoute(app, app.ops.metrics);
}
