import { Empty, Skeleton, Timeline, Typography } from 'antd';
import type { Light } from '../../schemas/common.schema';
import type { TimelineItem } from '../../schemas/task.schema';
import { LIGHTS } from '../api/list-helpers';
import { useT, type DispatchKey, type DispatchT } from '../i18n/dispatch-i18n';
import { causeText, LIGHT_COLORS } from './light-badge';
import { countyTime } from '../../../../admin-ui/src/module-kit';

const KINDS = [
  'task.created',
  'task.updated',
  'task.closed',
  'assignment.dispatched',
  'assignment.opened',
  'assignment.redispatched',
  'report.submitted',
  'report.accepted',
  'report.returned',
  'card.given',
  'reminder.sent',
  'urge.sent',
  'escalation.raised',
  'extension.requested',
  'extension.granted',
  'extension.refused',
  'instruction.given',
  'instruction.acknowledged',
  'comment.added',
  'light.changed',
] as const;

const isLight = (value: unknown): value is Light => typeof value === 'string' && (LIGHTS as string[]).includes(value);
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** What one entry says beyond its kind: the light change, the progress, the reason or text. */
function detail(t: DispatchT, item: TimelineItem): string {
  const d = item.data;
  if (item.kind === 'light.changed')
    return `${isLight(d.from) ? t(`light.${d.from}`) : '—'} → ${isLight(d.to) ? t(`light.${d.to}`) : text(d.to)}（${causeText(t, text(d.cause))}）`;
  if (item.kind === 'report.submitted') return `${text(d.progress)}%${d.problem === true ? ` · ${t('reports.problem')}` : ''}`;
  if (item.kind === 'card.given')
    return `${d.color === 'green' || d.color === 'yellow' || d.color === 'red' ? t(`card.${d.color}`) : ''} · ${text(d.reason)}`;
  if (item.kind === 'assignment.dispatched' || item.kind === 'assignment.redispatched')
    return t('timeline.until', { time: countyTime(text(d.deadline)) });
  return text(d.reason) || text(d.text) || text(d.title);
}

function dotColor(item: TimelineItem): string | undefined {
  if (item.kind === 'light.changed' && isLight(item.data.to)) return item.data.to === 'white' ? 'gray' : LIGHT_COLORS[item.data.to];
  if (item.kind === 'report.returned' || item.kind === 'escalation.raised') return 'red';
  if (item.kind === 'report.accepted' || item.kind === 'task.closed') return 'green';
  return undefined;
}

/** Everything that happened to a task, oldest first (`GET /tasks/:id/timeline`). */
export function TaskTimeline({ items, loading }: { items: TimelineItem[] | undefined; loading: boolean }) {
  const t = useT();
  if (loading) return <Skeleton active />;
  if (!items || items.length === 0) return <Empty description={t('timeline.empty')} />;
  return (
    <Timeline
      data-testid="task-timeline"
      items={items.map((item) => {
        const known = (KINDS as readonly string[]).includes(item.kind);
        const extra = detail(t, item);
        return {
          key: item.id,
          color: dotColor(item),
          content: (
            <div data-kind={item.kind}>
              <Typography.Text strong>{known ? t(`timeline.kinds.${item.kind}` as DispatchKey) : item.kind}</Typography.Text>
              {item.unitName && <Typography.Text>{` · ${item.unitName}`}</Typography.Text>}
              {extra && <Typography.Text>{` · ${extra}`}</Typography.Text>}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${countyTime(item.at)}${item.actorName ? ` · ${item.actorName}` : ''}`}
                </Typography.Text>
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
