import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/errors.ts';
import type { AuthUser } from './auth.types.ts';
import { CSRF_HEADER, TENANT_SESSION_COOKIE, parseSessionToken, csrfSatisfied } from './session-token.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Loads the session named by the cookie inside the tenant transaction (RLS hides other tenants'
 * sessions), then enforces sign-in and the CSRF token on mutations unless the route is public.
 */
export async function authenticateTenantRequest(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  request.user = null;
  const parsed = parseSessionToken(request.cookies[TENANT_SESSION_COOKIE]);
  const isPublic = request.routeOptions.config.public === true;
  if (parsed && parsed.ownerId === request.tenant.id) {
    request.user = await lookUpSession(request, parsed.id);
  }
  if (isPublic) return;
  if (!request.user) throw unauthorized(CORE_ERRORS.AUTH_REQUIRED, 'Not signed in, or the session has expired');
  if (!csrfSatisfied(request.method, request.headers[CSRF_HEADER], request.user.csrfToken)) {
    throw forbidden(CORE_ERRORS.CSRF_TOKEN_INVALID, `Missing or wrong ${CSRF_HEADER} header`);
  }
  if (request.user.mustChangePassword && request.routeOptions.config.beforePasswordChange !== true) {
    throw forbidden(CORE_ERRORS.AUTH_PASSWORD_CHANGE_REQUIRED, 'Change your password first (POST /auth/change-password)');
  }
}

async function lookUpSession(request: FastifyRequest, sessionId: string): Promise<AuthUser | null> {
  const cache = request.server.platform.sessions;
  const cached = cache.get(request.tenant.id, sessionId);
  if (cached) return cached;
  const row = await request
    .db('core_session as s')
    .join('core_user as u', function joinUser() {
      this.on('u.tenant_id', 's.tenant_id').andOn('u.id', 's.user_id');
    })
    .where('s.id', sessionId)
    .andWhere('s.expires_at', '>', request.db.fn.now())
    .andWhere('u.status', 'active')
    .first(
      'u.id',
      'u.username',
      'u.display_name',
      'u.person_id',
      'u.is_tenant_admin',
      'u.must_change_password',
      'u.locale',
      's.csrf_token',
      's.expires_at',
    );
  if (!row) return null;
  const user = toAuthUser(row, sessionId);
  cache.set(request.tenant.id, user, new Date(row.expires_at as Date));
  return user;
}

export interface SessionUserRow {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  is_tenant_admin: boolean;
  must_change_password: boolean;
  locale: string | null;
  csrf_token: string;
}

export function toAuthUser(row: SessionUserRow, sessionId: string): AuthUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    isTenantAdmin: row.is_tenant_admin,
    mustChangePassword: row.must_change_password,
    locale: row.locale,
    sessionId,
    csrfToken: row.csrf_token,
  };
}

/**
 * Refuses, before the body is even validated, a session cookie issued by another tenant
 * (public routes ignore it). Needs no database: the token names its tenant.
 */
export function rejectForeignSession(request: FastifyRequest): void {
  const parsed = parseSessionToken(request.cookies[TENANT_SESSION_COOKIE]);
  if (parsed && parsed.ownerId !== request.tenant.id && request.routeOptions.config.public !== true) {
    throw forbidden(CORE_ERRORS.SESSION_TENANT_MISMATCH, 'This session belongs to another tenant; sign in to this tenant');
  }
}
