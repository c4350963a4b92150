import { Empty, Flex, Timeline, Typography } from 'antd';
import { fileUrl, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { EventStatus } from '../../schemas/common.schema';
import type { StepView } from '../../schemas/event.schema';
import { useT } from '../i18n/grid-events-i18n';
import { STATUS_COLORS } from './event-status';
import { PhotoStrip } from './photo-strip';
import { stepLabel, stepNote } from './step-label';

const colorOf = (status: string | null) => (status && Object.hasOwn(STATUS_COLORS, status) ? STATUS_COLORS[status as EventStatus] : 'gray');

/** Every step of the event, oldest first: what, who, when, at which unit, the note and photos. */
export function EventTimeline({ steps }: { steps: StepView[] }) {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  if (steps.length === 0) return <Empty description={t('detail.noSteps')} />;
  return (
    <Timeline
      data-testid="event-timeline"
      items={steps.map((step) => ({
        key: step.id,
        color: colorOf(step.toStatus),
        content: (
          <Flex vertical gap={4} data-testid="event-step" data-action={step.action}>
            <Flex wrap gap={8} align="baseline">
              <Typography.Text strong>{stepLabel(t, step.action)}</Typography.Text>
              <Typography.Text type="secondary">{step.actorName || t('detail.platform')}</Typography.Text>
              {step.unit && <Typography.Text type="secondary">· {step.unit.name}</Typography.Text>}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {time(step.createdAt)}
            </Typography.Text>
            {step.note && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{stepNote(t, step)}</Typography.Paragraph>}
            <PhotoStrip photos={step.photos} src={(id) => fileUrl(slug, id)} size={64} />
          </Flex>
        ),
      }))}
    />
  );
}
