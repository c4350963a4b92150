import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DownloadOutlined, FileZipOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Select, Tabs, Typography } from 'antd';
import { ErrorResult, isApiError, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useForms, useResults, type ResultsQuery } from '../api/forms.api';
import { exportXlsx, startPhotoExport } from '../api/forms-requests';
import { ResultsFilters } from '../components/results/results-filters';
import { ResultsTable } from '../components/results/results-table';
import { StatisticsPanel } from '../components/results/statistics-panel';
import { SubmissionDrawer } from '../components/results/submission-drawer';
import { useT } from '../i18n/forms-i18n';

const PAGE_SIZE = 20;

/** `/forms/results`: a published form's submissions (filters, search, sort, pages, detail), statistics and exports. */
export default function ResultsPage() {
  const t = useT();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const forms = useForms(slug, { published: true });
  const [chosen, setChosen] = useState<string>();
  const formId = chosen ?? forms.data?.[0]?.id;
  const form = forms.data?.find((f) => f.id === formId);
  const [filters, setFilters] = useState<ResultsQuery>({});
  const [sort, setSort] = useState<{ field?: string; order: 'asc' | 'desc' }>({ order: 'desc' });
  // Cursors of the pages seen so far: the server's cursor is opaque, so "previous" walks back this list.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [open, setOpen] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const listQuery: ResultsQuery = {
    ...filters,
    sort: sort.field,
    order: sort.order,
    limit: String(PAGE_SIZE),
    cursor: cursors[cursors.length - 1],
  };
  const results = useResults(slug, formId, listQuery);
  const restart = () => setCursors([undefined]);

  const onExport = async () => {
    if (!formId || !form) return;
    setExporting(true);
    try {
      await exportXlsx(
        slug,
        formId,
        'list',
        { ...filters, sort: sort.field, order: sort.order },
        `${form.name}-${t('results.fileName')}.xlsx`,
        (fraction) => message.loading({ key: 'export', content: t('results.exporting', { percent: Math.round(fraction * 100) }) }),
      );
      message.destroy('export');
    } catch (error) {
      message.destroy('export');
      message.error(t('results.exportFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
    } finally {
      setExporting(false);
    }
  };

  // Photos are too many for one request: a job, followed on 我的导出 (core's exports page, with it on top).
  const onExportPhotos = async () => {
    if (!formId) return;
    setExporting(true);
    try {
      const job = await startPhotoExport(slug, formId, {
        ...filters,
        sort: sort.field,
        order: sort.order,
        lang: i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN',
      });
      navigate(`/t/${slug}/exports?highlight=${encodeURIComponent(job.id)}`);
    } catch (error) {
      message.error(t('results.exportPhotosFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
    } finally {
      setExporting(false);
    }
  };
  const hasFiles = (results.data?.fields ?? []).some((f) => f.kind === 'file');

  if (forms.error) return <ErrorResult error={forms.error} onRetry={() => void forms.refetch()} />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('results.title')}</Typography.Title>
        <Select
          aria-label={t('results.form')}
          data-testid="results-form"
          loading={forms.isLoading}
          value={formId}
          onChange={(id: string) => {
            setChosen(id);
            setFilters({});
            restart();
          }}
          options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          style={{ minWidth: 240 }}
        />
      </Flex>
      {forms.data?.length === 0 && <Empty description={t('results.noForms')} />}
      {formId && form && (
        <>
          <ResultsFilters
            key={formId}
            fields={results.data?.fields ?? []}
            query={filters}
            onChange={(next) => {
              setFilters(next);
              restart();
            }}
          />
          <Tabs
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'list',
                label: t('results.list'),
                children: (
                  <>
                    {results.error && <ErrorResult error={results.error} onRetry={() => void results.refetch()} />}
                    <Flex justify="end" wrap gap={8} style={{ marginBottom: 8 }}>
                      {hasFiles && (
                        <Button
                          icon={<FileZipOutlined />}
                          loading={exporting}
                          onClick={() => void onExportPhotos()}
                          data-testid="export-photos"
                        >
                          {t('results.exportPhotos')}
                        </Button>
                      )}
                      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()} data-testid="export-results">
                        {t('results.export')}
                      </Button>
                    </Flex>
                    <ResultsTable
                      items={results.data?.items ?? []}
                      fields={results.data?.fields ?? []}
                      loading={results.isFetching}
                      sort={sort}
                      onSort={(next) => {
                        setSort(next);
                        restart();
                      }}
                      page={cursors.length}
                      hasNext={!!results.data?.nextCursor}
                      onPage={(direction) =>
                        setCursors((list) =>
                          direction === 'prev' ? list.slice(0, -1) : results.data?.nextCursor ? [...list, results.data.nextCursor] : list,
                        )
                      }
                      onOpen={setOpen}
                    />
                  </>
                ),
              },
              {
                key: 'stats',
                label: t('results.statistics'),
                children: <StatisticsPanel formId={formId} formName={form.name} fields={results.data?.fields ?? []} query={filters} />,
              },
            ]}
          />
        </>
      )}
      <SubmissionDrawer submissionId={open} onClose={() => setOpen(null)} />
    </>
  );
}
