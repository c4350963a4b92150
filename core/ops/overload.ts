import type { FastifyInstance } from 'fastify';
import underPressure from '@fastify/under-pressure';
import type { PlatformConfig } from '../config.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Under overload (event loop lagging, heap nearly full) a request gets 503 with `Retry-After`
 * at once instead of waiting in a queue until the client times out. Probes and metrics opt out
 * in their route config (`pressureHandler`), so the operator still sees why.
 */
export async function registerOverloadGuard(app: FastifyInstance, overload: PlatformConfig['overload']): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: overload.maxEventLoopDelayMs,
    maxHeapUsedBytes: overload.maxHeapUsedBytes,
    sampleInterval: overload.sampleIntervalMs,
    retryAfter: overload.retryAfterSeconds,
    pressureHandler: (request, reply, type) => {
      request.log.warn({ pressure: type }, 'overloaded: request refused with 503');
      reply.status(503).header('retry-after', String(overload.retryAfterSeconds));
      // A value returned here is sent as the body (and the request goes no further).
      return {
        error: {
          code: CORE_ERRORS.OVERLOADED,
          message: 'The server is overloaded; retry shortly',
          details: [{ path: 'server', message: type }],
        },
      } as unknown as void;
    },
  });
}
