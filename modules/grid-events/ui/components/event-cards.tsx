import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { EventSummary } from '../../schemas/event.schema';
import { useT } from '../i18n/grid-events-i18n';
import { OverdueTag, StatusTag } from './event-status';

/** The deadline that matters now: to accept while not accepted, else to resolve. */
export function dueOf(event: EventSummary): string | null {
  if (event.status === 'reported' || event.status === 'unassigned') return event.acceptDueAt ?? event.resolveDueAt;
  if (event.status === 'accepted' || event.status === 'in_progress') return event.resolveDueAt;
  return null;
}

/** One event as a card: code, state, what, where, who handles it, its deadline. Tapping opens it. */
export function EventCard({ event }: { event: EventSummary }) {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const due = dueOf(event);
  return (
    <Link to={`/t/${slug}/grid-events/events/${event.id}`} style={{ display: 'block', width: '100%', color: 'inherit' }}>
      <Card size="small" hoverable data-testid="event-card" data-code={event.code}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
            {event.category.name}
          </Typography.Text>
          <Space size={4} style={{ flex: 'none' }}>
            <OverdueTag overdue={event.overdue} />
            <StatusTag status={event.status} />
          </Space>
        </Flex>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
          {event.description}
        </Typography.Paragraph>
        {event.address && (
          <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
            <EnvironmentOutlined /> {event.address}
          </Typography.Text>
        )}
        <Flex wrap gap={4} style={{ marginTop: 4 }}>
          <Tag>{event.code}</Tag>
          {event.quick && <Tag color="cyan">{t('event.quick')}</Tag>}
          {event.handlingUnit && <Tag>{event.handlingUnit.name}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('event.reportedAt', { time: time(event.createdAt) })}
            {due ? ` · ${t('event.dueAt', { time: time(due) })}` : ''}
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}

/** Events as cards with loading and empty states (the queue, a phone's list). */
export function EventCards({ items, loading, empty }: { items: EventSummary[] | undefined; loading: boolean; empty: string }) {
  return (
    <List
      data-testid="event-cards"
      loading={loading}
      dataSource={items ?? []}
      locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={(event) => (
        <List.Item key={event.id} style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
          <EventCard event={event} />
        </List.Item>
      )}
    />
  );
}
