import { useParams } from 'react-router';
import { Alert, Card, Descriptions, Flex, Rate, Skeleton, Space, Tag, Typography } from 'antd';
import { ErrorResult, fileUrl, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { EventView } from '../../schemas/event.schema';
import { useEvent } from '../api/grid-events.api';
import { DuplicatesPanel } from '../components/duplicates-panel';
import { EventActions } from '../components/event-actions';
import { OverdueTag, StatusTag } from '../components/event-status';
import { EventTimeline } from '../components/event-timeline';
import { PhotoStrip } from '../components/photo-strip';
import { useT } from '../i18n/grid-events-i18n';

const LEVELS = ['grid', 'community', 'town', 'department'] as const;

function Facts({ event }: { event: EventView }) {
  const t = useT();
  const time = useCountyTime();
  const level = LEVELS[event.level];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      bordered
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="event-facts"
    >
      <Descriptions.Item label={t('event.category')}>{event.category.name}</Descriptions.Item>
      <Descriptions.Item label={t('event.source')}>{t(`source.${event.source}`)}</Descriptions.Item>
      <Descriptions.Item label={t('event.description')} span={{ xs: 1, md: 2 }}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{event.description}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('event.address')} span={{ xs: 1, md: 2 }}>
        {event.address || '—'}
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t('place.point', { lon: event.lon.toFixed(5), lat: event.lat.toFixed(5) })}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('event.grid')}>{event.gridUnit?.name ?? t('detail.noGrid')}</Descriptions.Item>
      <Descriptions.Item label={t('event.handlingUnit')}>
        <Space size={4} wrap>
          {event.handlingUnit?.name ?? t('detail.unrouted')}
          {level && <Tag>{t(`levels.${level}`)}</Tag>}
          {event.routedBy && Object.hasOwn({ grid: 1, category: 1, admin: 1, escalation: 1 }, event.routedBy) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`routedBy.${event.routedBy as 'grid' | 'category' | 'admin' | 'escalation'}`)}
            </Typography.Text>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('event.reporter')}>
        {event.reporterName || '—'}
        {event.reporterPhone ? ` · ${event.reporterPhone}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('event.createdAt')}>{time(event.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('event.acceptDue')}>
        {event.acceptedAt ? t('detail.acceptedAt', { time: time(event.acceptedAt) }) : time(event.acceptDueAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('event.resolveDue')}>
        {event.resolvedAt ? t('detail.resolvedAt', { time: time(event.resolvedAt) }) : time(event.resolveDueAt)}
      </Descriptions.Item>
      {event.closedAt && <Descriptions.Item label={t('event.closedAt')}>{time(event.closedAt)}</Descriptions.Item>}
      {event.rating !== null && (
        <Descriptions.Item label={t('event.rating')} span={{ xs: 1, md: 2 }}>
          <Rate disabled value={event.rating} style={{ fontSize: 16 }} /> {event.ratingComment}
        </Descriptions.Item>
      )}
      {event.reopenCount > 0 && <Descriptions.Item label={t('event.reopenCount')}>{event.reopenCount}</Descriptions.Item>}
      {event.callbackStatus && (
        <Descriptions.Item label={t('event.callback')} span={{ xs: 1, md: 2 }}>
          {event.callbackResult && Object.hasOwn({ satisfied: 1, unsatisfied: 1, unreachable: 1 }, event.callbackResult)
            ? t(`callback.${event.callbackResult as 'satisfied' | 'unsatisfied' | 'unreachable'}`)
            : t('callback.drawn')}
          {event.callbackNote ? ` · ${event.callbackNote}` : ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** `/grid-events/events/:id`: the event's facts, photos, what was done, its timeline, and the steps the user may take. */
export default function EventDetailPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const id = useParams().id;
  const query = useEvent(slug, id);
  const src = (fileId: string) => fileUrl(slug, fileId);

  if (query.isLoading) return <Skeleton active />;
  if (query.error || !query.data) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const event = query.data;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap size={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="event-code">
            {event.code}
          </Typography.Title>
          <StatusTag status={event.status} />
          <OverdueTag overdue={event.overdue} />
          {event.quick && <Tag color="cyan">{t('event.quick')}</Tag>}
        </Space>
      </Flex>
      {event.mergedIntoCode && <Alert type="info" showIcon title={t('detail.merged', { code: event.mergedIntoCode })} />}
      {event.extension && (
        <Alert
          type="warning"
          showIcon
          title={t('detail.extensionPending', { n: event.extension.hours })}
          description={event.extension.reason}
        />
      )}
      <EventActions event={event} />
      <Facts event={event} />
      <DuplicatesPanel event={event} />
      {event.photos.length > 0 && (
        <Card size="small" title={t('detail.photos')}>
          <PhotoStrip photos={event.photos} src={src} testId="event-photos" />
        </Card>
      )}
      {(event.resolutionNote || event.resolutionPhotos.length > 0) && (
        <Card size="small" title={t('detail.resolution')} data-testid="event-resolution">
          {event.resolutionNote && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{event.resolutionNote}</Typography.Paragraph>}
          <PhotoStrip photos={event.resolutionPhotos} src={src} />
        </Card>
      )}
      <Card size="small" title={t('detail.timeline')}>
        <EventTimeline steps={event.steps} />
      </Card>
    </Flex>
  );
}
