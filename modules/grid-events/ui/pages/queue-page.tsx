import { Alert, Button, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { PlusOutlined } from '@ant-design/icons';
import { ErrorResult, useHasPermission, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useQueue } from '../api/grid-events.api';
import { EventCards } from '../components/event-cards';
import { Pager, useCursors } from '../components/pager';
import { useT } from '../i18n/grid-events-i18n';

/** `/grid-events/queue` (我的待办): open events of the handler's units, the nearest deadline first. */
export default function QueuePage() {
  const t = useT();
  const { slug } = useTenantSession();
  const paging = useCursors();
  const queue = useQueue(slug, paging.cursor);
  const canReport = useHasPermission()('grid-events.report');
  const overdue = (queue.data?.items ?? []).filter((e) => e.overdue).length;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('queue.title')}</Typography.Title>
        {canReport && (
          <Link to={`/t/${slug}/grid-events/report`}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('report.title')}
            </Button>
          </Link>
        )}
      </Flex>
      {overdue > 0 && <Alert type="error" showIcon title={t('queue.overdue', { n: overdue })} style={{ marginBottom: 12 }} />}
      {queue.error ? (
        <ErrorResult error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <EventCards items={queue.data?.items} loading={queue.isLoading} empty={t('queue.empty')} />
          <Pager paging={paging} nextCursor={queue.data?.nextCursor} />
        </>
      )}
    </>
  );
}
