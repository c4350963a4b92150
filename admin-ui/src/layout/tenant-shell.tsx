import { useState } from 'react';
import { Drawer, Layout, Result, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTenantSession } from '../auth/tenant-session-context';
import { Outlet } from 'react-router';
import { SideMenu } from './side-menu';
import { TenantBrand } from './tenant-brand';
import { TenantHeader } from './tenant-header';
import { useIsPhone } from './use-is-phone';

/** The signed-in tenant layout: a collapsible side menu on a PC, a drawer behind a hamburger on a phone. */
export function TenantShell() {
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();
  const { t } = useTranslation('errors');
  // The server answers nothing else until the password is changed (the dialog is open in the header).
  const { user } = useTenantSession();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          width={220}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav data-testid="side-menu">
            <SideMenu />
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <TenantHeader isPhone={isPhone} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ margin: isPhone ? 8 : 24 }}>
          <main
            style={{ background: token.colorBgContainer, borderRadius: token.borderRadiusLG, padding: isPhone ? 16 : 24, minHeight: 360 }}
          >
            {user.mustChangePassword ? <Result status="info" title={t('codes.AUTH_PASSWORD_CHANGE_REQUIRED')} /> : <Outlet />}
          </main>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<TenantBrand />}
          size={280}
          styles={{ body: { padding: 0 } }}
        >
          <nav data-testid="drawer-menu">
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </Drawer>
      )}
    </Layout>
  );
}
