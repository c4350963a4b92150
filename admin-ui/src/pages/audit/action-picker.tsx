import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditActions } from '../../api/audit-actions.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useActionLabel } from './use-audit-sentence';

/** Pick one action from the server's catalogue, by its name in the reader's language; the value is the action code. */
export function ActionPicker({ value, onChange }: { value?: string; onChange?: (action: string | undefined) => void }) {
  const { t } = useTranslation('adminConsole');
  const { slug } = useTenantSession();
  const actions = useAuditActions(slug);
  const label = useActionLabel();
  const options = (actions.data ?? []).map((a) => ({ value: a.action, label: label(a.action, a.moduleId) }));
  return (
    <Select
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      loading={actions.isPending}
      placeholder={t('audit.pickAction')}
      popupMatchSelectWidth={false}
      style={{ width: 220 }}
      data-testid="audit-action-picker"
    />
  );
}
