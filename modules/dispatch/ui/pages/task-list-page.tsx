import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FileExcelOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { countyTime, ErrorResult, useHasPermission, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useTasks, type TaskListQuery } from '../api/dispatch.api';
import type { TaskView } from '../../schemas/task.schema';
import { LIGHTS } from '../api/list-helpers';
import { LightBadge } from '../components/light-badge';
import { TaskCreateDrawer } from '../components/task-create-drawer';
import { TaskImportModal } from '../components/task-import-modal';
import { PRIORITY_COLORS } from '../components/task-header';
import { UnitPicker } from '../components/unit-picker';
import { useT } from '../i18n/dispatch-i18n';

const PAGE_SIZE = 20;
type Filters = Omit<TaskListQuery, 'limit' | 'cursor'>;

/** `/dispatch/tasks`: the tasks the user supervises (or leads), filtered and paged; "下达任务" dispatches a new one. */
export default function TaskListPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canDispatch = useHasPermission()('dispatch.supervise');
  // The board links here with a unit (`?unitId=`).
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>({ status: 'active', unitId: params.get('unitId') ?? undefined });
  // The server's cursors are opaque: "previous" walks back the cursors seen.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const tasks = useTasks(slug, { ...filters, limit: PAGE_SIZE, cursor: cursors[cursors.length - 1] });
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setCursors([undefined]);
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('tasks.title')}</Typography.Title>
        {canDispatch && (
          <Space wrap>
            <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="import-tasks">
              {t('import.title')}
            </Button>
            <Button type="primary" icon={<SendOutlined />} onClick={() => setCreating(true)} data-testid="new-task">
              {t('create.title')}
            </Button>
          </Space>
        )}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="task-filters">
        <Input.Search
          allowClear
          placeholder={t('tasks.search')}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          style={{ width: 220 }}
          aria-label={t('tasks.search')}
        />
        <Select
          allowClear
          placeholder={t('tasks.status')}
          value={filters.status}
          onChange={(status: Filters['status']) => filter({ status })}
          options={[
            { value: 'active', label: t('tasks.active') },
            { value: 'closed', label: t('tasks.closed') },
          ]}
          style={{ width: 110 }}
          aria-label={t('tasks.status')}
        />
        <Select
          allowClear
          placeholder={t('tasks.light')}
          value={filters.light}
          onChange={(light: string | undefined) => filter({ light })}
          options={LIGHTS.map((l) => ({ value: l, label: <LightBadge light={l} /> }))}
          style={{ width: 120 }}
          aria-label={t('tasks.light')}
        />
        <Input.Search
          allowClear
          placeholder={t('task.category')}
          onSearch={(category) => filter({ category: category.trim() || undefined })}
          style={{ width: 160 }}
          aria-label={t('task.category')}
        />
        <div style={{ width: 200 }}>
          <UnitPicker<string | undefined>
            allowClear
            value={filters.unitId}
            onChange={(unitId) => filter({ unitId })}
            placeholder={t('tasks.unit')}
          />
        </div>
      </Flex>
      {tasks.error ? (
        <ErrorResult error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <>
          <Table<TaskView>
            rowKey="id"
            data-testid="task-table"
            loading={tasks.isFetching}
            dataSource={tasks.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('tasks.empty') }}
            onRow={(task) => ({ onClick: () => navigate(`/t/${slug}/dispatch/tasks/${task.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('tasks.light'), dataIndex: 'light', width: 90, render: (_, task) => <LightBadge light={task.light} /> },
              { title: t('task.title'), dataIndex: 'title', render: (title: string) => <Typography.Link>{title}</Typography.Link> },
              { title: t('task.category'), dataIndex: 'category', width: 110 },
              {
                title: t('task.priority'),
                dataIndex: 'priority',
                width: 80,
                render: (_, task) => <Tag color={PRIORITY_COLORS[task.priority]}>{t(`priority.${task.priority}`)}</Tag>,
              },
              { title: t('task.ownerUnit'), key: 'owner', width: 130, render: (_, task) => task.ownerUnit.name },
              {
                title: t('tasks.progress'),
                dataIndex: 'progress',
                width: 150,
                render: (progress: number) => <Progress percent={progress} size="small" />,
              },
              { title: t('task.deadline'), dataIndex: 'deadline', width: 150, render: (deadline: string) => countyTime(deadline) },
              { title: t('task.unitCount'), dataIndex: 'unitCount', width: 80 },
              {
                title: t('tasks.status'),
                dataIndex: 'status',
                width: 80,
                render: (_, task) =>
                  task.status === 'active' ? <Tag color="processing">{t('tasks.active')}</Tag> : <Tag>{t('tasks.closed')}</Tag>,
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('common.previous')}
            </Button>
            <Button
              disabled={!tasks.data?.nextCursor}
              onClick={() => tasks.data?.nextCursor && setCursors((c) => [...c, tasks.data.nextCursor ?? undefined])}
            >
              {t('common.next')}
            </Button>
          </Space>
        </>
      )}
      <TaskImportModal open={importing} onClose={() => setImporting(false)} />
      <TaskCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(detail) => {
          setCreating(false);
          message.success(t('create.done', { n: detail.assignments.length }));
          navigate(`/t/${slug}/dispatch/tasks/${detail.task.id}`);
        }}
      />
    </>
  );
}
