import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Module catalogue: enable, disable, configure (config form from the module's configSchema). Not built yet: the title and an empty state. */
export function ModulesPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.modules')} />;
}
