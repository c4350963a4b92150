import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import type { LocalizedText } from './localized-text';

// The parts of core/modules/contract.ts ModuleManifest the shell reads.
export interface ModuleMenuEntry {
  id: string;
  name: LocalizedText;
  /** Path below the tenant, e.g. `/dispatch/tasks`. */
  path: string;
  permission?: string;
}

export interface ModuleManifestView {
  id: string;
  version: string;
  name: LocalizedText;
  description: LocalizedText;
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
