import type { Knex } from 'knex';

/** A unit of the county's tree as modules need it: its name, kind and place in the tree. */
export interface UnitFacts {
  id: string;
  name: string;
  /** county, department, town, village, community or grid (core/org/org-kinds.ts). */
  kind: string;
  parentId: string | null;
  /** The materialized path of ids, `/<county>/<town>/.../<id>/`: its ancestors, top first. */
  path: string;
}

/** The facts of these units (those that exist in the tenant), by id, in one query. */
export async function unitFacts(trx: Knex.Transaction, ids: readonly string[]): Promise<Map<string, UnitFacts>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; name: string; kind: string; parent_id: string | null; path: string }[] = await trx('core_unit')
    .whereIn('id', wanted)
    .select('id', 'name', 'kind', 'parent_id', 'path');
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path }]));
}

/** The ids of a unit's ancestors, nearest first (its parent, then the parent's parent…), from its path. */
export function ancestorIds(unit: Pick<UnitFacts, 'id' | 'path'>): string[] {
  return unit.path
    .split('/')
    .filter((id) => id && id !== unit.id)
    .reverse();
}

/**
 * Units of one kind named by these keys, each key matched against the unit's code, else its name
 * (what an imported file names units by). A name several units share gives them all: the caller
 * decides whether that is ambiguous.
 */
export async function unitsNamed(trx: Knex.Transaction, keys: readonly string[], kind: string): Promise<Map<string, UnitFacts[]>> {
  const wanted = [...new Set(keys)];
  const found = new Map<string, UnitFacts[]>(wanted.map((k) => [k, []]));
  if (wanted.length === 0) return found;
  const rows: { id: string; name: string; kind: string; parent_id: string | null; path: string; code: string | null }[] = await trx(
    'core_unit',
  )
    .where('kind', kind)
    .andWhere((q) => q.whereIn('code', wanted).orWhereIn('name', wanted))
    .select('id', 'name', 'kind', 'parent_id', 'path', 'code');
  const facts = (r: (typeof rows)[number]): UnitFacts => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path });
  for (const key of wanted) {
    const byCode = rows.filter((r) => r.code === key);
    found.set(key, (byCode.length > 0 ? byCode : rows.filter((r) => r.name === key)).map(facts));
  }
  return found;
}

/** The top units of the county's tree (usually one, the county itself). */
export async function topUnitIds(trx: Knex.Transaction): Promise<string[]> {
  return trx('core_unit').whereNull('parent_id').orderBy('path').pluck('id');
}
