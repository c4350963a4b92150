import { App, Badge, Button, Card, Checkbox, Empty, List, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorResult, useCountyTime, useHasPermission, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { ListRequestsQuery } from '../../schemas/request.schema';
import { useBatchApprove, useCounts, useRequests } from '../api/approvals.api';
import { actionError } from '../components/action-error';
import { RequestStatus } from '../components/request-status';
import { useT } from '../i18n/approvals-i18n';

type Box = ListRequestsQuery['box'];

/**
 * `/approvals/requests` (审批): the caller's boxes — waiting for me (with batch approve), my
 * requests, handled by me, copied to me — and for managers every request; `?box=` keeps the tab.
 */
export default function RequestsPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const time = useCountyTime();
  const [params, setParams] = useSearchParams();
  const box = (params.get('box') as Box | null) ?? 'waiting';
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const requests = useRequests(slug, { box, cursor, limit: 20 });
  const counts = useCounts(slug);
  const has = useHasPermission();
  const canApply = has('approvals.apply');
  const isManager = has('approvals.manage');
  const [picked, setPicked] = useState<string[]>([]);
  const batch = useBatchApprove(slug);

  const boxes: Box[] = ['waiting', 'mine', 'handled', 'copied', ...(isManager ? (['all'] as Box[]) : [])];
  const badge = (b: Box) => (b === 'waiting' ? counts.data?.waiting : b === 'copied' ? counts.data?.unreadCopies : 0) ?? 0;
  const approveAll = async () => {
    try {
      const result = await batch.mutateAsync(picked);
      message.success(t('boxes.batchDone', { n: result.approved.length }));
      if (result.failed.length > 0) message.warning(t('boxes.batchFailed', { n: result.failed.length }));
      setPicked([]);
    } catch (error) {
      message.error(actionError(t, error));
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{t('boxes.title')}</Typography.Title>
        {canApply && (
          <Link to="../apply" relative="path">
            <Button type="primary">{t('boxes.apply')}</Button>
          </Link>
        )}
      </Space>
      <Tabs
        activeKey={box}
        onChange={(key) => {
          setParams({ box: key });
          setCursors([]);
          setPicked([]);
        }}
        items={boxes.map((b) => ({
          key: b,
          label: (
            <Badge count={badge(b)} size="small" offset={[8, 0]}>
              {t(`boxes.${b}`)}
            </Badge>
          ),
        }))}
      />
      {requests.error ? (
        <ErrorResult error={requests.error} onRetry={() => void requests.refetch()} />
      ) : (
        <Card>
          {box === 'waiting' && picked.length > 0 && (
            <Button
              type="primary"
              onClick={() => void approveAll()}
              loading={batch.isPending}
              style={{ marginBottom: 12 }}
              data-testid="batch-approve"
            >
              {t('boxes.batchApprove')} ({picked.length})
            </Button>
          )}
          <List
            loading={requests.isLoading}
            dataSource={requests.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('boxes.empty')} /> }}
            renderItem={(item) => (
              <List.Item
                actions={[<RequestStatus key="status" status={item.status} />]}
                extra={
                  box === 'waiting' && item.taskId ? (
                    <Checkbox
                      checked={picked.includes(item.taskId)}
                      onChange={(e) => setPicked((p) => (e.target.checked ? [...p, item.taskId!] : p.filter((x) => x !== item.taskId)))}
                    />
                  ) : null
                }
              >
                <List.Item.Meta
                  title={
                    <Link to={`../requests/${item.id}`} relative="path">
                      {item.title}
                    </Link>
                  }
                  description={`${item.typeName} · ${item.applicant.name} · ${time(item.submittedAt ?? item.createdAt)}`}
                />
              </List.Item>
            )}
          />
          <Space style={{ marginTop: 12 }}>
            <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              ‹
            </Button>
            <Button disabled={!requests.data?.nextCursor} onClick={() => setCursors((c) => [...c, requests.data!.nextCursor!])}>
              ›
            </Button>
          </Space>
        </Card>
      )}
    </>
  );
}
