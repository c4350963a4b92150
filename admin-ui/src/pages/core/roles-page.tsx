import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Roles: permissions by module, data scope, assignment to people. Not built yet: the title and an empty state. */
export function RolesPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.roles')} />;
}
