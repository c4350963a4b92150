import { Suspense, useMemo } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { NotFoundResult } from '../components/not-found-result';
import { PageLoading } from '../components/page-loading';
import { PublicShell } from '../layout/public-shell';
import { lazyModuleComponent } from './lazy-module-component';
import { PublicTenantContext } from './public-tenant-context';
import { moduleUis } from './registry';
import type { ModuleUiPublicRoute } from './ui-contract';

function PublicModulePage({ route }: { route: ModuleUiPublicRoute }) {
  const Page = lazyModuleComponent(route.load);
  return <Page />;
}

/**
 * `/public/t/:tenant/:moduleId/*`: a module's public pages, without sign-in. Whether the module
 * is enabled for the tenant is the API's to say (the catalogue needs a session): its public
 * routes answer 404 while it is not, and the page shows that.
 */
export function PublicModuleRoutes() {
  const params = useParams();
  const moduleId = params.moduleId ?? '';
  const slug = params.tenant ?? '';
  const tenant = useMemo(() => ({ slug }), [slug]);
  const routes = Object.hasOwn(moduleUis, moduleId) ? (moduleUis[moduleId].publicRoutes ?? []) : [];

  return (
    <PublicShell>
      {routes.length === 0 ? (
        <NotFoundResult />
      ) : (
        <PublicTenantContext.Provider value={tenant}>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              {routes.map((route) =>
                route.path === '' ? (
                  <Route key="index" index element={<PublicModulePage route={route} />} />
                ) : (
                  <Route key={route.path} path={route.path} element={<PublicModulePage route={route} />} />
                ),
              )}
              <Route path="*" element={<NotFoundResult />} />
            </Routes>
          </Suspense>
        </PublicTenantContext.Provider>
      )}
    </PublicShell>
  );
}
