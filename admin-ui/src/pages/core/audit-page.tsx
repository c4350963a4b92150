import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Audit trail viewer with filters. Not built yet: the title and an empty state. */
export function AuditPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.audit')} />;
}
