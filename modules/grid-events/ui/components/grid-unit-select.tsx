import { Select } from 'antd';
import { useDirectoryUnits, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useT } from '../i18n/grid-events-i18n';

/** One unit of the given kinds (grids by default), by name, searchable. */
export function UnitKindSelect({
  value,
  onChange,
  kinds = ['grid'],
  placeholder,
  allowClear,
  testId,
  id,
  style,
}: {
  value?: string;
  onChange?: (unitId: string | undefined) => void;
  kinds?: string[];
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  id?: string;
  style?: React.CSSProperties;
}) {
  const t = useT();
  const { slug } = useTenantSession();
  const units = useDirectoryUnits(slug);
  const options = (units.data ?? []).filter((u) => kinds.includes(u.kind)).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={options}
      loading={units.isLoading}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('common.pickGrid')}
      notFoundContent={units.isError ? t('errors.directory') : undefined}
      style={style ?? { width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
