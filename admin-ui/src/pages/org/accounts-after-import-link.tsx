import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../auth/permissions';
import { useTenantSession } from '../../auth/tenant-session-context';

/** After an import: straight to accounts for the people who have none yet (the users page's bulk dialog). */
export function AccountsAfterImportLink() {
  const { t } = useTranslation('adminConsole');
  const { slug } = useTenantSession();
  const hasPermission = useHasPermission();
  if (!hasPermission('core.users.manage')) return null;
  return (
    <Link to={`/t/${slug}/users?bulk=new`}>
      <Button type="primary">{t('bulk.afterImport')}</Button>
    </Link>
  );
}
