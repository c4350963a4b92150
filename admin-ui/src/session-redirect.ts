import type { QueryClient } from '@tanstack/react-query';
import { loginPath, type ApiScope } from './api/api-scope';
import { setUnauthorizedHandler } from './api/http-client';
import { platformKeys, tenantKeys } from './api/query-keys';
import { loginUrlReturningTo } from './auth/safe-next';
import type { AppRouter } from './app-routes';

/**
 * An expired or missing session (any 401) sends the user to the sign-in page of the scope,
 * with `?next=` to come back to the page they were on; that scope's cache is dropped.
 */
export function redirectToSignInOnUnauthorized(router: AppRouter, queryClient: QueryClient): void {
  setUnauthorizedHandler((scope: ApiScope) => {
    const { pathname, search } = router.state.location;
    const login = loginPath(scope);
    if (pathname === login) return;
    void router.navigate(loginUrlReturningTo(login, `${pathname}${search}`), { replace: true }).then(() => {
      queryClient.removeQueries({ queryKey: scope.kind === 'tenant' ? tenantKeys.all(scope.slug) : platformKeys.all });
    });
  });
}
