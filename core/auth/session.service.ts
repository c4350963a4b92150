import type { FastifyReply } from 'fastify';
import type { Knex } from 'knex';
import type { PlatformConfig } from '../config.ts';
import { newCsrfToken, newSessionToken, TENANT_SESSION_COOKIE } from './session-token.ts';

/** Creates a server-side session and sets its cookie, scoped to this tenant's API path. */
export async function startTenantSession(
  trx: Knex.Transaction,
  reply: FastifyReply,
  config: PlatformConfig,
  tenant: { id: string; slug: string },
  userId: string,
): Promise<{ csrfToken: string; sessionId: string }> {
  const { token, id } = newSessionToken(tenant.id);
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3600_000);
  await trx('core_session').insert({ tenant_id: tenant.id, id, user_id: userId, csrf_token: csrfToken, expires_at: expiresAt });
  reply.setCookie(TENANT_SESSION_COOKIE, token, sessionCookieOptions(config, `/api/t/${tenant.slug}`, expiresAt));
  return { csrfToken, sessionId: id };
}

export function sessionCookieOptions(config: PlatformConfig, path: string, expires: Date) {
  return { path, httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies, expires };
}
