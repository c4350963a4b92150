import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { unitTreeData, useDirectoryUnits, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useT } from '../i18n/grid-events-i18n';

/** A unit from the county's unit tree (the directory any signed-in user may read), as dispatch picks units. */
export function UnitTreePicker({
  value,
  onChange,
  id,
  testId,
  allowClear,
  placeholder,
}: {
  value?: string | null;
  onChange?: (unitId: string | null) => void;
  id?: string;
  testId?: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const t = useT();
  const { slug } = useTenantSession();
  const units = useDirectoryUnits(slug);
  const treeData = useMemo(() => unitTreeData(units.data ?? []), [units.data]);
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isLoading}
      placeholder={placeholder ?? t('common.pickUnit')}
      notFoundContent={units.isError ? t('errors.directory') : undefined}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
