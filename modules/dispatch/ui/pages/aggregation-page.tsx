import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Progress, Result, Typography } from 'antd';
import { apiDownload, apiRequest, ErrorResult, PageLoading, saveFile, tenantScope, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { dispatchKeys } from '../api/dispatch.api';
import type { Aggregation } from '../api/dispatch-extras.api';
import { actionError } from '../components/action-error';
import { useT } from '../i18n/dispatch-i18n';

/** `/dispatch/aggregations/:id`: a queued aggregation (the "汇总表已生成" notice links here): its progress, then its file. */
export default function AggregationPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const job = useQuery({
    queryKey: [...dispatchKeys.all(slug), 'aggregation', id],
    queryFn: ({ signal }) => apiRequest<Aggregation>(tenantScope(slug), `/dispatch/aggregations/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'queued' || query.state.data?.status === 'running' ? 1000 : false),
  });
  if (job.error) return <ErrorResult error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <PageLoading />;
  const download = async () => {
    try {
      saveFile(await apiDownload(tenantScope(slug), `/dispatch/aggregations/${encodeURIComponent(id)}/file`), `${t('tools.aggregation')}-${job.data.periodKey ?? t('tools.latest')}.xlsx`);
    } catch (error) {
      message.error(actionError(t, error));
    }
  };
  if (job.data.status === 'failed') return <Result status="error" title={t('aggregation.failed')} subTitle={job.data.error ?? undefined} />;
  return (
    <Card title={t('aggregation.title')} style={{ maxWidth: 560 }}>
      <Progress percent={Math.round(job.data.progress * 100)} status={job.data.status === 'done' ? 'success' : 'active'} />
      <Typography.Paragraph type="secondary">{t('aggregation.rows', { done: job.data.done, total: job.data.total })}</Typography.Paragraph>
      <Button type="primary" icon={<DownloadOutlined />} disabled={job.data.status !== 'done'} onClick={() => void download()}>
        {t('tools.download')}
      </Button>
    </Card>
  );
}
