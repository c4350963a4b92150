import type { FastifyInstance, FastifyRequest } from 'fastify';
import { beginTenantTransaction } from '../db/tenant-transaction.ts';
import { endTransactionBeforeResponse } from '../db/request-transaction.ts';
import { forbidden, unauthorized } from '../http/errors.ts';
import { CSRF_HEADER, PLATFORM_SESSION_COOKIE, parseSessionToken, csrfSatisfied } from './session-token.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface Operator {
  id: string;
  username: string;
  displayName: string;
  csrfToken: string;
  sessionId: string;
  /** Signed in with a generated password: nothing but the session, sign-out and the change until it is changed. */
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in platform operator on `/api/platform` routes. */
    operator: Operator | null;
  }
}

/** `/api/platform` scope: a platform transaction (sees no tenant rows) and operator sign-in. */
export function registerPlatformScope(scope: FastifyInstance): void {
  scope.addHook('preHandler', async (request) => {
    request.db = await beginTenantTransaction(scope.platform.db, null);
    await authenticateOperator(request);
  });
  endTransactionBeforeResponse(scope);
}

async function authenticateOperator(request: FastifyRequest): Promise<void> {
  request.operator = null;
  const parsed = parseSessionToken(request.cookies[PLATFORM_SESSION_COOKIE]);
  if (parsed?.ownerId === 'platform') {
    const row = await request
      .db('core_operator_session as s')
      .join('core_operator as o', 'o.id', 's.operator_id')
      .where('s.id', parsed.id)
      .andWhere('s.expires_at', '>', request.db.fn.now())
      .first('o.id', 'o.username', 'o.display_name', 'o.must_change_password', 's.csrf_token');
    if (row)
      request.operator = {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        csrfToken: row.csrf_token,
        sessionId: parsed.id,
        mustChangePassword: row.must_change_password,
      };
  }
  if (request.routeOptions.config.public) return;
  if (!request.operator) throw unauthorized(CORE_ERRORS.AUTH_REQUIRED, 'Platform operator sign-in required');
  if (!csrfSatisfied(request.method, request.headers[CSRF_HEADER], request.operator.csrfToken)) {
    throw forbidden(CORE_ERRORS.CSRF_TOKEN_INVALID, `Missing or wrong ${CSRF_HEADER} header`);
  }
  if (request.operator.mustChangePassword && request.routeOptions.config.beforePasswordChange !== true) {
    throw forbidden(CORE_ERRORS.AUTH_PASSWORD_CHANGE_REQUIRED, 'Change your password first (POST /api/platform/auth/change-password)');
  }
}

export function currentOperator(request: FastifyRequest): Operator {
  if (!request.operator) throw unauthorized(CORE_ERRORS.AUTH_REQUIRED, 'Platform operator sign-in required');
  return request.operator;
}
