import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Accounts: create, lock, reset passwords. Not built yet: the title and an empty state. */
export function UsersPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.users')} />;
}
