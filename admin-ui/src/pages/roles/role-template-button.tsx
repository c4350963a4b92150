import { useState } from 'react';
import { AppstoreAddOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleTemplates } from '../../api/bulk-access.api';
import type { RoleInput } from '../../api/role.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useLocalized } from '../../i18n/localized';

/**
 * 从模板创建: the county role templates (县领导, 督查员, 镇长 …) with the permissions that exist
 * here; picking one opens the role editor filled in, to adjust before saving.
 */
export function RoleTemplateButton({ onPick }: { onPick: (start: RoleInput) => void }) {
  const { t } = useTranslation('adminConsole');
  const { slug } = useTenantSession();
  const localize = useLocalized();
  const [open, setOpen] = useState(false);
  const templates = useRoleTemplates(slug, open);
  const items = (templates.data ?? []).map((template) => ({
    key: template.key,
    label: (
      <div style={{ maxWidth: 360, whiteSpace: 'normal' }} data-testid={`role-template-${template.key}`}>
        <Typography.Text strong>{localize(template.name)}</Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {localize(template.description)}
          {template.missingModules.length > 0 && ` ${t('templates.moreWithModules', { modules: template.missingModules.join(', ') })}`}
        </Typography.Text>
      </div>
    ),
    onClick: () => onPick({ name: localize(template.name), description: localize(template.description), grants: template.grants }),
  }));
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      menu={{ items: items.length ? items : [{ key: 'loading', label: t('templates.loading'), disabled: true }] }}
    >
      <Button icon={<AppstoreAddOutlined />} data-testid="role-templates-open">
        {t('templates.open')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
