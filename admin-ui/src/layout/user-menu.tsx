import { useState } from 'react';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { tenantKeys } from '../api/query-keys';
import { changePassword } from '../api/tenant-auth.api';
import { useTenantSession } from '../auth/tenant-session-context';
import { ChangePasswordModal } from './change-password-modal';
import { useSignOut } from './use-sign-out';

/** The signed-in user: change password, sign out. A user who must change the password is asked at once. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('shell');
  const { user, slug } = useTenantSession();
  const [changing, setChanging] = useState(user.mustChangePassword);
  const signOut = useSignOut();

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('userMenu.logout'), disabled: signOut.isPending },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : signOut.mutate()),
        }}
      >
        <Button type="text" aria-label={t('userMenu.label')} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} />
          {!compact && user.displayName}
        </Button>
      </Dropdown>
      <ChangePasswordModal
        open={changing || user.mustChangePassword}
        required={user.mustChangePassword}
        onClose={() => setChanging(false)}
        owner={{ change: (body) => changePassword(slug, body), sessionKey: tenantKeys.session(slug), signOut }}
      />
    </>
  );
}
