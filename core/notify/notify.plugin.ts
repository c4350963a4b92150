import fp from 'fastify-plugin';
import { Notifier } from './notifier.ts';
import { createSmsProvider } from './sms-provider.ts';
import { smsDeliveryJob } from './sms-delivery.jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** In-app notifications and SMS, written in the caller's transaction. */
    notifier: Notifier;
  }
}

/** Decorates `app.notifier` and registers the SMS delivery job with the configured provider. */
export const notifyPlugin = fp(
  async (app) => {
    const { db, config } = app.platform;
    const provider = createSmsProvider(config.sms, app.log.child({ area: 'sms' }));
    app.jobs.register(smsDeliveryJob(db, provider, config.jobs.retryDelaySeconds));
    app.decorate('notifier', new Notifier(app.jobs, app.platform.modules.messages));
  },
  { name: 'notify', dependencies: ['jobs'], decorators: { fastify: ['platform'] } },
);
