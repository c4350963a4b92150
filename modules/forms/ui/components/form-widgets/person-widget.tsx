import { useState } from 'react';
import { Select, Typography } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { useDebouncedValue, useDirectoryPeople, useDirectoryPerson, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { useT } from '../../i18n/forms-i18n';

/**
 * A person of the directory, stored as the person's id. Looked up through the directory lookup
 * (`GET /directory/people?q=`, any signed-in user): the village clerk filling in a form holds no
 * `core.org.read`.
 */
export function PersonWidget({ id, value, disabled, readonly, onChange, onBlur }: WidgetProps) {
  const t = useT();
  const { slug } = useTenantSession();
  const [q, setQ] = useState('');
  const people = useDirectoryPeople(slug, useDebouncedValue(q, 300));
  const current = useDirectoryPerson(slug, typeof value === 'string' ? value : null);
  const found = people.data ?? [];
  const options = found.map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }));
  if (current.data && !options.some((o) => o.value === current.data.id))
    options.unshift({ value: current.data.id, label: `${current.data.name}（${current.data.unitName}）` });
  if (readonly || disabled) return <Typography.Text>{current.data?.name ?? (typeof value === 'string' ? value : '—')}</Typography.Text>;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={typeof value === 'string' ? value : undefined}
      options={options}
      loading={people.isFetching}
      placeholder={t('widgets.personPlaceholder')}
      notFoundContent={people.isError ? t('widgets.directoryUnavailable') : undefined}
      onChange={(next: string | undefined) => onChange(next ?? undefined)}
      onBlur={() => onBlur(id, value)}
      style={{ width: '100%' }}
    />
  );
}
