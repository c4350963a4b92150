import type { FastifyInstance } from 'fastify';

/**
 * JSON answers of the API are never sniffed as another type and never stored by a browser or
 * proxy cache: they carry a county's data for one signed-in user. Other answers (file downloads,
 * the forms validator module, the web app) set their own caching and are left alone.
 */
export function registerApiResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/json')) return payload;
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
    return payload;
  });
}
