import type { FastifyInstance, FastifyRequest } from 'fastify';

const afterCommitWork = new WeakMap<FastifyRequest, (() => void)[]>();

/**
 * Runs `work` once the request's transaction has committed (never if it rolls back): for
 * in-memory caches that must not be refilled from data a concurrent request can still see.
 */
export function afterCommit(request: FastifyRequest, work: () => void): void {
  const list = afterCommitWork.get(request) ?? [];
  list.push(work);
  afterCommitWork.set(request, list);
}

/**
 * Ends the request's transaction before the response leaves: commit, or roll back when the
 * error handler flagged the request. A client never sees data that is not committed, and an
 * error never leaves half-written records.
 */
export function endTransactionBeforeResponse(scope: FastifyInstance): void {
  scope.addHook('onSend', async (request) => {
    const trx = request.db;
    if (!trx || trx.isCompleted()) return;
    if (request.failed) {
      await trx.rollback();
      return;
    }
    await trx.commit();
    for (const work of afterCommitWork.get(request) ?? []) work();
  });
  // Safety nets: a request that ends without onSend (aborted) must not keep a connection.
  scope.addHook('onResponse', async (request) => rollbackIfOpen(request));
  scope.addHook('onRequestAbort', async (request) => rollbackIfOpen(request));
}

async function rollbackIfOpen(request: FastifyRequest): Promise<void> {
  const trx = request.db;
  if (trx && !trx.isCompleted()) await trx.rollback().catch(() => undefined);
}
