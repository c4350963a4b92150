import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useT } from '../i18n/grid-events-i18n';

interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
}

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** Categories in tree order (parents first, as the API lists them) as TreeSelect data. */
export function categoryTree(categories: CategoryNode[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const category of categories) {
    const node: TreeNode = { value: category.id, title: category.name, children: [] };
    nodes.set(category.id, node);
    const parent = category.parentId ? nodes.get(category.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

interface CategoryPickerProps {
  categories: CategoryNode[] | undefined;
  loading?: boolean;
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}

/** The category, picked from the tree of plain-language names (searchable: 路灯 finds 路灯不亮). */
export function CategoryPicker({ categories, loading, value, onChange, id, placeholder, allowClear, testId }: CategoryPickerProps) {
  const t = useT();
  const treeData = useMemo(() => categoryTree(categories ?? []), [categories]);
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear={allowClear}
      loading={loading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('report.pickCategory')}
      style={{ width: '100%' }}
      listHeight={320}
    />
  );
}
