import { tenantScope } from './api-scope';
import { setCsrfToken } from './csrf-token-store';
import { apiRequest } from './http-client';
import type { SessionUser, TenantSession } from '../../../core/auth/auth.schema';

// The session's shape comes from the route schema itself.
export type { SessionTenant, SessionUser, TenantSession } from '../../../core/auth/auth.schema';

function keepToken(slug: string, session: TenantSession): TenantSession {
  setCsrfToken(tenantScope(slug), session.csrfToken);
  return session;
}

export async function fetchTenantSession(slug: string, signal?: AbortSignal): Promise<TenantSession> {
  return keepToken(slug, await apiRequest<TenantSession>(tenantScope(slug), '/auth/me', { signal }));
}

/** `login` is a username or a phone number. */
export async function signIn(slug: string, login: string, password: string): Promise<TenantSession> {
  const session = await apiRequest<TenantSession>(tenantScope(slug), '/auth/login', {
    method: 'POST',
    body: { login, password },
    redirectOnUnauthorized: false,
  });
  return keepToken(slug, session);
}

/** Saves the language of the signed-in account (null: the county's); answers the session as /auth/me does. */
export async function saveAccountLanguage(slug: string, locale: SessionUser['locale']): Promise<TenantSession> {
  return keepToken(slug, await apiRequest<TenantSession>(tenantScope(slug), '/auth/me', { method: 'PATCH', body: { locale } }));
}

export const signOut = (slug: string) => apiRequest<{ ok: boolean }>(tenantScope(slug), '/auth/logout', { method: 'POST' });

export const changePassword = (slug: string, body: { currentPassword: string; newPassword: string }) =>
  apiRequest<{ ok: boolean }>(tenantScope(slug), '/auth/change-password', { method: 'POST', body });
