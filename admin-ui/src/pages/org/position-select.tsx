import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreatePosition, usePositions } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useOrgErrors } from './use-org-errors';

// Not a uuid, so it can never collide with a position's id.
const CREATE = '__create__';

interface PositionSelectProps {
  value?: string | null;
  onChange?: (positionId: string | null) => void;
  id?: string;
}

/** Picks a position (职务); typing a name that does not exist yet offers to create it on the spot. */
export function PositionSelect({ value, onChange, id }: PositionSelectProps) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const positions = usePositions(slug);
  const createPosition = useCreatePosition(slug);
  const errors = useOrgErrors();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const exists = (positions.data ?? []).some((position) => position.name === typed);

  const options = [
    ...(typed && !exists ? [{ value: CREATE, label: t('person.createPosition', { name: typed }) }] : []),
    ...(positions.data ?? []).map((position) => ({ value: position.id, label: position.name })),
  ];

  const change = (next: string | undefined) => {
    if (next !== CREATE) return onChange?.(next ?? null);
    createPosition.mutate(typed, {
      onSuccess: (position) => {
        setSearch('');
        onChange?.(position.id);
      },
      onError: (error) => errors.show(error),
    });
  };

  return (
    <Select<string | undefined>
      id={id}
      value={value ?? undefined}
      onChange={change}
      options={options}
      allowClear
      loading={positions.isLoading || createPosition.isPending}
      placeholder={t('person.positionPlaceholder')}
      suffixIcon={typed && !exists ? <PlusOutlined /> : undefined}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        // The "create" option always stays visible while typing.
        filterOption: (input, option) => option?.value === CREATE || String(option?.label ?? '').includes(input.trim()),
      }}
    />
  );
}
