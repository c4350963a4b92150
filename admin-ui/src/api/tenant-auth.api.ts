import { tenantScope } from './api-scope';
import { setCsrfToken } from './csrf-token-store';
import { apiRequest } from './http-client';

// Mirrors the session response of core/auth/auth.schema.ts.
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  /** The unit of the user's directory entry: what pages default to. */
  unit: { id: string; name: string } | null;
  isTenantAdmin: boolean;
  mustChangePassword: boolean;
  /** The language the user chose for their account (notifications and SMS come in it); null: the county's. */
  locale: 'zh-CN' | 'en' | null;
}

export interface SessionTenant {
  id: string;
  slug: string;
  name: string;
  locale: string;
  logoUrl: string | null;
  /** The county's IANA time zone: pages show times in it, not the browser's. */
  timeZone: string;
}

export interface TenantSession {
  user: SessionUser;
  csrfToken: string;
  tenant: SessionTenant;
  permissions: string[];
}

function keepToken(slug: string, session: TenantSession): TenantSession {
  setCsrfToken(tenantScope(slug), session.csrfToken);
  return session;
}

export async function fetchTenantSession(slug: string, signal?: AbortSignal): Promise<TenantSession> {
  return keepToken(slug, await apiRequest<TenantSession>(tenantScope(slug), '/auth/me', { signal }));
}

/** `login` is a username or a phone number. */
export async function signIn(slug: string, login: string, password: string): Promise<TenantSession> {
  const session = await apiRequest<TenantSession>(tenantScope(slug), '/auth/login', { method: 'POST', body: { login, password }, redirectOnUnauthorized: false });
  return keepToken(slug, session);
}

/** Saves the language of the signed-in account (null: the county's); answers the session as /auth/me does. */
export async function saveAccountLanguage(slug: string, locale: SessionUser['locale']): Promise<TenantSession> {
  return keepToken(slug, await apiRequest<TenantSession>(tenantScope(slug), '/auth/me', { method: 'PATCH', body: { locale } }));
}

export const signOut = (slug: string) => apiRequest<{ ok: boolean }>(tenantScope(slug), '/auth/logout', { method: 'POST' });

export const changePassword = (slug: string, body: { currentPassword: string; newPassword: string }) =>
  apiRequest<{ ok: boolean }>(tenantScope(slug), '/auth/change-password', { method: 'POST', body });
