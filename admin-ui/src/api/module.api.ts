import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type { TenantModuleList, TenantModuleView as TenantModule } from '../../../core/modules/module.schema';

export type { ModuleManifestView, TenantModuleView as TenantModule } from '../../../core/modules/module.schema';

export const fetchTenantModules = (slug: string, signal?: AbortSignal) =>
  apiRequest<TenantModuleList>(tenantScope(slug), '/modules', { signal });

/**
 * Enable or disable a module. The server enforces dependencies both ways and answers 409
 * (`MODULE_DEPENDENCY_DISABLED`, `MODULE_REQUIRED_BY_OTHERS`) with the other modules' ids as details.
 * Invalidating the catalogue also updates the menu, which reads the same query.
 */
export function useToggleModule(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ moduleId, enabled }: { moduleId: string; enabled: boolean }) =>
      apiRequest<TenantModule>(tenantScope(slug), `/modules/${encodeURIComponent(moduleId)}/${enabled ? 'enable' : 'disable'}`, {
        method: 'POST',
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tenantKeys.modules(slug) }),
  });
}

/** Replace a module's config; a 400 names each bad field as `body.config.<field>`. */
export function useConfigureModule(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ moduleId, config }: { moduleId: string; config: Record<string, unknown> }) =>
      apiRequest<TenantModule>(tenantScope(slug), `/modules/${encodeURIComponent(moduleId)}/config`, { method: 'PUT', body: { config } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantKeys.modules(slug) }),
  });
}
