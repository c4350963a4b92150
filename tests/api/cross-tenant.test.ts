import { afterAll, beforeAll, describe, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { fixtureAddon, fixtureBase } from '../helpers/fixture-modules.ts';
import { assertEveryTenantRouteCovered, assertTenantIsolation, type IsolationCase } from '../helpers/cross-tenant.ts';
import { installedModules } from '../../modules/index.ts';
import { isolationSuites } from '../isolation/index.ts';

/**
 * Tenant B's admin replays every tenant route (core and every installed module) against tenant A's
 * URLs and A's record ids: each is refused, nothing of A leaks, and A's data is unchanged.
 */
describe('tenants never see each other', () => {
  let platform: TestPlatform;
  let owner: TestTenant;
  let intruder: TestTenant;
  const cases: IsolationCase[] = [];

  beforeAll(async () => {
    platform = await TestPlatform.start({ modules: [...installedModules, fixtureBase, fixtureAddon] });
    owner = await platform.createTenant('owner-county');
    intruder = await platform.createTenant('intruder-county');
    for (const suite of isolationSuites) cases.push(...(await suite.setup(platform, owner, intruder)));
  });
  afterAll(() => platform?.stop());

  it('every tenant route has a cross-tenant case', () => {
    assertEveryTenantRouteCovered(platform, cases);
  });

  it("tenant B's session gets nothing of tenant A's and changes nothing of it", async () => {
    await assertTenantIsolation(platform, owner, intruder, cases);
  });
});
