import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedAccount } from '../../api/bulk-access.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import './password-sheet.css';

/**
 * The printable sheet of new accounts: name, unit, login and initial password, one row each,
 * with where to sign in. Shown once; printing prints this sheet alone (password-sheet.css).
 */
export function PasswordSheet({ accounts }: { accounts: CreatedAccount[] }) {
  const { t } = useTranslation('adminConsole');
  const { slug, tenant } = useTenantSession();
  const loginUrl = `${window.location.origin}/t/${slug}/login`;
  return (
    <div className="password-sheet" data-testid="password-sheet">
      <Alert className="no-print" type="warning" showIcon title={t('sheet.onceWarning')} style={{ marginBottom: 12 }} />
      <Flex className="no-print" justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('sheet.print')}
        </Button>
      </Flex>
      <Typography.Title level={4}>{t('sheet.title', { county: tenant.name })}</Typography.Title>
      <Typography.Paragraph>{t('sheet.instructions', { url: loginUrl })}</Typography.Paragraph>
      <table>
        <thead>
          <tr>
            <th>{t('sheet.name')}</th>
            <th>{t('sheet.unit')}</th>
            <th>{t('sheet.login')}</th>
            <th>{t('sheet.password')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.userId}>
              <td>{account.name}</td>
              <td>{account.unitName}</td>
              <td>{account.username}</td>
              <td className="secret">{account.initialPassword}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
