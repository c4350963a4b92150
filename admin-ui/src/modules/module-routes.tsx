import { Suspense } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { useHasPermission } from '../auth/permissions';
import { useTenantSession } from '../auth/tenant-session-context';
import { ErrorResult } from '../components/error-result';
import { NoAccessResult } from '../components/no-access-result';
import { NotFoundResult } from '../components/not-found-result';
import { PageLoading } from '../components/page-loading';
import { lazyModuleComponent } from './lazy-module-component';
import { moduleUis } from './registry';
import type { ModuleUiRoute } from './ui-contract';
import { useTenantModules } from './use-tenant-modules';

function ModulePage({ route }: { route: ModuleUiRoute }) {
  const hasPermission = useHasPermission();
  if (!hasPermission(route.permission)) return <NoAccessResult />;
  const Page = lazyModuleComponent(route.load);
  return <Page />;
}

/**
 * `/t/:tenant/:moduleId/*`: the module's own routes, mounted only when the module has a UI and
 * is enabled for this tenant (otherwise, as on the server, the address does not exist).
 */
export function ModuleRoutes() {
  const moduleId = useParams().moduleId ?? '';
  const { slug } = useTenantSession();
  const modules = useTenantModules();
  const ui = Object.hasOwn(moduleUis, moduleId) ? moduleUis[moduleId] : undefined;
  const home = `/t/${slug}`;

  if (!ui) return <NotFoundResult home={home} />;
  if (modules.isPending) return <PageLoading />;
  if (modules.isError) return <ErrorResult error={modules.error} onRetry={() => void modules.refetch()} />;
  if (!modules.data.some((m) => m.id === moduleId && m.enabled)) return <NotFoundResult home={home} />;

  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        {ui.routes.map((route) =>
          route.path === '' ? (
            <Route key="index" index element={<ModulePage route={route} />} />
          ) : (
            <Route key={route.path} path={route.path} element={<ModulePage route={route} />} />
          ),
        )}
        <Route path="*" element={<NotFoundResult home={home} />} />
      </Routes>
    </Suspense>
  );
}
