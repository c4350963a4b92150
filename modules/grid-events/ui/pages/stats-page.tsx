import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Chart, countyWallTimeToIso, ErrorResult, todayInCounty, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { StatsRow } from '../../schemas/stats.schema';
import { downloadStats, useStats, type StatsBy, type StatsQuery } from '../api/stats.api';
import { actionError } from '../components/action-error';
import { useT, type GridT } from '../i18n/grid-events-i18n';

type PeriodKind = 'month' | 'quarter' | 'year';
type Metric = 'volume' | 'time' | 'onTime' | 'satisfaction' | 'reopen';
type Field = keyof Omit<StatsRow, 'id' | 'name'>;

/** What each chart draws: the fields side by side, and how a value reads. */
const METRICS: Record<Metric, { fields: Field[]; format: 'count' | 'hours' | 'share' | 'rating' }> = {
  volume: { fields: ['reported', 'resolved', 'open', 'overdue'], format: 'count' },
  time: { fields: ['acceptHoursMedian', 'resolveHoursMedian'], format: 'hours' },
  onTime: { fields: ['onTimeShare'], format: 'share' },
  satisfaction: { fields: ['satisfaction'], format: 'rating' },
  reopen: { fields: ['reopenShare'], format: 'share' },
};
const FORMAT_OF: Record<Field, 'count' | 'hours' | 'share' | 'rating'> = {
  reported: 'count',
  resolved: 'count',
  open: 'count',
  overdue: 'count',
  rated: 'count',
  acceptHoursMedian: 'hours',
  resolveHoursMedian: 'hours',
  onTimeShare: 'share',
  satisfaction: 'rating',
  reopenShare: 'share',
};
const COLUMNS: Field[] = [
  'reported',
  'resolved',
  'open',
  'overdue',
  'acceptHoursMedian',
  'resolveHoursMedian',
  'onTimeShare',
  'satisfaction',
  'rated',
  'reopenShare',
];
/** Groups a chart draws at most (those with the most events); the table under it lists every one. */
const CHART_ROWS = 20;

/** Room for every bar: a group's bars side by side, each about 16 px, plus axis and legend. */
const chartHeight = (rows: number, metric: Metric) => Math.max(160, rows * (METRICS[metric].fields.length * 16 + 18) + 70);

/** A value as people read it: 12, 3.5 h, 87%, 4.25; nothing measured yet is a dash. */
function formatted(value: number | null, format: 'count' | 'hours' | 'share' | 'rating'): string {
  if (value === null) return '—';
  if (format === 'share') return `${Math.round(value * 100)}%`;
  if (format === 'hours') return value.toFixed(1);
  if (format === 'rating') return value.toFixed(2);
  return String(value);
}

/** The chart's value of a field: shares in percent, so axis and tooltip read alike. */
const plotted = (value: number | null, format: string) =>
  value === null ? null : format === 'share' ? Math.round(value * 1000) / 10 : value;

/** The period a picked month, quarter or year covers, as instants of the county's midnight. */
function periodOf(kind: PeriodKind, day: Dayjs): { from: string; to: string } {
  const start = kind === 'quarter' ? day.startOf('month').month(Math.floor(day.month() / 3) * 3) : day.startOf(kind);
  const end = kind === 'quarter' ? start.add(3, 'month') : start.add(1, kind);
  return { from: countyWallTimeToIso(start.startOf('day')), to: countyWallTimeToIso(end.startOf('day')) };
}

function barOption(t: GridT, rows: StatsRow[], metric: Metric) {
  const { fields, format } = METRICS[metric];
  // Horizontal bars: long grid names read on a phone; the first group at the top.
  const shown = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: fields.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: fields.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      max: format === 'share' ? 100 : format === 'rating' ? 5 : undefined,
      minInterval: format === 'count' ? 1 : undefined,
    },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: fields.map((field) => ({
      type: 'bar',
      name: t(`stats.fields.${field}`),
      data: shown.map((r) => plotted(r[field], format)),
      label: { show: true, position: 'right', fontSize: 11 },
    })),
  };
}

/**
 * `/grid-events/stats` (事件统计): what the handling achieved in a period — reported, resolved,
 * overdue, median hours to accept and to resolve, the share resolved on time, satisfaction and
 * reopen share — by grid, community or category. Each chart has its table of every number under it;
 * the `.xlsx` has the same. Periods are the county's calendar months, quarters and years.
 */
