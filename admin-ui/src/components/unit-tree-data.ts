export interface UnitTreeNode {
  value: string;
  title: string;
  children: UnitTreeNode[];
}

/**
 * A flat unit list (parents first, as the server sends it) as antd TreeSelect data; a unit whose
 * parent is not in the list is a root. With `below`, only the units strictly under that unit
 * (a re-dispatch goes down, never sideways or up).
 */
export function unitTreeData(units: { id: string; name: string; parentId: string | null }[], below?: string): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node: UnitTreeNode = { value: unit.id, title: unit.name, children: [] };
    nodes.set(unit.id, node);
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (below !== undefined && unit.parentId === below) roots.push(node);
    else if (parent) parent.children.push(node);
    else if (below === undefined) roots.push(node);
  }
  return roots;
}
