import type { FastifyInstance, FastifyRequest } from 'fastify';

const pending = new WeakMap<FastifyRequest, () => Promise<void>>();

/**
 * Remembers how to remove content stored during this request. The request transaction commits
 * after the handler (onSend); until it has, the content is not confirmed.
 */
export function trackPlacedFile(request: FastifyRequest, remove: () => Promise<void>): void {
  pending.set(request, remove);
}

/**
 * Keeps storage and database in step: content placed by a request whose transaction did not
 * commit (the handler or the commit failed, or the client went away) is removed again.
 * Registered in the files plugin, so its onSend runs after the tenant scope's commit.
 */
export function registerPlacedFileCleanup(app: FastifyInstance): void {
  app.addHook('onSend', async (request) => {
    if (!request.failed && request.db?.isCompleted()) pending.delete(request);
  });
  const removeUnconfirmed = async (request: FastifyRequest) => {
    const remove = pending.get(request);
    if (!remove) return;
    pending.delete(request);
    await remove().catch((error: unknown) => request.log.error({ err: error }, 'could not remove an uncommitted file'));
  };
  app.addHook('onResponse', removeUnconfirmed);
  app.addHook('onRequestAbort', removeUnconfirmed);
}
