import type { Unit, UnitKind } from '../../../../admin-ui/src/module-kit';

/**
 * The units below `parentId` that fill in: "all villages of this town". Only the lowest level
 * (units with no children of their own), since a town's grids or a county's towns are not whom a
 * household form goes to; a node with nothing below gives nothing.
 */
export function unitsUnder(units: Unit[], parentId: string): string[] {
  const parent = units.find((u) => u.id === parentId);
  if (!parent) return [];
  return units.filter((u) => u.id !== parent.id && u.path.startsWith(parent.path) && u.childCount === 0).map((u) => u.id);
}

/** Every unit of one kind (e.g. all 村), whichever node it hangs under. */
export function unitsOfKind(units: Unit[], kind: UnitKind): string[] {
  return units.filter((u) => u.kind === kind).map((u) => u.id);
}

/** The kinds the tree holds, from the root down. */
export function kindsPresent(units: Unit[]): UnitKind[] {
  return [...new Set([...units].sort((a, b) => a.depth - b.depth).map((u) => u.kind))];
}

/** `current` plus `added`, each once, in that order. */
export function withUnits(current: string[], added: string[]): string[] {
  return [...new Set([...current, ...added])];
}
