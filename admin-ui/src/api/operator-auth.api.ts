import { platformScope } from './api-scope';
import { setCsrfToken } from './csrf-token-store';
import { apiRequest } from './http-client';
import type { OperatorSession } from '../../../core/auth/auth.schema';

// The session's shape comes from the route schema itself.
export type { OperatorSession } from '../../../core/auth/auth.schema';

function keepToken(session: OperatorSession): OperatorSession {
  setCsrfToken(platformScope, session.csrfToken);
  return session;
}

export async function fetchOperatorSession(signal?: AbortSignal): Promise<OperatorSession> {
  return keepToken(await apiRequest<OperatorSession>(platformScope, '/auth/me', { signal }));
}

export async function operatorSignIn(login: string, password: string): Promise<OperatorSession> {
  return keepToken(
    await apiRequest<OperatorSession>(platformScope, '/auth/login', {
      method: 'POST',
      body: { login, password },
      redirectOnUnauthorized: false,
    }),
  );
}

export const changeOperatorPassword = (body: { currentPassword: string; newPassword: string }) =>
  apiRequest<{ ok: boolean }>(platformScope, '/auth/change-password', { method: 'POST', body });

export const operatorSignOut = () => apiRequest<{ ok: boolean }>(platformScope, '/auth/logout', { method: 'POST' });
