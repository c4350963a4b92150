import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { Tenant } from './tenant.types.ts';

const CACHE_MS = 5_000;

/**
 * Resolves a tenant by slug for every tenant request. Cached briefly in memory: a status change
 * made on this node clears the entry at once; other nodes see it within CACHE_MS.
 */
export class TenantDirectory {
  private readonly cache = new Map<string, { tenant: Tenant | null; at: number }>();

  constructor(private readonly db: Database) {}

  async findBySlug(slug: string): Promise<Tenant | null> {
    const hit = this.cache.get(slug);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.tenant;
    const row = await withTenant(this.db, null, (trx) =>
      trx('core_tenant').select('id', 'slug', 'name', 'status', 'locale', 'logo_url', 'time_zone').where({ slug }).first(),
    );
    const tenant: Tenant | null = row
      ? { id: row.id, slug: row.slug, name: row.name, status: row.status, locale: row.locale, logoUrl: row.logo_url, timeZone: row.time_zone }
      : null;
    this.cache.set(slug, { tenant, at: Date.now() });
    return tenant;
  }

  forget(slug: string): void {
    this.cache.delete(slug);
  }
}
