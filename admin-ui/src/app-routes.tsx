import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireOperatorSession } from './auth/require-operator-session';
import { RequireTenantSession } from './auth/require-tenant-session';
import { RequirePermission } from './auth/require-permission';
import { RouteErrorPage } from './components/route-error-page';
import { OperatorShell } from './layout/operator-shell';
import { TenantShell } from './layout/tenant-shell';
import { ModuleRoutes } from './modules/module-routes';
import { PublicModuleRoutes } from './modules/public-module-routes';
import { CORE_PAGES } from './pages/core/core-pages';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { OperatorLoginPage } from './pages/operator-login-page';
import { TenantHomePage } from './pages/tenant-home-page';
import { TenantLoginPage } from './pages/tenant-login-page';

/** Core pages load on first visit; the permission check wraps the loaded page. */
const corePageRoutes: RouteObject[] = CORE_PAGES.map((page) => ({
  path: page.segment,
  lazy: async () => {
    const Page = await page.load();
    return {
      Component: () => (
        <RequirePermission permission={page.permission}>
          <Page />
        </RequirePermission>
      ),
    };
  },
}));

/**
 * URL layout:
 *   /                          pick a county (nothing tenant-specific is shown)
 *   /t/:tenant/login           a county's sign-in
 *   /t/:tenant/...             that county's signed-in app: core pages, then /t/:tenant/<module id>/...
 *   /public/t/:tenant/<module id>/...   a module's public pages, without sign-in (ModuleUi.publicRoutes)
 *   /platform/login, /platform/...   platform operators
 */
export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/platform/login', element: <OperatorLoginPage /> },
      {
        path: '/platform',
        element: <RequireOperatorSession />,
        children: [
          {
            element: <OperatorShell />,
            children: [
              { index: true, element: <Navigate to="tenants" replace /> },
              { path: 'tenants', lazy: async () => ({ Component: (await import('./pages/tenants/tenants-page')).TenantsPage }) },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
      { path: '/public/t/:tenant/:moduleId/*', element: <PublicModuleRoutes /> },
      { path: '/t/:tenant/login', element: <TenantLoginPage /> },
      {
        path: '/t/:tenant',
        element: <RequireTenantSession />,
        children: [
          {
            element: <TenantShell />,
            children: [{ index: true, element: <TenantHomePage /> }, ...corePageRoutes, { path: ':moduleId/*', element: <ModuleRoutes /> }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(appRoutes);
export type AppRouter = ReturnType<typeof createAppRouter>;
