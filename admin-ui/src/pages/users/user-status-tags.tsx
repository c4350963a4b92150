import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../api/users.api';

/** What is notable about an account: admin, disabled, locked after failed sign-ins, must change password. */
export function UserStatusTags({ user }: { user: UserAccount }) {
  const { t } = useTranslation('users');
  return (
    <Space size={[0, 4]} wrap>
      {user.isTenantAdmin && <Tag color="gold">{t('tags.admin')}</Tag>}
      {user.status === 'disabled' ? <Tag color="default">{t('tags.disabled')}</Tag> : <Tag color="green">{t('tags.active')}</Tag>}
      {user.locked && <Tag color="red">{t('tags.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="blue">{t('tags.mustChange')}</Tag>}
    </Space>
  );
}
