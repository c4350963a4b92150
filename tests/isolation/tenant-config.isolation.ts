import type { IsolationSuite } from '../helpers/cross-tenant.ts';

/**
 * Tenant configuration as code: the intruder's export is its own tenant's, and an apply naming the
 * owner's slug is refused on either URL (the session on the owner's URL, the slug on its own).
 */
export const tenantConfigIsolation: IsolationSuite = {
  name: 'tenant-config',
  async setup(_platform, owner) {
    return [
      { route: 'GET /api/t/:tenant/config/export' },
      {
        route: 'POST /api/t/:tenant/config/apply',
        query: 'dryRun=false',
        body: { version: 1, profile: { slug: owner.slug, name: '被改名的县' }, units: [{ name: '入侵单位', kind: 'county', code: 'X-1' }] },
      },
    ];
  },
};
