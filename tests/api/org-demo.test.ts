import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemoIfEmpty } from '../../core/server/demo-seed.ts';
import { TestPlatform } from '../helpers/test-platform.ts';
import { installedModules } from '../../modules/index.ts';
import type { TestClient } from '../helpers/test-client.ts';

describe('org demo data: the demo county 示范县 starts with a small realistic directory', () => {
  let platform: TestPlatform;
  let admin: TestClient;
  const base = `/api/t/${DEMO.tenant.slug}/org`;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    await seedDemoIfEmpty(platform.db, installedModules);
    admin = await platform.client().loginTenant(DEMO.tenant.slug, DEMO.admin.username, DEMO.admin.password);
  });
  afterAll(() => platform?.stop());

  it('has the county, its offices, two towns with villages, a community and a grid', async () => {
    const units = (await admin.get(`${base}/units`)).json().items as {
      id: string;
      name: string;
      kind: string;
      parentId: string | null;
      depth: number;
    }[];
    const byName = new Map(units.map((u) => [u.name, u]));
    const parentName = (name: string) => units.find((u) => u.id === byName.get(name)?.parentId)?.name;
    expect(byName.get('示范县')).toMatchObject({ kind: 'county', parentId: null, depth: 0 });
    for (const office of ['县委办', '县政府办', '县督查室']) expect(parentName(office)).toBe('示范县');
    expect(parentName('城关镇')).toBe('示范县');
    expect(parentName('河西镇')).toBe('示范县');
    expect(byName.get('东关村')).toMatchObject({ kind: 'village', depth: 2 });
    expect(parentName('西关社区')).toBe('城关镇');
    expect(byName.get('西关社区第一网格')).toMatchObject({ kind: 'grid', depth: 3 });
    expect(parentName('王庄村')).toBe('河西镇');
  });

  it('has about ten people with phones and positions, findable by name', async () => {
    const people = (await admin.get(`${base}/people?limit=200`)).json().items as {
      name: string;
      phone: string;
      positionName: string | null;
    }[];
    expect(people.length).toBeGreaterThanOrEqual(10);
    expect(people.every((p) => /^1\d{10}$/.test(p.phone) && p.positionName)).toBe(true);
    const found = (await admin.get(`${base}/people?q=${encodeURIComponent('三')}`)).json().items;
    expect(found).toEqual([expect.objectContaining({ name: '张三', unitName: '城关镇', positionName: '镇长' })]);
  });

  it('was written through the services: every unit and person has its audit entry', async () => {
    const tenant = await platform.ownerQuery('core_tenant').where({ slug: DEMO.tenant.slug }).first('id');
    const actions = await platform.ownerQuery('core_audit_log').where({ tenant_id: tenant.id }).select('action');
    const units = await platform.ownerQuery('core_unit').where({ tenant_id: tenant.id }).count<{ count: number }[]>('* as count');
    expect(actions.filter((a: { action: string }) => a.action === 'org.unit.create').length).toBe(Number(units[0].count));
    expect(actions.filter((a: { action: string }) => a.action === 'org.person.create').length).toBeGreaterThanOrEqual(10);
  });
});
