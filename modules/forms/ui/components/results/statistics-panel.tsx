import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Table, Typography } from 'antd';
import { Chart, isApiError, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { useStatistics, type ResultsQuery } from '../../api/forms.api';
import { exportXlsx } from '../../api/forms-requests';
import type { FieldStatistics, ResultField } from '../../../schemas/results.schema';
import { useT } from '../../i18n/forms-i18n';
import { chartKindOf, chartOption, statNamer, statTable } from '../../results/chart-options';

function FieldCard({ field }: { field: FieldStatistics }) {
  const t = useT();
  const labels = {
    option: t('stats.option'),
    group: t('stats.group'),
    count: t('stats.count'),
    sum: t('stats.sum'),
    avg: t('stats.avg'),
    min: t('stats.min'),
    max: t('stats.max'),
  };
  const name = statNamer(field, {
    all: t('stats.all'),
    unanswered: t('stats.unanswered'),
    noUnit: t('stats.noUnit'),
    yes: t('common.yes'),
    no: t('common.no'),
  });
  const table = statTable(field, labels, name);
  const kind = chartKindOf(field);
  return (
    <Card size="small" title={field.title} data-testid={`stat-${field.name}`}>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Chart option={chartOption(field, kind, t('stats.avg'), name)} height={280} testId={`chart-${field.name}`} />
        </Col>
        <Col xs={24} lg={10}>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            scroll={{ x: true }}
            dataSource={table.rows.map((r) => ({ key: r.key, ...Object.fromEntries(r.cells.map((c, i) => [`c${i}`, c])) }))}
            columns={table.columns.map((title, i) => ({ title, dataIndex: `c${i}`, align: i === 0 ? 'left' : 'right' }))}
          />
        </Col>
      </Row>
    </Card>
  );
}

/** Statistics per field (charts with their numbers), grouped by unit, period or a choice field; and their export. */
export function StatisticsPanel({
  formId,
  formName,
  fields,
  query,
}: {
  formId: string;
  formName: string;
  fields: ResultField[];
  query: ResultsQuery;
}) {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [groupBy, setGroupBy] = useState<string>('');
  const [exporting, setExporting] = useState(false);
  const statsQuery = { ...query, groupBy: groupBy || undefined };
  const stats = useStatistics(slug, formId, statsQuery);
  const groupOptions = [
    { value: '', label: t('stats.noGroup') },
    { value: 'unit', label: t('stats.byUnit') },
    { value: 'period', label: t('stats.byPeriod') },
    ...fields
      .filter((f) => (f.kind === 'choice' || f.kind === 'boolean') && !f.group)
      .map((f) => ({ value: f.name, label: t('stats.byField', { field: f.title }) })),
  ];

  const onExport = async () => {
    setExporting(true);
    try {
      // The workbook's own words follow the UI language, not the browser's.
      await exportXlsx(
        slug,
        formId,
        'statistics',
        { ...statsQuery, lang: i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN' },
        `${formName}-${t('stats.fileName')}.xlsx`,
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

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('stats.groupBy')}</Typography.Text>
        <Select
          aria-label={t('stats.groupBy')}
          data-testid="stats-group-by"
          value={groupBy}
          onChange={setGroupBy}
          options={groupOptions}
          style={{ minWidth: 180 }}
        />
        <Typography.Text type="secondary">{t('stats.total', { n: stats.data?.total ?? 0 })}</Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void onExport()}
          style={{ marginInlineStart: 'auto' }}
          data-testid="export-statistics"
        >
          {t('stats.export')}
        </Button>
      </Flex>
      {stats.error && (
        <Typography.Text type="danger">{isApiError(stats.error) ? stats.error.message : String(stats.error)}</Typography.Text>
      )}
      {stats.data?.fields.length === 0 && <Empty description={t('stats.noFields')} />}
      {stats.isLoading && <Skeleton active />}
      {(stats.data?.fields ?? []).map((field) => (
        <FieldCard key={field.name} field={field} />
      ))}
    </Flex>
  );
}
