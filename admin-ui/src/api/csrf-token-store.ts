import { scopeKey, type ApiScope } from './api-scope';

// Kept in memory only (never in storage a script could read later): after a reload the session
// check (`/auth/me`) hands it out again.
const tokens = new Map<string, string>();

export const setCsrfToken = (scope: ApiScope, token: string) => tokens.set(scopeKey(scope), token);
export const getCsrfToken = (scope: ApiScope) => tokens.get(scopeKey(scope));
export const clearCsrfToken = (scope: ApiScope) => tokens.delete(scopeKey(scope));
