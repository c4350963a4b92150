import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import type { LocalizedText } from './localized-text';
import { tenantKeys } from './query-keys';

// The parts of core/modules/contract.ts ModuleManifest the web app reads.
export interface ModuleMenuEntry {
  id: string;
  name: LocalizedText;
  /** Path below the tenant, e.g. `/dispatch/tasks`. */
  path: string;
  /** Shown to holders of this permission, or of any one of a list. */
  permission?: string | string[];
}

/** A record of a module that tenant admins may extend with custom fields. */
export interface ModuleRecordType {
  id: string;
  name: LocalizedText;
  schema: Record<string, unknown>;
}

export interface ModuleManifestView {
  id: string;
  version: string;
  name: LocalizedText;
  description: LocalizedText;
  dependsOn: string[];
  configSchema: Record<string, unknown>;
  configUiSchema?: Record<string, unknown>;
  recordTypes: ModuleRecordType[];
  menu: ModuleMenuEntry[];
}

export interface TenantModule {
  id: string;
  manifest: ModuleManifestView;
  enabled: boolean;
  config: Record<string, unknown>;
}

export const fetchTenantModules = (slug: string, signal?: AbortSignal) =>
  apiRequest<{ items: TenantModule[] }>(tenantScope(slug), '/modules', { signal });

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
