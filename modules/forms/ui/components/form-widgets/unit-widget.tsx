import { useMemo } from 'react';
import { TreeSelect, Typography } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { unitTreeData, useDirectoryUnits, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { useT } from '../../i18n/forms-i18n';

/** A unit of the tree (the directory lookup `GET /directory/units`, any signed-in user), stored as the unit's id. */
export function UnitWidget({ id, value, disabled, readonly, onChange, onBlur }: WidgetProps) {
  const t = useT();
  const { slug } = useTenantSession();
  const units = useDirectoryUnits(slug);
  const treeData = useMemo(() => unitTreeData(units.data ?? []), [units.data]);
  if (readonly || disabled)
    return <Typography.Text>{units.data?.find((u) => u.id === value)?.name ?? (typeof value === 'string' ? value : '—')}</Typography.Text>;
  return (
    <TreeSelect
      id={id}
      value={typeof value === 'string' ? value : undefined}
      treeData={treeData}
      loading={units.isLoading}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={t('widgets.unitPlaceholder')}
      notFoundContent={units.isError ? t('widgets.directoryUnavailable') : undefined}
      onChange={(next: string | undefined) => onChange(next ?? undefined)}
      onBlur={() => onBlur(id, value)}
      style={{ width: '100%' }}
    />
  );
}
