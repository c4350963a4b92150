import fp from 'fastify-plugin';
import { JobRunner } from './job-runner.ts';
import { registerModuleWork } from './module-jobs.ts';
import { registerExportWork } from '../exports/export.job.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Durable jobs and module events; workers run between `jobs.start()` and app close. */
    jobs: JobRunner;
  }
}

/**
 * Decorates `app.jobs`. Queues are created when the app is ready, so requests can enqueue at
 * once; workers start only when asked (core/server.ts after listening, tests explicitly), and
 * closing the app stops them before the database goes away.
 */
export const jobsPlugin = fp(
  async (app) => {
    const { db, modules, enablement, config, files } = app.platform;
    const runner = new JobRunner(db, modules, app.log.child({ area: 'jobs' }), {
      pollingIntervalSeconds: config.jobs.pollingSeconds,
      stopTimeoutMs: config.shutdownGraceSeconds * 1000,
    });
    const deps = { db, modules, enablement, retryDelaySeconds: config.jobs.retryDelaySeconds, files };
    registerModuleWork(runner, deps);
    registerExportWork(runner, deps);
    app.decorate('jobs', runner);
    app.addHook('onReady', () => runner.install());
    app.addHook('onClose', () => runner.stop());
  },
  { name: 'jobs', decorators: { fastify: ['platform'] } },
);
