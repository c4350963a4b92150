import type { Knex } from 'knex';
import type { OrgContext } from './org-context.ts';
import type { UnitKind } from './org-kinds.ts';
import { createUnit } from './unit.service.ts';
import { createPosition } from './position.service.ts';
import { createPerson } from './person.service.ts';

interface DemoUnit {
  name: string;
  kind: UnitKind;
  code: string;
  children?: DemoUnit[];
}

/** A small county: the county itself, three offices, two towns with villages, a community and a grid. */
const DEMO_TREE: DemoUnit = {
  name: '示范县',
  kind: 'county',
  code: '371399',
  children: [
    { name: '县委办', kind: 'department', code: '371399-001' },
    { name: '县政府办', kind: 'department', code: '371399-002' },
    { name: '县督查室', kind: 'department', code: '371399-003' },
    {
      name: '城关镇',
      kind: 'town',
      code: '371399101',
      children: [
        { name: '东关村', kind: 'village', code: '371399101201' },
        { name: '西关社区', kind: 'community', code: '371399101001', children: [{ name: '西关社区第一网格', kind: 'grid', code: '371399101001-01' }] },
      ],
    },
    {
      name: '河西镇',
      kind: 'town',
      code: '371399102',
      children: [
        { name: '河西村', kind: 'village', code: '371399102201' },
        { name: '王庄村', kind: 'village', code: '371399102202' },
      ],
    },
  ],
};

const DEMO_POSITIONS = ['县委办主任', '县政府办主任', '督查专员', '党委书记', '镇长', '村党支部书记', '社区主任', '网格员', '科员'];

/** Fictional people; the 1380000xxxx numbers are reserved for the demo. */
const DEMO_PEOPLE: { name: string; phone: string; unit: string; position: string }[] = [
  { name: '王建国', phone: '13800001001', unit: '县委办', position: '县委办主任' },
  { name: '李秀英', phone: '13800001002', unit: '县政府办', position: '县政府办主任' },
  { name: '张伟', phone: '13800001003', unit: '县督查室', position: '督查专员' },
  { name: '刘芳', phone: '13800001004', unit: '县督查室', position: '科员' },
  { name: '陈志强', phone: '13800001005', unit: '城关镇', position: '党委书记' },
  { name: '张三', phone: '13800001006', unit: '城关镇', position: '镇长' },
  { name: '赵春梅', phone: '13800001007', unit: '东关村', position: '村党支部书记' },
  { name: '孙丽', phone: '13800001008', unit: '西关社区', position: '社区主任' },
  { name: '周强', phone: '13800001009', unit: '西关社区第一网格', position: '网格员' },
  { name: '吴敏', phone: '13800001010', unit: '河西镇', position: '镇长' },
  { name: '郑海', phone: '13800001011', unit: '王庄村', position: '村党支部书记' },
];

/**
 * Fills a new tenant's directory with the demo county, through the same services as the API
 * (so the rows, paths and audit entries are exactly what the API would write).
 */
export async function seedDemoOrg(trx: Knex.Transaction, tenantId: string): Promise<void> {
  const ctx: OrgContext = { trx, tenantId, actorUserId: null, scope: { kind: 'tenant' } };
  const unitIds = new Map<string, string>();
  const addUnit = async (unit: DemoUnit, parentId: string | null, sort: number): Promise<void> => {
    const row = await createUnit(ctx, { name: unit.name, kind: unit.kind, code: unit.code, parentId, sort });
    unitIds.set(unit.name, row.id);
    for (const [index, child] of (unit.children ?? []).entries()) await addUnit(child, row.id, index);
  };
  await addUnit(DEMO_TREE, null, 0);
  const positionIds = new Map<string, string>();
  for (const [index, name] of DEMO_POSITIONS.entries()) positionIds.set(name, (await createPosition(ctx, { name, sort: index })).id);
  for (const person of DEMO_PEOPLE) {
    await createPerson(ctx, { name: person.name, phone: person.phone, unitId: unitIds.get(person.unit)!, positionId: positionIds.get(person.position)! });
  }
}
