import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Empty, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { countyTime, ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { usePending } from '../api/dispatch.api';
import type { PendingItem, PendingKind } from '../../schemas/view.schema';
import { LightTag } from '../components/light-badge';
import { pendingTarget } from '../components/pending-target';
import { countdown } from '../components/countdown';
import { useT } from '../i18n/dispatch-i18n';

const KIND_COLORS: Record<PendingKind, string> = {
  assignment: 'geekblue',
  review: 'purple',
  extension: 'orange',
  instruction: 'magenta',
  request: 'cyan',
};

/** `/dispatch/pending`: everything the user must do, most urgent first, with counts per kind. */
export default function PendingPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const pending = usePending(slug, 200);
  const [kind, setKind] = useState<PendingKind | 'all'>('all');
  const counts = pending.data?.counts ?? {};
  const kinds = (Object.keys(counts) as PendingKind[]).filter((k) => (counts[k] ?? 0) > 0);
  const items = (pending.data?.items ?? []).filter((item) => kind === 'all' || item.kind === kind);
  const total = kinds.reduce((sum, k) => sum + (counts[k] ?? 0), 0);

  const deadline = (item: PendingItem) => {
    if (!item.deadline) return null;
    const c = countdown(item.deadline);
    return (
      <Tag
        color={c.tone === 'danger' ? 'red' : c.tone === 'warning' ? 'gold' : 'default'}
      >{`${t('task.deadline')} ${countyTime(item.deadline)} · ${t(c.key, { n: c.n })}`}</Tag>
    );
  };

  return (
    <>
      <Typography.Title level={3}>{t('pending.title')}</Typography.Title>
      {kinds.length > 0 && (
        <Segmented<PendingKind | 'all'>
          data-testid="pending-kinds"
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('pending.all', { n: total }) },
            ...kinds.map((k) => ({ value: k, label: t(`pending.kinds.${k}`, { n: counts[k] ?? 0 }) })),
          ]}
        />
      )}
      {pending.error ? (
        <ErrorResult error={pending.error} onRetry={() => void pending.refetch()} />
      ) : (
        <List
          data-testid="pending-list"
          loading={pending.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('pending.empty')} /> }}
          renderItem={(item) => (
            <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
              <Card size="small" style={{ width: '100%' }} data-testid={`pending-${item.kind}-${item.id}`} data-title={item.title}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    <div>
                      <Space size={4} wrap>
                        <Tag color={KIND_COLORS[item.kind]}>{t(`pending.kindNames.${item.kind}`)}</Tag>
                        {item.light && <LightTag light={item.light} />}
                        {item.unitName && <Tag>{item.unitName}</Tag>}
                        {item.kind === 'assignment' && (item.status === 'pending' || item.status === 'open') ? (
                          <Tag>{t(`status.${item.status}`)}</Tag>
                        ) : item.kind === 'review' ? (
                          <Tag>{item.status}</Tag>
                        ) : null}
                        {deadline(item)}
                      </Space>
                    </div>
                  </div>
                  <Button type="primary" onClick={() => navigate(pendingTarget(slug, item))}>
                    {t(`pending.actions.${item.kind}`)}
                  </Button>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
