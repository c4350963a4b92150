import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Card, Col, Flex, Row, Segmented, Space, Tabs } from 'antd';
import { ErrorResult, PageLoading, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useTask, useTaskReports, useTimeline } from '../api/dispatch.api';
import { AssignmentTree } from '../components/assignment-tree';
import { AssignmentMindMap } from '../components/assignment-mind-map';
import { CommentsPanel } from '../components/comments-panel';
import { ExtensionsPanel } from '../components/extensions-panel';
import { InstructionsPanel } from '../components/instructions-panel';
import { PeriodsPanel } from '../components/periods-panel';
import { ReportList } from '../components/report-list';
import { SupervisorActions } from '../components/supervisor-actions';
import { TaskHeader } from '../components/task-header';
import { TaskTimeline } from '../components/task-timeline';
import { TaskTools } from '../components/task-tools';
import { useT } from '../i18n/dispatch-i18n';

/** `/dispatch/tasks/:id`: the task, its tree of units with lights, its reports and its timeline. */
export default function TaskDetailPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const { id } = useParams();
  const detail = useTask(slug, id);
  const reports = useTaskReports(slug, id);
  const timeline = useTimeline(slug, id);
  const [treeView, setTreeView] = useState<'list' | 'mindMap'>('list');
  if (detail.error) return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <PageLoading />;
  const { task, assignments, viewer } = detail.data;
  const reviewable = new Set([...viewer.reviewableAssignmentIds]);

  return (
    <Flex vertical gap={12}>
      <TaskHeader
        task={task}
        extra={
          <Space wrap>
            <TaskTools task={task} canAggregate={viewer.supervise || viewer.instruct} />
            {viewer.supervise && <SupervisorActions task={task} />}
          </Space>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('detail.tree')}
            extra={
              <Segmented
                size="small"
                value={treeView}
                onChange={(value) => setTreeView(value as 'list' | 'mindMap')}
                options={[
                  { value: 'list', label: t('detail.treeList') },
                  { value: 'mindMap', label: t('detail.treeMindMap') },
                ]}
                data-testid="tree-view-switch"
              />
            }
          >
            {treeView === 'list' ? (
              <AssignmentTree assignments={assignments} onOpen={(a) => navigate(`/t/${slug}/dispatch/assignments/${a.id}`)} />
            ) : (
              <AssignmentMindMap
                task={task}
                assignments={assignments}
                onOpen={(a) => navigate(`/t/${slug}/dispatch/assignments/${a.id}`)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'reports',
                  label: t('detail.reports', { n: reports.data?.items.length ?? 0 }),
                  children: reports.error ? (
                    <ErrorResult error={reports.error} onRetry={() => void reports.refetch()} />
                  ) : (
                    <ReportList
                      reports={reports.data?.items ?? []}
                      loading={reports.isLoading}
                      showUnit
                      canReview={(r) => viewer.supervise || reviewable.has(r.assignmentId)}
                    />
                  ),
                },
                {
                  key: 'timeline',
                  label: t('detail.timeline'),
                  children: <TaskTimeline items={timeline.data} loading={timeline.isLoading} />,
                },
                {
                  key: 'instructions',
                  label: t('detail.instructions'),
                  children: <InstructionsPanel taskId={task.id} canInstruct={viewer.instruct && task.status === 'active'} />,
                },
                {
                  key: 'extensions',
                  label: t('detail.extensions'),
                  children: <ExtensionsPanel taskId={task.id} canDecide={(e) => viewer.supervise || reviewable.has(e.assignmentId)} />,
                },
                { key: 'comments', label: t('detail.comments'), children: <CommentsPanel taskId={task.id} /> },
                ...(task.cadence ? [{ key: 'periods', label: t('detail.periods'), children: <PeriodsPanel taskId={task.id} /> }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
