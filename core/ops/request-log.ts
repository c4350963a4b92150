import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER, runWithRequestId } from './request-id.ts';

/** The route pattern (`/api/t/:tenant/org/units/:id`), never the raw URL; `unmatched` for 404s. */
export function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/**
 * Echoes the request id, keeps it in the work context for everything the request causes (jobs
 * included), and writes one line per request when the response has left: request id (bound by
 * fastify), tenant slug, user or operator id, route, status and duration. No query string (a
 * search may hold a phone number) and no headers.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    runWithRequestId(request.id, done);
  });
  // The body arrives on socket events outside that context: enter it again before validation.
  app.addHook('preValidation', (request, _reply, done) => runWithRequestId(request.id, done));

  app.addHook('onResponse', async (request, reply) => {
    const line = {
      tenant: request.tenant?.slug,
      userId: request.user?.id ?? request.operator?.id,
      method: request.method,
      route: routeLabel(request),
      path: request.url.split('?')[0],
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.info(line, 'request');
  });
}
