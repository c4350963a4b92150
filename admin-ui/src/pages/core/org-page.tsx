import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Org directory (通讯录): the unit tree and people. Not built yet: the title and an empty state. */
export function OrgPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.org')} />;
}
