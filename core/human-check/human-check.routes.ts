import type { RoutePlugin } from '../http/route-plugin.ts';
import { AppError } from '../http/errors.ts';
import { CORE_HUMAN_CHECK_RATE_LIMITED, issueHumanCheckRoute } from '../schemas/human-check.schema.ts';
import { issueHumanCheck } from './human-check.ts';

/** Challenges handed out a minute per client address: enough for a family on one connection. */
const CHALLENGES_PER_MINUTE = 30;

/** `POST /human-checks`: public, for any public form of any module (the module verifies the answer). */
export const humanCheckRoutes: RoutePlugin = async (app) => {
  const throttle = app.rateLimit({
    max: CHALLENGES_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, CORE_HUMAN_CHECK_RATE_LIMITED, `Too many requests from this address; try again in ${context.after}`),
  });
  app.post('/human-checks', { schema: issueHumanCheckRoute, config: { public: true }, onRequest: throttle }, async (request, reply) =>
    reply.status(201).send(await issueHumanCheck(request.db, request.tenant.id, new Date())),
  );
};
