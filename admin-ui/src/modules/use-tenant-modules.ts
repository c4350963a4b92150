import { useQuery } from '@tanstack/react-query';
import { fetchTenantModules, type TenantModule } from '../api/module.api';
import { tenantKeys } from '../api/query-keys';
import { useTenantSession } from '../auth/tenant-session-context';

/** The tenant's module catalogue (`GET /modules`), shared by the menu, module routes and widgets. */
export function useTenantModules() {
  const { slug, user } = useTenantSession();
  // Not before a forced password change: the server refuses it until then.
  return useQuery({
    queryKey: tenantKeys.modules(slug),
    queryFn: ({ signal }) => fetchTenantModules(slug, signal),
    select: (data) => data.items,
    enabled: !user.mustChangePassword,
  });
}

export const enabledModules = (modules: TenantModule[] | undefined) => (modules ?? []).filter((m) => m.enabled);
