import fp from 'fastify-plugin';
import { JobRunner } from './job-runner.ts';
import { moduleWorkDeps, registerModuleWork } from './module-jobs.ts';

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
    const { db, modules, config } = app.platform;
    const runner = new JobRunner(db, modules, app.log.child({ area: 'jobs' }), {
      pollingIntervalSeconds: config.jobs.pollingSeconds,
      stopTimeoutMs: config.shutdownGraceSeconds * 1000,
    });
    // Core's export job is registered where the app is wired (core/app.ts): the job machinery
    // does not depend on the features that use it.
    registerModuleWork(runner, moduleWorkDeps(app.platform));
    app.decorate('jobs', runner);
    app.addHook('onReady', () => runner.install());
    app.addHook('onClose', () => runner.stop());
  },
  { name: 'jobs', decorators: { fastify: ['platform'] } },
);
