import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeopleSearch, type PersonOption } from '../../api/role.api';
import { useTenantSession } from '../../auth/tenant-session-context';

interface PersonPickerProps {
  /** People already chosen: listed but not selectable again. */
  excludeIds: string[];
  onPick: (person: PersonOption) => void;
  disabled?: boolean;
}

/** Search the directory by name or phone and pick one person. */
export function PersonPicker({ excludeIds, onPick, disabled }: PersonPickerProps) {
  const { t } = useTranslation('roles');
  const { slug } = useTenantSession();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // One request when typing pauses, not one per keystroke (or per IME composition step).
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const people = usePeopleSearch(slug, q);

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      value={null}
      disabled={disabled}
      placeholder={t('members.searchPlaceholder')}
      loading={people.isFetching}
      notFoundContent={q ? (people.isFetching ? t('members.searching') : t('members.noMatch')) : t('members.typeToSearch')}
      options={(q ? (people.data ?? []) : []).map((person) => ({
        value: person.id,
        label: `${person.name} · ${person.phone} · ${person.unitName}`,
        disabled: excludeIds.includes(person.id),
      }))}
      onSelect={(id) => {
        const person = people.data?.find((p) => p.id === id);
        if (person) onPick(person);
        setTyped('');
      }}
      style={{ width: '100%' }}
      data-testid="person-picker"
    />
  );
}
