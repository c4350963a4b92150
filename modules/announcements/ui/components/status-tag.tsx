import { Tag } from 'antd';
import type { NoticeSummary } from '../../schemas/notice.schema';
import { useT } from '../i18n/announcements-i18n';

const COLORS = { draft: 'default', published: 'green', withdrawn: 'red' } as const;

/** A notice's state for its publishers; a published one past its expiry says so. */
export function StatusTag({ notice }: { notice: Pick<NoticeSummary, 'status' | 'expired'> }) {
  const t = useT();
  if (notice.status === 'published' && notice.expired) return <Tag color="orange">{t('manage.status.expired')}</Tag>;
  return <Tag color={COLORS[notice.status]}>{t(`manage.status.${notice.status}`)}</Tag>;
}
