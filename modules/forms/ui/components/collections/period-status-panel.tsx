import { periodLabel } from '../../period-label';
import { isApiError, useCountyTime, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { usePeriodStatus, useRemind } from '../../api/forms.api';
import type { AssigneeStatus, CollectionView } from '../../../schemas/collection.schema';
import { useT } from '../../i18n/forms-i18n';
import { StateTag } from '../state-tag';

/** One collection's periods: who has and has not submitted, and "remind the missing". */
export function PeriodStatusPanel({ collection }: { collection: CollectionView }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const periods = [...collection.periods].sort((a, b) => b.periodKey.localeCompare(a.periodKey));
  const [periodKey, setPeriodKey] = useState(periods[0]?.periodKey);
  const status = usePeriodStatus(slug, collection.id, periodKey);
  const remind = useRemind(slug);
  const countyTime = useCountyTime();
  if (!periodKey) return <Empty description={t('collections.noPeriods')} />;

  const onRemind = () =>
    remind.mutate(
      { collectionId: collection.id, periodKey },
      {
        onSuccess: (result) => {
          message.success(
            t('collections.reminded', {
              assignees: result.remindedAssignees,
              users: result.notifiedUsers,
              skipped: result.skippedRecentlyReminded,
            }),
          );
          if (result.unreachableAssignees) message.warning(t('collections.unreachable', { n: result.unreachableAssignees }));
        },
        onError: (error) => message.error(t('collections.remindFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' })),
      },
    );

  const rows = [...(status.data?.missing ?? []), ...(status.data?.submitted ?? [])];
  const unreachable = rows.filter((a) => a.fillers === 0);
  const time = (value: string | null) => countyTime(value, 'MM-DD HH:mm');
  return (
    <Flex vertical gap={12} data-testid={`period-status-${collection.id}`}>
      <Flex gap={16} wrap align="center">
        <Select
          aria-label={t('collections.period')}
          value={periodKey}
          onChange={setPeriodKey}
          options={periods.map((p) => ({
            value: p.periodKey,
            label: `${periodLabel(t, p.periodKey)} · ${t('collections.dueShort', { date: p.dueOn })}`,
          }))}
          style={{ minWidth: 220 }}
        />
        <Statistic title={t('collections.submitted')} value={status.data?.submitted.length ?? 0} />
        <Statistic
          title={t('collections.missing')}
          value={status.data?.missing.length ?? 0}
          styles={{ content: { color: status.data?.missing.length ? '#cf1322' : undefined } }}
        />
        <Button
          icon={<BellOutlined />}
          danger
          disabled={!status.data?.missing.length}
          loading={remind.isPending}
          onClick={onRemind}
          data-testid="remind-missing"
        >
          {t('collections.remind')}
        </Button>
      </Flex>
      {unreachable.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="nobody-fills"
          title={t('collections.nobodyFillsWarning', {
            n: unreachable.length,
            names: unreachable.map((a) => a.unitName ?? a.personName).join('、'),
          })}
        />
      )}
      <Table<AssigneeStatus>
        rowKey="id"
        size="small"
        loading={status.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="assignee-table"
        columns={[
          {
            title: t('collections.assignee'),
            key: 'who',
            render: (_, a) => (
              <Space size={4} wrap>
                {a.unitName ?? a.personName}
                {a.fillers === 0 && (
                  <Tooltip title={t('collections.nobodyFillsHelp')}>
                    <Tag color="red">{t('collections.nobodyFills')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('collections.state'), dataIndex: 'state', render: (state: AssigneeStatus['state']) => <StateTag state={state} /> },
          { title: t('collections.count'), dataIndex: 'submittedCount' },
          { title: t('collections.lastSubmitted'), dataIndex: 'lastSubmittedAt', render: time },
          {
            title: t('collections.lastReminded'),
            dataIndex: 'lastRemindedAt',
            render: (v: string | null) => (
              <Space size={4}>
                {time(v)}
                {v && <Tag color="gold">{t('collections.remindedTag')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {status.data && (
        <Typography.Text type="secondary">
          {t('collections.periodRange', { from: status.data.period.startsOn, to: status.data.period.endsOn })}
        </Typography.Text>
      )}
    </Flex>
  );
}
