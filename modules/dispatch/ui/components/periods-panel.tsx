import { Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { countyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { usePeriods } from '../api/dispatch-extras.api';
import { useT } from '../i18n/dispatch-i18n';

const STATE_COLORS = { reported: 'green', returned: 'orange', missing: 'red' } as const;

/** A recurring task's report periods, newest first: who reported, who is missing. */
export function PeriodsPanel({ taskId }: { taskId: string }) {
  const t = useT();
  const { slug } = useTenantSession();
  const periods = usePeriods(slug, taskId, true);
  return (
    <List
      data-testid="periods-panel"
      loading={periods.isLoading}
      dataSource={periods.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('periods.empty')} /> }}
      renderItem={(period) => (
        <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
          <Card
            size="small"
            style={{ width: '100%' }}
            title={period.label}
            extra={<Tag color={period.overdue ? 'red' : 'default'}>{t('periods.due', { time: countyTime(period.dueAt) })}</Tag>}
          >
            <Progress
              percent={period.expected === 0 ? 0 : Math.round((period.reported / period.expected) * 100)}
              format={() => `${period.reported}/${period.expected}`}
              size="small"
            />
            <Space wrap size={4}>
              {period.units.map((u) => (
                <Tag key={u.assignmentId} color={STATE_COLORS[u.state]}>{`${u.unit.name} ${t(`periods.state.${u.state}`)}`}</Tag>
              ))}
            </Space>
            {period.missing > 0 && <Typography.Text type="danger">{` ${t('periods.missing', { n: period.missing })}`}</Typography.Text>}
          </Card>
        </List.Item>
      )}
    />
  );
}
