import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ContributedSchemaForm, ErrorResult, PageLoading, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { RequestView } from '../../schemas/request.schema';
import { useRequest, useRequestAction } from '../api/approvals.api';
import { actionError } from '../components/action-error';
import { DecisionModal, type DecisionAction } from '../components/decision-modal';
import { RequestStatus } from '../components/request-status';
import { useT, type ApprovalsT } from '../i18n/approvals-i18n';

const ACTIONS: DecisionAction[] = ['approve', 'reject', 'return', 'transfer', 'addBefore', 'addAfter'];

/** `/approvals/requests/:id`: the answers, the flow with each approver's decision, the whole history, and what the caller may do. */
export default function RequestPage() {
  const t = useT();
  const { id } = useParams();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const { message } = App.useApp();
  const request = useRequest(slug, id);
  const act = useRequestAction(slug, id ?? '');
  const [action, setAction] = useState<DecisionAction | null>(null);

  if (request.isLoading) return <PageLoading />;
  if (request.error || !request.data) return <ErrorResult error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const run = async (what: 'withdraw' | 'urge') => {
    try {
      await act.mutateAsync(what);
      message.success(what === 'urge' ? t('request.urged') : t('status.withdrawn'));
    } catch (error) {
      message.error(actionError(t, error));
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>
          {r.title} <RequestStatus status={r.status} />
        </Typography.Title>
        <Space wrap className="approvals-no-print">
          {r.canWithdraw && (
            <Popconfirm title={t('request.withdrawConfirm')} onConfirm={() => void run('withdraw')}>
              <Button>{t('request.withdraw')}</Button>
            </Popconfirm>
          )}
          {r.canUrge && <Button onClick={() => void run('urge')}>{t('request.urge')}</Button>}
          {r.canEdit && (
            <Link to={`../../apply?edit=${r.id}`} relative="path">
              <Button>{t('apply.edit')}</Button>
            </Link>
          )}
          <Button onClick={() => window.print()}>{t('request.print')}</Button>
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('request.type')}>{r.typeName}</Descriptions.Item>
        <Descriptions.Item label={t('request.applicant')}>{r.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('request.submittedAt')}>{time(r.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('request.finishedAt')}>{time(r.finishedAt)}</Descriptions.Item>
      </Descriptions>
      {r.myTaskId && (
        <Card size="small" style={{ marginBottom: 16 }} className="approvals-no-print">
          <Space wrap>
            {ACTIONS.map((a) => (
              <Button
                key={a}
                type={a === 'approve' ? 'primary' : 'default'}
                danger={a === 'reject'}
                onClick={() => setAction(a)}
                data-testid={`decide-${a}`}
              >
                {t(`decide.${a}`)}
              </Button>
            ))}
          </Space>
        </Card>
      )}
      <Card title={t('request.answers')} size="small" style={{ marginBottom: 16 }}>
        <ContributedSchemaForm schema={r.form.schema} uiSchema={r.form.uiSchema} formData={r.data} disabled />
      </Card>
      <Card title={t('request.flow')} size="small" style={{ marginBottom: 16 }}>
        <Timeline items={r.steps.filter((s) => s.status !== 'cancelled').map((s) => stepItem(t, time, s))} />
      </Card>
      <Card title={t('request.history')} size="small">
        <Timeline items={r.history.map((e) => ({ children: historyLine(t, time, r, e) }))} />
      </Card>
      {r.myTaskId && <DecisionModal request={r} taskId={r.myTaskId} action={action} onClose={() => setAction(null)} />}
    </>
  );
}

function stepItem(t: ApprovalsT, time: (iso: string | null) => string, step: RequestView['steps'][number]) {
  const color = step.status === 'approved' ? 'green' : step.status === 'rejected' ? 'red' : step.status === 'active' ? 'blue' : 'gray';
  return {
    color,
    children: (
      <>
        <Typography.Text strong>{step.name}</Typography.Text> <Tag>{step.kind === 'cc' ? t('step.cc') : t(`step.${step.mode}`)}</Tag>
        <Typography.Text type="secondary">{t(`step.${step.status}` as 'step.active')}</Typography.Text>
        {step.tasks
          .filter((task) => task.status !== 'cancelled' || task.decidedAt)
          .map((task) => (
            <div key={task.id}>
              {task.approver.name}
              {task.onBehalfOf ? t('request.onBehalf', { name: task.onBehalfOf.name }) : ''} · {t(`task.${task.status}` as 'task.waiting')}
              {task.decidedAt ? ` · ${time(task.decidedAt)}` : ''}
              {task.comment ? ` · ${task.comment}` : ''}
            </div>
          ))}
      </>
    ),
  };
}

function historyLine(t: ApprovalsT, time: (iso: string | null) => string, r: RequestView, e: RequestView['history'][number]) {
  const step = r.steps.find((s) => s.id === e.stepId)?.name ?? String(e.data.toStepName ?? '');
  const name = String(e.data.toUserName ?? '');
  const who = e.actor ? e.actor.name + (e.onBehalfOf ? t('request.onBehalf', { name: e.onBehalfOf.name }) : '') : t('event.system');
  return (
    <>
      <Typography.Text type="secondary">{time(e.at)}</Typography.Text> {who}：{t(`event.${e.kind}` as 'event.approved', { step, name })}
      {e.comment ? `「${e.comment}」` : ''}
    </>
  );
}
