import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, Rate, Skeleton, Timeline, Typography } from 'antd';
import { countyTime, isApiError, usePublicTenant } from '../../../../admin-ui/src/module-kit';
import type { PublicEventView } from '../../schemas/public.schema';
import { publicPhotoUrl, usePublicEvent, useRatePublicEvent } from '../api/public.api';
import { actionError } from '../components/action-error';
import { StatusTag } from '../components/event-status';
import { PhotoStrip } from '../components/photo-strip';
import { stepLabel } from '../components/step-label';
import { useT } from '../i18n/grid-events-i18n';

const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** Rates a resolved event once: 1–5 stars and a comment. */
function RatingForm({ slug, code }: { slug: string; code: string }) {
  const t = useT();
  const rate = useRatePublicEvent(slug, code);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <Card size="small" title={t('public.rateTitle')} data-testid="rating-form">
      <Flex vertical gap={12}>
        <Rate value={rating} onChange={setRating} style={{ fontSize: 32 }} aria-label={t('public.rateTitle')} />
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('public.ratingComment')}
        />
        {rate.error && <Alert type="error" showIcon title={actionError(t, rate.error)} />}
        <Button
          type="primary"
          disabled={rating === 0}
          loading={rate.isPending}
          onClick={() => rate.mutate({ rating, comment: comment.trim() })}
          data-testid="rating-submit"
        >
          {t('public.rateSubmit')}
        </Button>
      </Flex>
    </Card>
  );
}

function TrackedEvent({ slug, event }: { slug: string; event: PublicEventView }) {
  const t = useT();
  const src = (id: string) => publicPhotoUrl(slug, event.code, id);
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0, fontFamily: 'monospace' }}>
          {event.code}
        </Typography.Title>
        <StatusTag status={event.status} />
      </Flex>
      {event.mergedIntoCode && (
        <Alert
          type="info"
          showIcon
          title={t('public.merged')}
          description={
            <Link to={`/public/t/${encodeURIComponent(slug)}/grid-events/track/${event.mergedIntoCode}`}>{event.mergedIntoCode}</Link>
          }
        />
      )}
      <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('event.category')}>{event.category}</Descriptions.Item>
        <Descriptions.Item label={t('event.description')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{event.description}</span>
        </Descriptions.Item>
        {event.address && <Descriptions.Item label={t('event.address')}>{event.address}</Descriptions.Item>}
        <Descriptions.Item label={t('event.createdAt')}>{countyTime(event.createdAt)}</Descriptions.Item>
        {event.resolvedAt && <Descriptions.Item label={t('public.resolvedAt')}>{countyTime(event.resolvedAt)}</Descriptions.Item>}
        {event.rating !== null && (
          <Descriptions.Item label={t('event.rating')}>
            <Rate disabled value={event.rating} style={{ fontSize: 16 }} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {event.photos.length > 0 && (
        <Card size="small" title={t('detail.photos')}>
          <PhotoStrip photos={event.photos} src={src} testId="public-event-photos" />
        </Card>
      )}
      {(event.resolutionNote || event.resolutionPhotos.length > 0) && (
        <Card size="small" title={t('detail.resolution')} data-testid="public-resolution">
          {event.resolutionNote && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{event.resolutionNote}</Typography.Paragraph>}
          <PhotoStrip photos={event.resolutionPhotos} src={src} />
        </Card>
      )}
      {event.canRate && <RatingForm slug={slug} code={event.code} />}
      {event.rating !== null && !event.canRate && <Alert type="success" showIcon title={t('public.thanks')} />}
      <Card size="small" title={t('detail.timeline')}>
        {event.steps.length === 0 ? (
          <Empty description={t('detail.noSteps')} />
        ) : (
          <Timeline
            data-testid="public-steps"
            items={event.steps.map((step, index) => ({
              key: index,
              content: (
                <Flex vertical>
                  <Typography.Text strong>{stepLabel(t, step.action)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {countyTime(step.createdAt)}
                  </Typography.Text>
                  {step.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{step.note}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        )}
      </Card>
    </Flex>
  );
}

/**
 * `/public/t/:tenant/grid-events/track/:code` (and `track` to type a code in): a citizen follows a
 * report by its tracking code — its state, the steps taken, the photos — and rates it once resolved.
 */
export default function PublicTrackPage() {
  const t = useT();
  const { slug } = usePublicTenant();
  const navigate = useNavigate();
  const code = useParams().code;
  const valid = code !== undefined && CODE.test(code);
  const event = usePublicEvent(slug, valid ? code : undefined);
  const [typed, setTyped] = useState(code ?? '');
  const base = `/public/t/${encodeURIComponent(slug)}/grid-events`;

  return (
    <Card variant="borderless" style={{ marginTop: 4 }}>
      <Flex vertical gap={16}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('public.trackTitle')}
        </Typography.Title>
        <Input.Search
          value={typed}
          onChange={(e) => setTyped(e.target.value.toUpperCase())}
          onSearch={(value) => value.trim() && void navigate(`${base}/track/${value.trim().toUpperCase()}`)}
          enterButton={t('public.trackButton')}
          placeholder={t('public.codePlaceholder')}
          maxLength={10}
          aria-label={t('public.codePlaceholder')}
          style={{ fontFamily: 'monospace' }}
        />
        {code !== undefined && !valid && <Alert type="warning" showIcon title={t('public.badCode')} />}
        {valid && event.isLoading && <Skeleton active />}
        {valid && event.error && (
          <Alert
            type={isApiError(event.error) && event.error.status === 404 ? 'warning' : 'error'}
            showIcon
            title={isApiError(event.error) && event.error.status === 404 ? t('public.notFound') : actionError(t, event.error)}
          />
        )}
        {event.data && <TrackedEvent slug={slug} event={event.data} />}
        <Typography.Paragraph style={{ textAlign: 'center', margin: 0 }}>
          <Link to={`${base}/report`}>{t('public.reportAnother')}</Link>
        </Typography.Paragraph>
      </Flex>
    </Card>
  );
}
