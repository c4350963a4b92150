import type { FastifyInstance, FastifyReply } from 'fastify';
import { badRequest, conflict } from './errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Creates that accept an `Idempotency-Key` header: a retry returns the first answer. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * A phone on a bad network retries a create it never saw the answer to. With the same key the
 * retry gets the first response and creates nothing. The key row is written in the request's own
 * transaction, so it exists exactly when the create committed. A concurrent retry with the same
 * key first takes a transaction-scoped advisory lock on (tenant, user, key): it waits there until
 * the first request's transaction ends, then finds and replays its answer (or, when the first
 * failed, goes ahead itself) — the same on PostgreSQL and on the embedded database.
 */
export function registerIdempotency(scope: FastifyInstance): void {
  scope.decorateRequest('idempotencyKey', null);

  scope.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (!request.routeOptions.config.idempotent || key === undefined || !request.user) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw badRequest(CORE_ERRORS.IDEMPOTENCY_KEY_INVALID, 'Idempotency-Key must be 8–100 letters, digits or . _ : -', [
        { path: 'headers.idempotency-key', message: 'is invalid' },
      ]);
    }
    const route = `${request.method} ${request.routeOptions.url}`;
    await request.db.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
      `idempotency:${request.tenant.id}:${request.user.id}:${key}`,
    ]);
    const previous = await request
      .db('core_idempotency_key')
      .where({ user_id: request.user.id, key })
      .first('route', 'status_code', 'response');
    if (previous) return replay(reply, route, previous);
    await request
      .db('core_idempotency_key')
      .insert({ tenant_id: request.tenant.id, user_id: request.user.id, key, route, status_code: 0, response: '{}' });
    request.idempotencyKey = key;
  });

  // Registered before the commit hook, so the stored answer commits with the create.
  scope.addHook('onSend', async (request, reply, payload) => {
    if (!request.idempotencyKey || request.failed || !request.user) return payload;
    const response = typeof payload === 'string' && payload.length > 0 ? payload : '{}';
    await request
      .db('core_idempotency_key')
      .where({ user_id: request.user.id, key: request.idempotencyKey })
      .update({ status_code: reply.statusCode, response });
    return payload;
  });
}

function replay(reply: FastifyReply, route: string, previous: { route: string; status_code: number; response: unknown }) {
  if (previous.route !== route) {
    throw conflict(CORE_ERRORS.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used for another request', [
      { path: 'headers.idempotency-key', message: 'was used for another request' },
    ]);
  }
  reply.header('idempotent-replay', 'true');
  return reply
    .status(previous.status_code)
    .type('application/json')
    .serializer((body: unknown) => JSON.stringify(body))
    .send(previous.response);
}
