import type { StateUnit } from './tenant-state.ts';

/**
 * How a file names a unit: its code, or — for a unit without a code — the names from the root
 * down, each after a slash (`/示范县/城关镇`). Codes cannot start with a slash, so the two never clash.
 */
export function unitRef(unit: { code: string | null | undefined }, namePath: string): string {
  return unit.code ?? namePath;
}

/** Every unit's reference and name path, by id. */
export function unitRefsById(units: StateUnit[]): Map<string, { ref: string; namePath: string }> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, string>();
  const pathOf = (unit: StateUnit): string => {
    const known = paths.get(unit.id);
    if (known !== undefined) return known;
    const parent = unit.parent_id ? byId.get(unit.parent_id) : undefined;
    const path = `${parent ? pathOf(parent) : ''}/${unit.name}`;
    paths.set(unit.id, path);
    return path;
  };
  return new Map(units.map((u) => [u.id, { ref: unitRef(u, pathOf(u)), namePath: pathOf(u) }]));
}

/** Unit ids by every name a file may use for them: code and name path. */
export function unitIdsByRef(units: StateUnit[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [id, { namePath }] of unitRefsById(units)) ids.set(namePath, id);
  for (const unit of units) if (unit.code) ids.set(unit.code, unit.id);
  return ids;
}
