import { Tag } from 'antd';
import type { EventStatus } from '../../schemas/common.schema';
import { useT } from '../i18n/grid-events-i18n';

/** The states in flow order: what filters, counts and legends list. */
export const STATUSES: EventStatus[] = ['unassigned', 'reported', 'accepted', 'in_progress', 'resolved', 'closed', 'merged'];

/** One colour per state, the same on the map, in tags and in the counts. */
export const STATUS_COLORS: Record<EventStatus, string> = {
  unassigned: '#cf1322',
  reported: '#fa8c16',
  accepted: '#1677ff',
  in_progress: '#722ed1',
  resolved: '#389e0d',
  closed: '#8c8c8c',
  merged: '#bfbfbf',
};

export function StatusTag({ status }: { status: EventStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="event-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** The little "overdue" flag lists and the detail show. */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  const t = useT();
  return overdue ? <Tag color="red">{t('event.overdue')}</Tag> : null;
}
