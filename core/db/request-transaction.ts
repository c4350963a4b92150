import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Ends the request's transaction before the response leaves: commit, or roll back when the
 * error handler flagged the request. A client never sees data that is not committed, and an
 * error never leaves half-written records.
 */
export function endTransactionBeforeResponse(scope: FastifyInstance): void {
  scope.addHook('onSend', async (request) => {
    const trx = request.db;
    if (!trx || trx.isCompleted()) return;
    if (request.failed) await trx.rollback();
    else await trx.commit();
  });
  // Safety nets: a request that ends without onSend (aborted) must not keep a connection.
  scope.addHook('onResponse', async (request) => rollbackIfOpen(request));
  scope.addHook('onRequestAbort', async (request) => rollbackIfOpen(request));
}

async function rollbackIfOpen(request: FastifyRequest): Promise<void> {
  const trx = request.db;
  if (trx && !trx.isCompleted()) await trx.rollback().catch(() => undefined);
}
