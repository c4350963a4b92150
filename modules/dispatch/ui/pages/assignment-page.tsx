import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Space, Tabs, Tag, Typography } from 'antd';
import { countyTime, ErrorResult, PageLoading, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useAssignment, useAssignmentReports, useOpenAssignment, useTask, useTimeline } from '../api/dispatch.api';
import type { AssignmentView } from '../../schemas/task.schema';
import { actionError } from '../components/action-error';
import { AssignmentTree } from '../components/assignment-tree';
import { ExtensionRequest } from '../components/extension-request';
import { ExtensionsPanel } from '../components/extensions-panel';
import { LightBadge } from '../components/light-badge';
import { RedispatchCard } from '../components/redispatch-card';
import { ReportEditor } from '../components/report-editor';
import { ReportList } from '../components/report-list';
import { DeadlineCountdown } from '../components/deadline-countdown';
import { SupervisionCard } from '../components/supervision-card';
import { TaskTimeline } from '../components/task-timeline';
import { useT } from '../i18n/dispatch-i18n';

/** The node and every node below it, in the order the server sent them. */
function subtree(all: AssignmentView[], rootId: string): AssignmentView[] {
  const inside = new Set([rootId]);
  // Parents come before their children (ordered by depth), so one pass collects the subtree.
  return all.filter((a) => (a.id === rootId || (a.parentId !== null && inside.has(a.parentId)) ? (inside.add(a.id), true) : false));
}

/** `/dispatch/assignments/:id`: one unit's part of a task — acknowledge, report, re-dispatch, see its subtasks and reports. */
export default function AssignmentPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id } = useParams();
  const detail = useAssignment(slug, id);
  const task = useTask(slug, detail.data?.task.id);
  const reports = useAssignmentReports(slug, id);
  const timeline = useTimeline(slug, detail.data?.task.id, id);
  const open = useOpenAssignment(slug);
  // Until the user picks a tab, the first one that asks something of them shows.
  const [tab, setTab] = useState<string>();
  const nodes = useMemo(() => (task.data && id ? subtree(task.data.assignments, id) : []), [task.data, id]);

  if (detail.error) return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <PageLoading />;
  const { assignment, viewer } = detail.data;
  const taskView = detail.data.task;
  const workable = viewer.handles && taskView.status === 'active' && (assignment.status === 'open' || assignment.status === 'submitted');

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <Card size="small" data-testid="assignment-header">
        <Space wrap size={6} align="center">
          <LightBadge light={assignment.light} cause={assignment.lightCause} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {taskView.title}
          </Typography.Title>
          <Tag>{t(`status.${assignment.status}`)}</Tag>
        </Space>
        <Progress percent={assignment.progress} style={{ maxWidth: 420, margin: '8px 0' }} data-testid="assignment-progress" />
        {assignment.childCount > 0 && (
          <Typography.Text type="secondary" data-testid="assignment-own-progress">
            {t('progress.ownBeside', { own: assignment.ownProgress, rolled: assignment.progress })}
          </Typography.Text>
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('assignment.unit')}>
            {assignment.depth === 0 ? `${assignment.unit.name} · ${t(`role.${assignment.role}`)}` : assignment.unit.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('task.deadline')}>
            <Space size={4} wrap>
              {countyTime(assignment.deadline)}
              {assignment.status !== 'done' && assignment.status !== 'closed' && <DeadlineCountdown deadline={assignment.deadline} />}
            </Space>
          </Descriptions.Item>
          {assignment.person && <Descriptions.Item label={t('assignments.person')}>{assignment.person.name}</Descriptions.Item>}
          <Descriptions.Item label={t('task.ownerUnit')}>{taskView.ownerUnit.name}</Descriptions.Item>
        </Descriptions>
        {assignment.instructions && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{assignment.instructions}</Typography.Paragraph>
        )}
        {taskView.description && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>
            {taskView.description}
          </Typography.Paragraph>
        )}
        <Link to={`/t/${slug}/dispatch/tasks/${taskView.id}`}>{t('assignment.openTask')}</Link>
      </Card>
      {viewer.handles && assignment.status === 'pending' && taskView.status === 'active' && (
        <Alert
          type="info"
          showIcon
          title={t('assignment.notOpened')}
          action={
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={open.isPending}
              data-testid="open-assignment"
              onClick={() =>
                open.mutate(assignment.id, {
                  onSuccess: () => message.success(t('assignment.opened')),
                  onError: (e) => message.error(actionError(t, e)),
                })
              }
            >
              {t('assignment.open')}
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={tab ?? (workable ? 'report' : 'reports')}
        onChange={setTab}
        items={[
          ...(workable
            ? [
                {
                  key: 'report',
                  label: t('assignment.tabReport'),
                  children: <ReportEditor task={taskView} assignment={assignment} reportForm={detail.data.reportForm} />,
                },
              ]
            : []),
          {
            key: 'subtasks',
            label: t('assignment.tabSubtasks', { n: Math.max(0, nodes.length - 1) }),
            children: (
              <Flex vertical gap={12}>
                <Card size="small">
                  <AssignmentTree assignments={nodes} onOpen={(a) => navigate(`/t/${slug}/dispatch/assignments/${a.id}`)} />
                </Card>
                {workable && <RedispatchCard assignment={assignment} />}
              </Flex>
            ),
          },
          {
            key: 'reports',
            label: t('assignment.tabReports', { n: reports.data?.items.length ?? 0 }),
            children: reports.error ? (
              <ErrorResult error={reports.error} onRetry={() => void reports.refetch()} />
            ) : (
              <ReportList reports={reports.data?.items ?? []} loading={reports.isLoading} canReview={() => viewer.reviews} />
            ),
          },
          {
            key: 'extensions',
            label: t('detail.extensions'),
            children: (
              <Flex vertical gap={12}>
                {workable && <ExtensionRequest assignmentId={assignment.id} />}
                <ExtensionsPanel taskId={taskView.id} assignmentId={assignment.id} canDecide={() => viewer.reviews} />
              </Flex>
            ),
          },
          ...(viewer.reviews && taskView.status === 'active'
            ? [
                {
                  key: 'supervision',
                  label: t('supervision.title'),
                  children: <SupervisionCard assignmentId={assignment.id} canEscalate={viewer.supervise} />,
                },
              ]
            : []),
          { key: 'timeline', label: t('detail.timeline'), children: <TaskTimeline items={timeline.data} loading={timeline.isLoading} /> },
        ]}
      />
    </Flex>
  );
}
