import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeople, usePerson, type Person } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useDebouncedValue } from '../../components/use-debounced-value';

interface PersonSearchSelectProps {
  value?: string | null;
  onChange?: (personId: string | null) => void;
  /** The picked person, for filling in the account's name and phone. */
  onPick?: (person: Person | null) => void;
  id?: string;
}

/** Picks a person of the directory by name or phone, searched on the server (the directory can be large). */
export function PersonSearchSelect({ value, onChange, onPick, id }: PersonSearchSelectProps) {
  const { t } = useTranslation('users');
  const { slug } = useTenantSession();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim()).slice(0, 50);
  const found = usePeople(slug, { q });
  // The linked person may not be on the first page of results: load them by id for the label.
  const current = usePerson(slug, value);
  const people = useMemo(() => {
    const listed = found.data?.pages.flatMap((page) => page.items) ?? [];
    return current.data && !listed.some((person) => person.id === current.data.id) ? [current.data, ...listed] : listed;
  }, [found.data, current.data]);

  return (
    <Select<string | undefined>
      id={id}
      value={value ?? undefined}
      allowClear
      placeholder={t('form.personPlaceholder')}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? t('form.searching') : t('form.noPerson')}
      options={people.map((person) => ({ value: person.id, label: `${person.name} · ${person.unitName} · ${person.phone}` }))}
      showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
      onChange={(next) => {
        onChange?.(next ?? null);
        onPick?.(people.find((person) => person.id === next) ?? null);
        setSearch('');
      }}
    />
  );
}
