import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

/** Working-day calendar. Not built yet: the title and an empty state. */
export function CalendarPage() {
  const { t } = useTranslation('shell');
  return <PagePlaceholder title={t('menu.calendar')} />;
}
