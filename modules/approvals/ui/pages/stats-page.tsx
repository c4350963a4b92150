import { App, Button, Card, DatePicker, Empty, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, ErrorResult, todayInCounty, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { downloadApprovalStats, useApprovalStats, useTypes } from '../api/approvals.api';
import { actionError } from '../components/action-error';
import { useT } from '../i18n/approvals-i18n';

/**
 * `/approvals/stats` (审批统计, managers): requests submitted in a period, per type in each state
 * with the median time to the end, per step the median time it took — a chart with the table of
 * its numbers under it, and the same as `.xlsx`.
 */
export default function StatsPage() {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const today = dayjs(todayInCounty());
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const [typeId, setTypeId] = useState<string | undefined>(undefined);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), typeId };
  const stats = useApprovalStats(slug, query);
  const types = useTypes(slug);
  const [exporting, setExporting] = useState(false);

  const download = async () => {
    setExporting(true);
    try {
      await downloadApprovalStats(slug, query, i18n.language === 'en' ? 'en' : 'zh-CN');
    } catch (error) {
      message.error(actionError(t, error));
    } finally {
      setExporting(false);
    }
  };
  const rows = stats.data?.types ?? [];
  const states = ['pending', 'approved', 'rejected', 'withdrawn', 'returned'] as const;

  return (
    <>
      <Typography.Title level={3}>{t('stats.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label={t('stats.period')}
          value={range}
          allowClear={false}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        />
        <Select
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('stats.allTypes')}
          value={typeId}
          onChange={setTypeId}
          options={(types.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
        <Button onClick={() => void download()} loading={exporting} data-testid="stats-export">
          {t('stats.export')}
        </Button>
      </Space>
      {stats.error ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Card title={t('stats.byType')} style={{ marginBottom: 16 }} loading={stats.isLoading}>
            {rows.length === 0 ? (
              <Empty description={t('stats.empty')} />
            ) : (
              <>
                <Chart
                  testId="stats-chart"
                  height={Math.max(160, rows.length * 48 + 60)}
                  option={{
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
                    legend: { top: 0 },
                    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', data: [...rows].reverse().map((r) => r.typeName) },
                    series: states.map((state) => ({
                      type: 'bar',
                      stack: 'state',
                      name: t(`stats.${state}`),
                      data: [...rows].reverse().map((r) => r[state]),
                    })),
                  }}
                />
                <Table
                  size="small"
                  rowKey="typeId"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={rows}
                  data-testid="stats-types"
                  columns={[
                    { title: t('stats.type'), dataIndex: 'typeName' },
                    { title: t('stats.submitted'), dataIndex: 'submitted' },
                    ...states.map((state) => ({ title: t(`stats.${state}`), dataIndex: state })),
                    { title: t('stats.hoursToFinish'), dataIndex: 'hoursToFinish', render: (h: number | null) => h ?? '—' },
                  ]}
                />
              </>
            )}
          </Card>
          <Card title={t('stats.byStep')} loading={stats.isLoading}>
            <Table
              size="small"
              rowKey={(r) => `${r.typeId}/${r.stepName}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={stats.data?.steps ?? []}
              locale={{ emptyText: <Empty description={t('stats.empty')} /> }}
              columns={[
                { title: t('stats.type'), dataIndex: 'typeName' },
                { title: t('stats.step'), dataIndex: 'stepName' },
                { title: t('stats.finished'), dataIndex: 'finished' },
                { title: t('stats.waiting'), dataIndex: 'waiting' },
                { title: t('stats.hoursPerStep'), dataIndex: 'hoursPerStep', render: (h: number | null) => h ?? '—' },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
