import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '../http/errors.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.ts';
import {
  invalidLoginResponse,
  lockedResponse,
  lockedUntil,
  recordFailure,
  recordSuccess,
  unknownLoginKey,
  type FailureTable,
} from './lockout.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

const throttles = new WeakMap<object, onRequestHookHandler>();

/**
 * Per client address (`request.ip`, whatever the proxy setting makes of it), across county and
 * operator sign-in together: at most `config.signInPerMinute` attempts a minute, then 429. One
 * handler (one counter store) per app, shared by both sign-in routes; @fastify/rate-limit is
 * registered in core/app.ts.
 */
export function signInThrottle(app: FastifyInstance): onRequestHookHandler {
  let throttle = throttles.get(app.platform);
  if (!throttle) {
    throttle = app.rateLimit({
      max: app.platform.config.signInPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        new AppError(429, CORE_ERRORS.AUTH_RATE_LIMITED, `Too many sign-in attempts from this address; try again in ${context.after}`),
    });
    throttles.set(app.platform, throttle);
  }
  return throttle;
}

export interface SignInAccount {
  /** Counted under this key (`user:<id>` or `operator:<id>`). */
  accountKey: string;
  passwordHash: string;
  /** A disabled account never signs in; its right password counts as a failure. */
  active: boolean;
}

/**
 * Checks a password under the lockout policy (core/auth/lockout.ts). A login that matches nobody
 * is checked against a dummy hash and counted under the login as typed, so it answers exactly as a
 * known one. Sends the 401 or 429 itself (no throw, so the counted failure is committed) and
 * returns false; true when the caller may start the session.
 */
export async function checkSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  where: { table: FailureTable; tenantId?: string },
  login: string,
  password: string,
  account: SignInAccount | undefined,
): Promise<boolean> {
  const attempt = { ...where, accountKey: account?.accountKey ?? unknownLoginKey(login), address: request.ip };
  const locked = await lockedUntil(request.db, attempt);
  if (locked) {
    reply.status(429).send(lockedResponse(locked));
    return false;
  }
  const valid = await verifyPassword(password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!account || !valid || !account.active) {
    await recordFailure(request.db, attempt);
    reply.status(401).send(invalidLoginResponse);
    return false;
  }
  if (!(await recordSuccess(request.db, attempt))) {
    // Failures sent at the same moment locked the account while this password was checked.
    reply.status(429).send(lockedResponse((await lockedUntil(request.db, attempt)) ?? new Date()));
    return false;
  }
  return true;
}
