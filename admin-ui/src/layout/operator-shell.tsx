import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CloudServerOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Menu, Result, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { platformScope } from '../api/api-scope';
import { clearCsrfToken } from '../api/csrf-token-store';
import { changeOperatorPassword, operatorSignOut } from '../api/operator-auth.api';
import { platformKeys } from '../api/query-keys';
import { useOperatorSession } from '../auth/operator-session-context';
import { ChangePasswordModal } from './change-password-modal';
import { LanguageSwitch } from './language-switch';
import { useIsPhone } from './use-is-phone';

/**
 * The platform operators' small layout: a top bar with their few pages, language, password and
 * sign-out. An operator signed in with a generated password is asked for their own at once.
 */
export function OperatorShell() {
  const { t } = useTranslation('shell');
  const { operator } = useOperatorSession();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const signOut = useMutation({
    mutationFn: operatorSignOut,
    onSuccess: async () => {
      clearCsrfToken(platformScope);
      await navigate('/platform/login', { replace: true });
      queryClient.removeQueries({ queryKey: platformKeys.all });
    },
    onError: () => message.error(t('logout.failed', { ns: 'auth' })),
  });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          padding: isPhone ? '0 8px' : '0 24px',
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
          <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
            <CloudServerOutlined style={{ fontSize: 20, color: token.colorPrimary }} />
            {!isPhone && <Typography.Text strong>{t('platformTitle')}</Typography.Text>}
            <Menu
              mode="horizontal"
              selectedKeys={[pathname]}
              items={[{ key: '/platform/tenants', label: t('menu.tenants') }]}
              onClick={({ key }) => void navigate(key)}
              style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
            />
          </Flex>
          <Flex align="center" gap={4}>
            <LanguageSwitch compact={isPhone} />
            {!isPhone && <Typography.Text type="secondary">{operator.displayName}</Typography.Text>}
            <Button
              type="text"
              icon={<KeyOutlined />}
              onClick={() => setChanging(true)}
              aria-label={t('userMenu.changePassword')}
              data-testid="operator-change-password"
            >
              {isPhone ? null : t('userMenu.changePassword')}
            </Button>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
              aria-label={t('userMenu.logout')}
            >
              {isPhone ? null : t('userMenu.logout')}
            </Button>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ margin: isPhone ? 8 : 24 }}>
        <main
          style={{ background: token.colorBgContainer, borderRadius: token.borderRadiusLG, padding: isPhone ? 16 : 24, minHeight: 360 }}
        >
          {operator.mustChangePassword ? (
            <Result status="info" title={t('codes.AUTH_PASSWORD_CHANGE_REQUIRED', { ns: 'errors' })} />
          ) : (
            <Outlet />
          )}
        </main>
      </Layout.Content>
      <ChangePasswordModal
        open={changing || operator.mustChangePassword}
        required={operator.mustChangePassword}
        onClose={() => setChanging(false)}
        owner={{ change: changeOperatorPassword, sessionKey: platformKeys.session, signOut }}
      />
    </Layout>
  );
}
