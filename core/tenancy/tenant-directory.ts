import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { Tenant } from './tenant.types.ts';

const CACHE_MS = 5_000;
/** Far more than the counties of a country; bounds what requests for made-up slugs can fill. */
export const TENANT_CACHE_MAX_ENTRIES = 1_000;

/**
 * Resolves a tenant by slug for every tenant request. Cached briefly in memory, unknown slugs too
 * (so `/api/t/<random>` costs one query per slug per window), in a cache of bounded size: the
 * least recently used slugs leave first. A status change made on this node clears the entry at
 * once; other nodes see it within CACHE_MS.
 */
export class TenantDirectory {
  private readonly cache: LRUCache<string, { tenant: Tenant | null }>;

  constructor(
    private readonly db: Database,
    maxEntries = TENANT_CACHE_MAX_ENTRIES,
  ) {
    this.cache = new LRUCache({ max: maxEntries, ttl: CACHE_MS });
  }

  async findBySlug(slug: string): Promise<Tenant | null> {
    const hit = this.cache.get(slug);
    if (hit) return hit.tenant;
    const row = await withTenant(this.db, null, (trx) =>
      trx('core_tenant').select('id', 'slug', 'name', 'status', 'locale', 'logo_url', 'time_zone').where({ slug }).first(),
    );
    const tenant: Tenant | null = row
      ? {
          id: row.id,
          slug: row.slug,
          name: row.name,
          status: row.status,
          locale: row.locale,
          logoUrl: row.logo_url,
          timeZone: row.time_zone,
        }
      : null;
    this.cache.set(slug, { tenant });
    return tenant;
  }

  forget(slug: string): void {
    this.cache.delete(slug);
  }

  /** Slugs held right now (for tests and metrics). */
  get cachedSlugs(): number {
    return this.cache.size;
  }
}
