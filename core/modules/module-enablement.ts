import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';

const CACHE_MS = 5_000;

/**
 * Which modules each tenant has enabled, read on every module request and so cached briefly;
 * a change made on this node clears the tenant's entry at once.
 */
export class ModuleEnablement {
  private readonly cache = new Map<string, { enabled: Set<string>; at: number }>();

  constructor(private readonly db: Database) {}

  async enabledModules(tenantId: string): Promise<Set<string>> {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.enabled;
    const rows: { module_id: string }[] = await withTenant(this.db, tenantId, (trx) =>
      trx('core_tenant_module').where({ enabled: true }).select('module_id'),
    );
    const enabled = new Set(rows.map((r) => r.module_id));
    this.cache.set(tenantId, { enabled, at: Date.now() });
    return enabled;
  }

  forget(tenantId: string): void {
    this.cache.delete(tenantId);
  }
}
