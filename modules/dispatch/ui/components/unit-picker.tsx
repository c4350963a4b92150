import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { unitTreeData, useDirectoryUnits, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useT } from '../i18n/dispatch-i18n';

interface UnitPickerProps<V> {
  value?: V;
  onChange?: (value: V) => void;
  multiple?: V extends string[] ? true : false;
  /** Only units strictly below this one. */
  below?: string;
  testId?: string;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  /** Only units of these kinds, as a flat list (镇呼县应 goes to departments); `exclude`: units not offered. */
  kinds?: string[];
  exclude?: string[];
}

/** One unit, or several, from the unit tree (the directory lookup any signed-in user may read). */
export function UnitPicker<V extends string | string[] | undefined>({
  value,
  onChange,
  multiple,
  below,
  testId,
  id,
  placeholder,
  allowClear,
  kinds,
  exclude,
}: UnitPickerProps<V>) {
  const t = useT();
  const { slug } = useTenantSession();
  const units = useDirectoryUnits(slug);
  const treeData = useMemo(
    () =>
      kinds
        ? (units.data ?? [])
            .filter((u) => kinds.includes(u.kind) && !exclude?.includes(u.id))
            .map((u) => ({ value: u.id, title: u.name, children: [] }))
        : unitTreeData(units.data ?? [], below),
    [units.data, below, kinds, exclude],
  );
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next) => onChange?.(next as V)}
      treeData={treeData}
      multiple={multiple}
      treeDefaultExpandAll
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isLoading}
      placeholder={placeholder ?? t('common.pickUnit')}
      notFoundContent={units.isError ? t('common.directoryUnavailable') : undefined}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
