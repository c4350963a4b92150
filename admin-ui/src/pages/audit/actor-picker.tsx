import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserSearch } from '../../api/audit.api';
import { useTenantSession } from '../../auth/tenant-session-context';

/** Pick an account by username, name or phone; the value is its user id. */
export function ActorPicker({ value, onChange }: { value?: string; onChange?: (userId: string | undefined) => void }) {
  const { t } = useTranslation('audit');
  const { slug } = useTenantSession();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  // One request when typing pauses, not one per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const users = useUserSearch(slug, q, open || value !== undefined);

  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      value={value}
      onOpenChange={setOpen}
      onChange={(id) => onChange?.(id)}
      placeholder={t('filters.actorPlaceholder')}
      loading={users.isFetching}
      notFoundContent={t('filters.actorNoMatch')}
      options={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
      style={{ width: 220 }}
      data-testid="audit-actor"
    />
  );
}
