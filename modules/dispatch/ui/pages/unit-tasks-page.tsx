import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Flex, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { countyTime, ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useUnitAssignments } from '../api/dispatch-extras.api';
import type { UnitAssignment } from '../../schemas/view.schema';
import { LightBadge } from '../components/light-badge';
import { useT } from '../i18n/dispatch-i18n';

type State = 'active' | 'finished' | 'all';

/**
 * `/dispatch/my-tasks` (本单位任务): every assignment of the user's unit or naming them, finished
 * ones too — "my pending" lets go of work once it is done, this list keeps it.
 */
export default function UnitTasksPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const [state, setState] = useState<State>('active');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const list = useUnitAssignments(slug, state, cursors[cursors.length - 1]);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('unitTasks.title')}</Typography.Title>
        <Segmented<State>
          data-testid="unit-tasks-state"
          value={state}
          onChange={(next) => {
            setState(next);
            setCursors([undefined]);
          }}
          options={[
            { value: 'active', label: t('unitTasks.active') },
            { value: 'finished', label: t('unitTasks.finished') },
            { value: 'all', label: t('unitTasks.all') },
          ]}
        />
      </Flex>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<UnitAssignment>
            rowKey="id"
            data-testid="unit-tasks"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: t('unitTasks.empty') }}
            onRow={(a) => ({ onClick: () => navigate(`/t/${slug}/dispatch/assignments/${a.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('tasks.light'), dataIndex: 'light', width: 80, render: (_, a) => <LightBadge light={a.light} /> },
              { title: t('task.title'), dataIndex: 'title', render: (title: string) => <Typography.Link>{title}</Typography.Link> },
              { title: t('unitTasks.unit'), key: 'unit', width: 120, render: (_, a) => a.unit.name },
              { title: t('tasks.status'), dataIndex: 'status', width: 90, render: (_, a) => <Tag>{t(`status.${a.status}`)}</Tag> },
              {
                title: t('tasks.progress'),
                dataIndex: 'progress',
                width: 170,
                render: (_, a) => (
                  <>
                    <Progress percent={a.progress} size="small" />
                    {a.ownProgress !== a.progress && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('progress.own', { n: a.ownProgress })}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              { title: t('task.deadline'), dataIndex: 'deadline', width: 150, render: (deadline: string) => countyTime(deadline) },
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
      )}
    </>
  );
}
