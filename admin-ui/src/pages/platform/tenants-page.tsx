import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Tenants: list, create, suspend, resume, usage. Not built yet: the title and an empty state. */
export function TenantsPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.tenants')} />;
}
