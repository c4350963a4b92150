import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Progress, Space, Table, Typography } from 'antd';
import { countyTime, ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useFollowing } from '../api/dispatch-extras.api';
import type { TaskView } from '../../schemas/task.schema';
import { LightBadge } from '../components/light-badge';
import { useT } from '../i18n/dispatch-i18n';

/** `/dispatch/following` (我的关注): the tasks the user follows (关注 on a task's page), most recently followed first. */
export default function FollowingPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const list = useFollowing(slug, cursors[cursors.length - 1]);
  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Typography.Title level={3}>{t('following.title')}</Typography.Title>
      <Table<{ task: TaskView; followedAt: string }>
        rowKey={(row) => row.task.id}
        data-testid="following-tasks"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('following.empty') }}
        onRow={(row) => ({ onClick: () => navigate(`/t/${slug}/dispatch/tasks/${row.task.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('tasks.light'), key: 'light', width: 80, render: (_, row) => <LightBadge light={row.task.light} /> },
          { title: t('task.title'), key: 'title', render: (_, row) => <Typography.Link>{row.task.title}</Typography.Link> },
          { title: t('task.ownerUnit'), key: 'owner', width: 130, render: (_, row) => row.task.ownerUnit.name },
          {
            title: t('tasks.progress'),
            key: 'progress',
            width: 150,
            render: (_, row) => <Progress percent={row.task.progress} size="small" />,
          },
          { title: t('task.deadline'), key: 'deadline', width: 150, render: (_, row) => countyTime(row.task.deadline) },
          { title: t('following.since'), key: 'since', width: 150, render: (_, row) => countyTime(row.followedAt) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('common.previous')}
        </Button>
        <Button
          disabled={!list.data?.nextCursor}
          onClick={() => list.data?.nextCursor && setCursors((c) => [...c, list.data.nextCursor ?? undefined])}
        >
          {t('common.next')}
        </Button>
      </Space>
    </>
  );
}
