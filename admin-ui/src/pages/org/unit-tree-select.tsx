import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { buildUnitTree, type UnitTreeNode } from './unit-tree';

interface SelectNode {
  value: string;
  title: string;
  disabled: boolean;
  children: SelectNode[];
}

const toSelectNodes = (nodes: UnitTreeNode[], disabledIds: Set<string>): SelectNode[] =>
  nodes.map((node) => ({
    value: node.key,
    title: node.title,
    disabled: disabledIds.has(node.key),
    children: toSelectNodes(node.children, disabledIds),
  }));

interface UnitTreeSelectProps {
  value?: string;
  onChange?: (unitId: string) => void;
  /** Units that cannot be picked (a unit cannot move under itself or below). */
  disabledIds?: Set<string>;
  id?: string;
}

/** Picks one unit of the directory, searchable by name; a form control (value / onChange). */
export function UnitTreeSelect({ value, onChange, disabledIds, id }: UnitTreeSelectProps) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const units = useUnits(slug);
  const treeData = useMemo(() => toSelectNodes(buildUnitTree(units.data ?? []), disabledIds ?? new Set()), [units.data, disabledIds]);

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={units.isLoading}
      placeholder={t('unit.pick')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={{ width: '100%' }}
    />
  );
}
