/** Which API a call goes to: a tenant's (`/api/t/<slug>`) or the platform operators' (`/api/platform`). */
export type ApiScope = { kind: 'tenant'; slug: string } | { kind: 'platform' };

export const tenantScope = (slug: string): ApiScope => ({ kind: 'tenant', slug });
export const platformScope: ApiScope = { kind: 'platform' };

export const scopeBase = (scope: ApiScope) => (scope.kind === 'tenant' ? `/api/t/${encodeURIComponent(scope.slug)}` : '/api/platform');

/** Key of the scope in the CSRF store and first element of its query keys. */
export const scopeKey = (scope: ApiScope) => (scope.kind === 'tenant' ? `tenant:${scope.slug}` : 'platform');

/** The web app's sign-in page of the scope. */
export const loginPath = (scope: ApiScope) => (scope.kind === 'tenant' ? `/t/${encodeURIComponent(scope.slug)}/login` : '/platform/login');

/** The web app's home of the scope. */
export const homePath = (scope: ApiScope) => (scope.kind === 'tenant' ? `/t/${encodeURIComponent(scope.slug)}` : '/platform');

/** The address of a tenant API path, for what the browser fetches by itself (an image, a link, a script module). */
export const tenantApiUrl = (slug: string, path: string) => `${scopeBase(tenantScope(slug))}${path}`;
