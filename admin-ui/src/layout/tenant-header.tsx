import { MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveAccountLanguage } from '../i18n/use-account-language';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { TenantBrand } from './tenant-brand';
import { UserMenu } from './user-menu';

/** Brand on the left; language, bell and user on the right. On a phone, a hamburger opens the menu. */
export function TenantHeader({ isPhone, onOpenMenu }: { isPhone: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation('shell');
  const { token } = theme.useToken();
  const saveAccountLanguage = useSaveAccountLanguage();
  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        padding: isPhone ? '0 8px' : '0 24px',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
        <Flex align="center" gap={4} style={{ minWidth: 0 }}>
          {isPhone && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('openMenu')} onClick={onOpenMenu} data-testid="open-menu" />
          )}
          <TenantBrand />
        </Flex>
        <Flex align="center" gap={isPhone ? 0 : 8} style={{ flex: 'none' }}>
          <LanguageSwitch compact={isPhone} onChosen={saveAccountLanguage} />
          <NotificationBell />
          <UserMenu compact={isPhone} />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
