import { useTenantModules } from './use-tenant-modules';

/**
 * A module's config as the county set it (`GET /modules`, which every signed-in user reads for the
 * menu): what its pages need of it, e.g. a map's tile address. Only the stored values — a key the
 * county never set is missing, so the page falls back to the module's default itself.
 */
export function useModuleConfig(moduleId: string): { config: Record<string, unknown> | undefined; isPending: boolean } {
  const modules = useTenantModules();
  return { config: modules.data?.find((m) => m.id === moduleId)?.config, isPending: modules.isPending };
}