export default function StatsPage() {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [by, setBy] = useState<StatsBy>('grid');
  const [kind, setKind] = useState<PeriodKind>('month');
  const [day, setDay] = useState<Dayjs>(() => dayjs(todayInCounty()));
  const [metric, setMetric] = useState<Metric>('volume');
  const [exporting, setExporting] = useState(false);
  const query: StatsQuery = useMemo(() => ({ by, ...periodOf(kind, day) }), [by, kind, day]);
  const stats = useStats(slug, query);
  const data = stats.data;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const chartRows = useMemo(() => [...(data?.rows ?? [])].sort((a, b) => b.reported - a.reported).slice(0, CHART_ROWS), [data]);

  const exportFile = () => {
    setExporting(true);
    downloadStats(slug, query, lang, lang === 'en' ? 'grid-event-statistics.xlsx' : '网格事件统计.xlsx')
      .catch((error: unknown) => message.error(actionError(t, error)))
      .finally(() => setExporting(false));
  };
  // A grid's or a category's row opens its events; a community has no filter of its own on the list.
  const openRow = (row: StatsRow) => {
    if (!row.id || by === 'community') return;
    void navigate(`/t/${slug}/grid-events/events?${by === 'grid' ? 'gridUnitId' : 'categoryId'}=${row.id}`);
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('stats.title')}</Typography.Title>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportFile} data-testid="stats-export">
          {t('stats.export')}
        </Button>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="stats-filters">
        <Segmented<StatsBy>
          value={by}
          onChange={setBy}
          options={(['grid', 'community', 'category'] as const).map((b) => ({ value: b, label: t(`stats.by.${b}`) }))}
          data-testid="stats-by"
        />
        <Segmented<PeriodKind>
          value={kind}
          onChange={setKind}
          options={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: t(`stats.period.${k}`) }))}
        />
        <DatePicker
          key={kind}
          picker={kind}
          value={day}
          allowClear={false}
          onChange={(picked: Dayjs | null) => picked && setDay(picked)}
          aria-label={t('stats.periodLabel')}
          data-testid="stats-period"
        />
      </Flex>
      {stats.error ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }} data-testid="stats-total">
            <Row gutter={[12, 12]}>
              {(
                [
                  'reported',
                  'resolved',
                  'overdue',
                  'acceptHoursMedian',
                  'resolveHoursMedian',
                  'onTimeShare',
                  'satisfaction',
                  'reopenShare',
                ] as const
              ).map((field) => (
                <Col key={field} xs={12} sm={8} lg={3}>
                  <Statistic title={t(`stats.fields.${field}`)} value={formatted(data.total[field], FORMAT_OF[field])} />
                </Col>
              ))}
            </Row>
          </Card>
          <Card
            size="small"
            title={
              <div style={{ overflowX: 'auto', padding: '4px 0' }}>
                <Segmented<Metric>
                  value={metric}
                  onChange={setMetric}
                  options={(Object.keys(METRICS) as Metric[]).map((m) => ({ value: m, label: t(`stats.metrics.${m}`) }))}
                  data-testid="stats-metric"
                />
              </div>
            }
          >
            {chartRows.length === 0 ? (
              <Typography.Paragraph type="secondary" data-testid="stats-empty">
                {t('stats.empty')}
              </Typography.Paragraph>
            ) : (
              <>
                <Chart option={barOption(t, chartRows, metric)} height={chartHeight(chartRows.length, metric)} testId="stats-chart" />
                {data.rows.length > CHART_ROWS && (
                  <Typography.Paragraph type="secondary">
                    {t('stats.chartCapped', { n: CHART_ROWS, total: data.rows.length })}
                  </Typography.Paragraph>
                )}
              </>
            )}
            <Table<StatsRow>
              rowKey={(row) => row.id ?? ''}
              size="small"
              data-testid="stats-table"
              loading={stats.isFetching}
              dataSource={data.rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('stats.empty') }}
              onRow={(row) => ({ onClick: () => openRow(row), style: { cursor: row.id && by !== 'community' ? 'pointer' : undefined } })}
              summary={() =>
                data.rows.length > 0 && (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('stats.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {COLUMNS.map((field, i) => (
                      <Table.Summary.Cell key={field} index={i + 1} align="right">
                        <Typography.Text strong>{formatted(data.total[field], FORMAT_OF[field])}</Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                )
              }
              columns={[
                {
                  title: t(`stats.by.${by}`),
                  dataIndex: 'name',
                  fixed: 'left',
                  width: 140,
                  render: (name: string, row) => name || (row.id ? '—' : t('stats.noGrid')),
                },
                ...COLUMNS.map((field) => ({
                  title: t(`stats.fields.${field}`),
                  key: field,
                  align: 'right' as const,
                  sorter: (a: StatsRow, b: StatsRow) => (a[field] ?? -1) - (b[field] ?? -1),
                  render: (_: unknown, row: StatsRow) => formatted(row[field], FORMAT_OF[field]),
                })),
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
