import type { Unit } from '../../../../admin-ui/src/api/org.api';

export interface UnitTreeNode {
  value: string;
  title: string;
  children: UnitTreeNode[];
}

/** The flat unit list (parents first, as the server sends it) as TreeSelect data; units whose parent is out of scope are roots. */
export function unitTreeData(units: Pick<Unit, 'id' | 'name' | 'parentId'>[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node: UnitTreeNode = { value: unit.id, title: unit.name, children: [] };
    nodes.set(unit.id, node);
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
