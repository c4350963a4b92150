import type { FastifyInstance } from 'fastify';

/** A staged upload untouched this long belongs to no live request (uploads are a few MB). */
export const STAGING_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Partial uploads a crash left in `files/.staging` are removed when the app starts: everything
 * last written before this process began (an upload in progress elsewhere keeps writing, so it
 * is newer). After that, hourly, whatever has been untouched for an hour.
 */
export function registerStagingSweep(app: FastifyInstance): void {
  const store = app.platform.files;
  let timer: NodeJS.Timeout | undefined;
  const sweep = async (olderThanMs: number, now?: number) => {
    try {
      const removed = await store.sweepStaging(olderThanMs, now);
      if (removed > 0) app.log.info({ removed }, 'removed partial uploads left in the staging folder');
    } catch (error) {
      app.log.warn({ err: error }, 'could not sweep the upload staging folder');
    }
  };
  app.addHook('onReady', async () => {
    await sweep(0, performance.timeOrigin);
    timer = setInterval(() => void sweep(STAGING_MAX_AGE_MS), STAGING_MAX_AGE_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
