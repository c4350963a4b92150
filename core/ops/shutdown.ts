import net from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

const PROBE_ROUTES = new Set(['/healthz', '/readyz']);

/**
 * Graceful stop on SIGTERM: no new connections; a request arriving on a connection that is
 * already open gets 503 with `Connection: close` (the client sees an answer, not a reset, and
 * retries elsewhere); requests and jobs in progress get up to the grace period to finish.
 */
export class GracefulShutdown {
  draining = false;
  private readonly inFlight = new Set<FastifyRequest>();

  constructor(private readonly app: FastifyInstance) {}

  /** Call first in the app's hook order: the gate runs before anything else of a request. */
  registerHooks(): void {
    const app = this.app;
    app.addHook('onRequest', async (request, reply) => {
      if (this.draining) {
        reply.header('connection', 'close');
        if (PROBE_ROUTES.has(request.routeOptions.url ?? '')) return;
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({ error: { code: CORE_ERRORS.SHUTTING_DOWN, message: 'The server is shutting down; retry on another one', details: [] } });
      }
      this.inFlight.add(request);
    });
    const done = async (request: FastifyRequest) => {
      this.inFlight.delete(request);
    };
    app.addHook('onResponse', done);
    app.addHook('onRequestAbort', done);
  }

  /**
   * Drains and closes the app within `graceMs`. Resolves true when every request and job
   * finished in time, false when the deadline cut them off.
   */
  async drain(graceMs: number): Promise<boolean> {
    const app = this.app;
    const deadline = Date.now() + graceMs;
    this.draining = true;
    // Stop listening but keep open connections (http.Server.close would also drop idle
    // keep-alive ones at once, and a request already on its way on one would meet a reset).
    if (app.server.listening) net.Server.prototype.close.call(app.server);
    app.log.info({ inFlightRequests: this.inFlight.size, graceMs }, 'shutting down: no new connections, finishing requests and jobs');
    const jobsStopped = app.jobs.stop();
    while (this.inFlight.size > 0 && Date.now() < deadline) await delay(25);
    const requestsFinished = this.inFlight.size === 0;
    const jobsFinished = await Promise.race([jobsStopped.then(() => true), delay(Math.max(0, deadline - Date.now())).then(() => false)]);
    if (!requestsFinished || !jobsFinished) {
      app.log.warn({ unfinishedRequests: this.inFlight.size, jobsFinished }, 'shutdown grace period over: closing what is left');
      app.server.closeAllConnections();
    }
    await app.close();
    return requestsFinished && jobsFinished;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
