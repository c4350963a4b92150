import type { TreeDataNode } from 'antd';
import type { Unit } from '../../api/org.api';

export interface UnitTreeNode extends TreeDataNode {
  key: string;
  title: string;
  unit: Unit;
  children: UnitTreeNode[];
}

/**
 * The flat list (parents before children, as the server sends it) as a tree. A unit whose parent
 * is outside the user's data scope is a root of what the user sees.
 */
export function buildUnitTree(units: Unit[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node: UnitTreeNode = { key: unit.id, title: unit.name, unit, children: [] };
    nodes.set(unit.id, node);
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The unit and every unit below it: a unit cannot move there. */
export function subtreeIds(units: Unit[], unitId: string): Set<string> {
  return new Set(units.filter((unit) => unit.path.includes(`/${unitId}/`)).map((unit) => unit.id));
}

/** Units open at first sight: the roots and their children (a county and its towns and offices). */
export function initiallyExpanded(units: Unit[]): string[] {
  const minDepth = Math.min(...units.map((unit) => unit.depth));
  return units.filter((unit) => unit.depth <= minDepth && unit.childCount > 0).map((unit) => unit.id);
}

/** The kind a new child usually has: offices under a county, villages under a town, grids below. */
export function childKindOf(parent: Unit | null): Unit['kind'] {
  switch (parent?.kind) {
    case undefined:
      return 'county';
    case 'county':
      return 'town';
    case 'town':
      return 'village';
    case 'department':
      return 'department';
    default:
      return 'grid';
  }
}
