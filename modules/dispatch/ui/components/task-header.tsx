import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Progress, Space, Tag, Typography } from 'antd';
import { countyTime, fileUrl, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { TaskView } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';
import { LightBadge } from './light-badge';
import { DeadlineCountdown } from './deadline-countdown';

export const PRIORITY_COLORS = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' } as const;

/** A task at a glance: light, progress, deadline, supervising unit, category, cadence, report form, attachments. */
export function TaskHeader({ task, extra }: { task: TaskView; extra?: React.ReactNode }) {
  const t = useT();
  const { slug } = useTenantSession();
  return (
    <Card size="small" data-testid="task-header">
      <Flex justify="space-between" wrap gap={8} align="start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Space wrap size={6} align="center">
            <LightBadge light={task.light} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {task.title}
            </Typography.Title>
            <Tag color={PRIORITY_COLORS[task.priority]}>{t(`priority.${task.priority}`)}</Tag>
            {task.status === 'closed' && <Tag>{t('task.closed')}</Tag>}
          </Space>
          <Progress percent={task.progress} style={{ maxWidth: 420, margin: '8px 0' }} data-testid="task-progress" />
        </div>
        {extra}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('task.deadline')}>
          <Space size={4} wrap>
            {countyTime(task.deadline)}
            {task.status === 'active' && <DeadlineCountdown deadline={task.deadline} />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('task.ownerUnit')}>{task.ownerUnit.name}</Descriptions.Item>
        {task.category && <Descriptions.Item label={t('task.category')}>{task.category}</Descriptions.Item>}
        {task.cadence && (
          <Descriptions.Item
            label={t('cadence.label')}
          >{`${t(`cadence.${task.cadence.kind}`)}${task.cadence.kind === 'rrule' ? ` ${task.cadence.rule}` : ''} · ${t('cadence.dueAfter', { n: task.cadence.dueDays })}`}</Descriptions.Item>
        )}
        {task.reportForm && (
          <Descriptions.Item label={t('task.reportForm')}>{`${task.reportForm.name} v${task.reportForm.version}`}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('task.unitCount')}>{task.unitCount}</Descriptions.Item>
      </Descriptions>
      {task.description && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{task.description}</Typography.Paragraph>
      )}
      {task.attachments.length > 0 && (
        <Space wrap>
          {task.attachments.map((file) => (
            <Typography.Link key={file.id} href={fileUrl(slug, file.id)} target="_blank">
              <PaperClipOutlined /> {file.name}
            </Typography.Link>
          ))}
        </Space>
      )}
    </Card>
  );
}
