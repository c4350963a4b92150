import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useExportJob, useMyExports, type ExportJob } from '../../api/exports.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useLocalized } from '../../i18n/localized';
import { useTenantModules } from '../../modules/use-tenant-modules';
import { useCountyTime } from '../../time/county-time';
import { DownloadExportButton } from './download-export-button';
import { ExportState } from './export-state';

const HIGHLIGHT = '#e6f4ff';

/** The module that writes an export, by its name in the reader's language (its id when it is not installed). */
function useModuleName(): (moduleId: string) => string {
  const modules = useTenantModules();
  const text = useLocalized();
  return (moduleId) => {
    const found = modules.data?.find((m) => m.id === moduleId);
    return found ? text(found.manifest.name) : moduleId;
  };
}

/** When it was asked for and, once over, when it ended. */
function ExportTimes({ job }: { job: ExportJob }) {
  const { t } = useTranslation('exports');
  const time = useCountyTime();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('createdAt', { time: time(job.createdAt) })}
      {job.finishedAt && ` · ${t('finishedAt', { time: time(job.finishedAt) })}`}
    </Typography.Text>
  );
}

/** The export a notice or a module's "export queued" link picks out, on top: its state, progress and download. */
function HighlightedExport({ id }: { id: string }) {
  const { t } = useTranslation('exports');
  const { slug } = useTenantSession();
  const moduleName = useModuleName();
  const job = useExportJob(slug, id);
  if (job.error) return <ErrorResult error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <PageLoading />;
  const data = job.data;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16, borderColor: '#1677ff', background: HIGHLIGHT }}
      data-testid="export-focus"
      aria-label={t('highlighted')}
    >
      <Flex vertical gap={8}>
        <Space wrap size={4}>
          <Typography.Text strong>{data.title}</Typography.Text>
          <Tag>{moduleName(data.module)}</Tag>
        </Space>
        <ExportState job={data} />
        <ExportTimes job={data} />
        <div>
          <DownloadExportButton job={data} primary />
        </div>
      </Flex>
    </Card>
  );
}

/** `/t/:tenant/exports` (我的导出): every export the user asked for in any module, newest first, with progress and download. */
export function ExportsPage() {
  const { t } = useTranslation('exports');
  const { slug } = useTenantSession();
  const [search] = useSearchParams();
  const highlight = search.get('highlight') ?? undefined;
  const moduleName = useModuleName();
  const exports = useMyExports(slug);
  // The highlighted export stands on top, so the list below holds the others.
  const items = (exports.data?.pages ?? []).flatMap((page) => page.items).filter((job) => job.id !== highlight);

  // The list may have been cached before the highlighted export was asked for: show it as it is now.
  const { refetch } = exports;
  useEffect(() => {
    if (highlight) void refetch();
  }, [highlight, refetch]);

  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {highlight && <HighlightedExport id={highlight} />}
      {exports.error ? (
        <ErrorResult error={exports.error} onRetry={() => void exports.refetch()} />
      ) : exports.isLoading ? (
        <PageLoading />
      ) : highlight && items.length === 0 ? null : (
        <List<ExportJob>
          data-testid="exports-list"
          bordered
          dataSource={items}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          renderItem={(job) => (
            <List.Item key={job.id} data-testid={`export-${job.id}`}>
              <Flex wrap gap={12} justify="space-between" align="center" style={{ width: '100%' }}>
                <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Space wrap size={4}>
                    <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                      {job.title}
                    </Typography.Text>
                    <Tag>{moduleName(job.module)}</Tag>
                  </Space>
                  <ExportState job={job} />
                  <ExportTimes job={job} />
                </Flex>
                <DownloadExportButton job={job} />
              </Flex>
            </List.Item>
          )}
        />
      )}
      {exports.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={exports.isFetchingNextPage} onClick={() => void exports.fetchNextPage()}>
            {t('loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
