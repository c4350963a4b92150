import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Custom fields on module records. Not built yet: the title and an empty state. */
export function CustomFieldsPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.customFields')} />;
}
