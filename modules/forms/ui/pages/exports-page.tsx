import { ErrorResult, PageLoading, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useEffect, type HTMLAttributes } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Descriptions, Empty, Flex, Space, Table, Typography } from 'antd';
import { useExportJob, useMyExports, type ExportJob } from '../api/exports.api';
import { DownloadExportButton, ExportState } from '../components/exports/export-parts';
import { useT } from '../i18n/forms-i18n';


/** The export a notice links to, on top of the list: its state, progress and download. */
function FocusedExport({ id }: { id: string }) {
  const t = useT();
  const time = useCountyTime();
  const { slug } = useTenantSession();
  const job = useExportJob(slug, id);
  if (job.error) return <ErrorResult error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <PageLoading />;
  const data = job.data;
  return (
    <Card size="small" style={{ marginBottom: 16, borderColor: '#1677ff' }} data-testid="export-focus" title={data.formName} extra={<DownloadExportButton job={data} primary />}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('exports.kind')}>{t(`exports.kinds.${data.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('exports.state')}>
          <Space wrap>
            <ExportState job={data} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('exports.createdAt')}>{time(data.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('exports.finishedAt')}>{time(data.finishedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** `/forms/exports` and `/forms/exports/:id`: the user's export jobs, their progress and files. */
export default function ExportsPage() {
  const t = useT();
  const time = useCountyTime();
  const { slug } = useTenantSession();
  const focusId = useParams().id;
  const exports = useMyExports(slug);
  const items = (exports.data?.pages ?? []).flatMap((page) => page.items);

  // The list may have been cached before this export was made: show it as it is now.
  const { refetch } = exports;
  useEffect(() => {
    if (focusId) void refetch();
  }, [focusId, refetch]);

  return (
    <>
      <Typography.Title level={3}>{t('exports.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('exports.intro')}</Typography.Paragraph>
      {focusId && <FocusedExport id={focusId} />}
      {exports.error ? (
        <ErrorResult error={exports.error} onRetry={() => void exports.refetch()} />
      ) : (
        <Table<ExportJob>
          rowKey="id"
          data-testid="exports-table"
          loading={exports.isLoading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('exports.empty')} /> }}
          onRow={(job) => ({ 'data-testid': `export-${job.id}`, style: job.id === focusId ? { background: '#e6f4ff' } : undefined }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'form', title: t('exports.form'), render: (_, job) => <Typography.Text strong>{job.formName}</Typography.Text> },
            { key: 'kind', title: t('exports.kind'), render: (_, job) => t(`exports.kinds.${job.kind}`) },
            {
              key: 'state',
              title: t('exports.state'),
              render: (_, job) => (
                <Space wrap>
                  <ExportState job={job} />
                </Space>
              ),
            },
            { key: 'createdAt', title: t('exports.createdAt'), render: (_, job) => time(job.createdAt) },
            { key: 'download', title: '', render: (_, job) => <DownloadExportButton job={job} /> },
          ]}
        />
      )}
      {exports.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={exports.isFetchingNextPage} onClick={() => void exports.fetchNextPage()}>
            {t('exports.more')}
          </Button>
        </Flex>
      )}
    </>
  );
}
