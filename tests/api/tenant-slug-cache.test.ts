import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_CACHE_MAX_ENTRIES } from '../../core/tenancy/tenant-directory.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('tenant lookup by slug: a bounded cache', () => {
  let platform: TestPlatform;
  let county: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('cached-county');
  });
  afterAll(() => platform?.stop());

  it('requests for made-up county slugs fill the cache only up to its bound, and real counties keep working', async () => {
    const directory = platform.app.platform.tenants;
    for (let i = 0; i < TENANT_CACHE_MAX_ENTRIES + 300; i += 1) {
      const response = await platform.client().get(`/api/t/x${randomBytes(6).toString('hex')}/auth/me`);
      expect(response.statusCode).toBe(404);
    }
    expect(directory.cachedSlugs).toBeLessThanOrEqual(TENANT_CACHE_MAX_ENTRIES);
    expect(directory.cachedSlugs).toBeGreaterThan(TENANT_CACHE_MAX_ENTRIES / 2);
    expect((await county.admin.get(`${county.base}/auth/me`)).statusCode).toBe(200);
  }, 60_000);

  it('a suspension is seen at once on this node, the cached entry notwithstanding', async () => {
    expect((await county.admin.get(`${county.base}/auth/me`)).statusCode).toBe(200);
    expect((await platform.operator.post(`/api/platform/tenants/${county.id}/suspend`)).statusCode).toBe(200);
    expect((await county.admin.get(`${county.base}/auth/me`)).json().error.code).toBe('TENANT_SUSPENDED');
    expect((await platform.operator.post(`/api/platform/tenants/${county.id}/resume`)).statusCode).toBe(200);
    expect((await county.admin.get(`${county.base}/auth/me`)).statusCode).toBe(200);
  });
});
