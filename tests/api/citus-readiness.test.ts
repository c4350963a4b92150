import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { distributeTables, distributionPlan, readCatalog } from '../../core/db/citus.ts';
import { createTenantTable } from '../../core/db/tenant-table.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { uuidv7 } from 'uuidv7';

/**
 * Citus itself is not installed here; what can be checked without it is: the helper every new
 * tenant table uses, the plan that distributes an existing schema, and that nothing changes
 * on plain PostgreSQL or the embedded database.
 */
describe('ready for distributed PostgreSQL: tables and the distribution plan', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => test.drop());

  it('a table made with createTenantTable is isolated per tenant, keyed to its tenant and to other tenant tables', async () => {
    const owner = test.db.owner;
    await owner.transaction(async (trx) => {
      await createTenantTable(
        trx,
        'zz_sample_note',
        (t) => {
          t.uuid('id').notNullable();
          t.uuid('unit_id').notNullable();
          t.text('body').notNullable();
          t.primary(['tenant_id', 'id']);
        },
        { keys: (t) => t.foreign(['tenant_id', 'unit_id']).references(['tenant_id', 'id']).inTable('core_unit').onDelete('CASCADE') },
      );
    });
    const { foreignKeys, tables } = await readCatalog(owner, false);
    expect(tables.find((t) => t.name === 'zz_sample_note')).toMatchObject({ hasTenantId: true, distributed: false });
    expect(
      foreignKeys
        .filter((k) => k.table === 'zz_sample_note')
        .map((k) => k.references)
        .sort(),
    ).toEqual(['core_tenant', 'core_unit']);
    const { rows } = await owner.raw(`select relrowsecurity, relforcerowsecurity from pg_class where relname = 'zz_sample_note'`);
    expect(rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });

    const tenantA = uuidv7();
    const tenantB = uuidv7();
    const unitA = uuidv7();
    await owner('core_tenant').insert([
      { id: tenantA, slug: 'citus-a', name: 'A' },
      { id: tenantB, slug: 'citus-b', name: 'B' },
    ]);
    await withTenant(test.db, tenantA, async (trx) => {
      await trx('core_unit').insert({ tenant_id: tenantA, id: unitA, name: '县委', kind: 'county', path: `/${unitA}/`, depth: 0 });
      await trx('zz_sample_note').insert({ tenant_id: tenantA, id: uuidv7(), unit_id: unitA, body: '一条' });
    });
    expect(await withTenant(test.db, tenantB, (trx) => trx('zz_sample_note').select('id'))).toEqual([]);
    expect(await withTenant(test.db, tenantA, (trx) => trx('zz_sample_note').select('body'))).toEqual([{ body: '一条' }]);
    // A note of tenant B cannot point at tenant A's unit: the key includes tenant_id.
    await expect(
      withTenant(test.db, tenantB, (trx) => trx('zz_sample_note').insert({ tenant_id: tenantB, id: uuidv7(), unit_id: unitA, body: 'x' })),
    ).rejects.toThrow();
  });

  it('distributing the whole schema: platform tables copied to every node, tenant tables sharded by tenant, keys dropped first and restored last', async () => {
    const catalog = await readCatalog(test.db.owner, false);
    const plan = distributionPlan(catalog);
    const tenantTables = catalog.tables.filter((t) => t.hasTenantId).map((t) => t.name);
    expect(tenantTables.length).toBeGreaterThan(20);
    for (const table of tenantTables)
      expect(plan).toContain(`select create_distributed_table('${table}', 'tenant_id', colocate_with => 'default')`);
    expect(plan).toContain(`select create_reference_table('core_tenant')`);
    expect(plan).toContain(`select create_reference_table('core_operator')`);
    expect(plan.some((s) => s.includes('core_migrations'))).toBe(false);
    const firstDistribution = plan.findIndex((s) => s.startsWith('select create_'));
    const lastDistribution = plan.length - 1 - [...plan].reverse().findIndex((s) => s.startsWith('select create_'));
    for (const key of catalog.foreignKeys) {
      const drop = plan.indexOf(`alter table ${key.table} drop constraint ${key.name}`);
      const add = plan.indexOf(`alter table ${key.table} add constraint ${key.name} ${key.definition}`);
      expect(drop, key.name).toBeGreaterThanOrEqual(0);
      expect(drop).toBeLessThan(firstDistribution);
      expect(add).toBeGreaterThan(lastDistribution);
    }
    expect(plan[0]).toBe(`set local citus.multi_shard_modify_mode to 'sequential'`);
  });

  it('a database already distributed needs nothing more, and without Citus distributing changes nothing', async () => {
    const catalog = await readCatalog(test.db.owner, false);
    expect(distributionPlan({ ...catalog, tables: catalog.tables.map((t) => ({ ...t, distributed: true })) })).toEqual([]);
    expect(await distributeTables(test.db.owner)).toBe(0);
  });
});
