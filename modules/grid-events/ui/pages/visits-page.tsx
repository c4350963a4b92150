import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useOverdueVisits } from '../api/visits.api';
import { Pager, useCursors } from '../components/pager';
import { useT } from '../i18n/grid-events-i18n';

/**
 * `/grid-events/visits` (逾期走访): households whose visit is due — the shortest visit cadence of
 * their tags has passed — oldest first; `?gridUnitId=` narrows it to one grid (the reminder's link).
 */
export default function VisitsPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const [params] = useSearchParams();
  const paging = useCursors();
  const visits = useOverdueVisits(slug, params.get('gridUnitId') ?? undefined, paging.cursor);

  return (
    <>
      <Typography.Title level={3}>{t('visits.title')}</Typography.Title>
      {visits.error ? (
        <ErrorResult error={visits.error} onRetry={() => void visits.refetch()} />
      ) : (
        <Card>
          <List
            loading={visits.isLoading}
            dataSource={visits.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('visits.empty')} /> }}
            renderItem={(household) => (
              <List.Item>
                <List.Item.Meta
                  title={`${household.building.name} ${t('visits.room', { unit: household.unitNo, floor: household.floor, room: household.room })}`}
                  description={
                    <Space wrap size={4}>
                      <Typography.Text type="secondary">{household.gridUnit.name}</Typography.Text>
                      {household.tags.map((tag) => (
                        <Tag key={tag}>{tag}</Tag>
                      ))}
                    </Space>
                  }
                />
                <Typography.Text type="danger">{t('visits.overdueDays', { n: household.overdueDays })}</Typography.Text>
              </List.Item>
            )}
          />
          <Pager paging={paging} nextCursor={visits.data?.nextCursor} />
        </Card>
      )}
    </>
  );
}
