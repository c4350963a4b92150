import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a proxy or client may hand us: short, and nothing that could forge a log line or a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** fastify's `genReqId`: the caller's `X-Request-Id` when sane, else a fresh uuid. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

interface WorkContext {
  requestId: string;
}

/**
 * The request a piece of work belongs to, carried across awaits: set for each HTTP request and
 * for each job a request caused, so that jobs enqueued there carry the id on (see job-runner.ts)
 * and the logger stamps it on lines written by code that holds no request logger.
 */
const workContext = new AsyncLocalStorage<WorkContext>();

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return workContext.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return workContext.getStore()?.requestId;
}
