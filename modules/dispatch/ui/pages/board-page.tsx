import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Card, Col, DatePicker, Flex, Input, Row, Segmented, Select, Skeleton, Statistic, Switch, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Chart, ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useBoard, type BoardQuery } from '../api/dispatch.api';
import type { Light } from '../../schemas/common.schema';
import type { Board } from '../../schemas/view.schema';
import { LIGHTS } from '../api/list-helpers';
import { LIGHT_COLORS, LightBadge } from '../components/light-badge';
import { UnitPicker } from '../components/unit-picker';
import { useT, type DispatchT } from '../i18n/dispatch-i18n';

type PeriodKind = 'year' | 'quarter' | 'month';

/** The period as the API reads it: 2026, 2026-Q1, 2026-03. */
function periodText(kind: PeriodKind, day: Dayjs): string {
  if (kind === 'year') return day.format('YYYY');
  if (kind === 'quarter') return `${day.format('YYYY')}-Q${Math.floor(day.month() / 3) + 1}`;
  return day.format('YYYY-MM');
}

function pieOption(t: DispatchT, board: Board) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        label: { formatter: '{b} {c}' },
        data: LIGHTS.filter((l) => board.byLight[l] > 0).map((l) => ({
          name: t(`light.${l}`),
          value: board.byLight[l],
          itemStyle: { color: LIGHT_COLORS[l], borderColor: '#bfbfbf', borderWidth: l === 'white' ? 1 : 0 },
        })),
      },
    ],
  };
}

/** `/dispatch/board`: assignments of active tasks by light (chart with its numbers) and by unit; filters. */
export default function BoardPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const [query, setQuery] = useState<BoardQuery>({});
  const [periodKind, setPeriodKind] = useState<PeriodKind>('month');
  const board = useBoard(slug, query);
  const set = (patch: BoardQuery) => setQuery((q) => ({ ...q, ...patch }));
  const data = board.data;

  return (
    <>
      <Typography.Title level={3}>{t('board.title')}</Typography.Title>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="board-filters">
        <Input.Search
          allowClear
          placeholder={t('task.category')}
          onSearch={(category) => set({ category: category.trim() || undefined })}
          style={{ width: 160 }}
          aria-label={t('task.category')}
        />
        <div style={{ width: 200 }}>
          <UnitPicker<string | undefined>
            allowClear
            value={query.unitId}
            onChange={(unitId) => set({ unitId })}
            placeholder={t('tasks.unit')}
          />
        </div>
        <Select
          allowClear
          placeholder={t('tasks.light')}
          value={query.light}
          onChange={(light: string | undefined) => set({ light })}
          options={LIGHTS.map((l) => ({ value: l, label: <LightBadge light={l} /> }))}
          style={{ width: 120 }}
          aria-label={t('tasks.light')}
        />
        <Segmented<PeriodKind>
          value={periodKind}
          onChange={(kind) => {
            setPeriodKind(kind);
            set({ period: undefined });
          }}
          options={(['year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`board.${k}`) }))}
        />
        <DatePicker
          key={periodKind}
          picker={periodKind}
          allowClear
          onChange={(day: Dayjs | null) => set({ period: day ? periodText(periodKind, day) : undefined })}
          placeholder={t('board.period')}
          aria-label={t('board.period')}
        />
        <Flex align="center" gap={6}>
          <Switch
            size="small"
            checked={query.allDepths ?? false}
            onChange={(allDepths) => set({ allDepths: allDepths || undefined })}
            aria-label={t('board.allDepths')}
          />
          <Typography.Text>{t('board.allDepths')}</Typography.Text>
        </Flex>
      </Flex>
      {board.error ? (
        <ErrorResult error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('board.byLight')} data-testid="board-by-light">
              {!data ? (
                <Skeleton active />
              ) : (
                <>
                  <Statistic title={t('board.total')} value={data.total} />
                  <Flex wrap gap={12} style={{ margin: '8px 0' }}>
                    {LIGHTS.map((l) => (
                      <span
                        key={l}
                        data-testid={`board-count-${l}`}
                        style={{ cursor: 'pointer' }}
                        onClick={() => set({ light: query.light === l ? undefined : l })}
                      >
                        <Badge color={LIGHT_COLORS[l]} text={`${t(`light.${l}`)} ${data.byLight[l]}`} />
                      </span>
                    ))}
                  </Flex>
                  {data.total > 0 && <Chart option={pieOption(t, data)} height={260} testId="board-chart" />}
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('board.byUnit')}>
              <Table<Board['byUnit'][number]>
                rowKey="unitId"
                size="small"
                data-testid="board-units"
                loading={board.isFetching}
                dataSource={data?.byUnit ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                // As wide as its columns: a fixed total narrower than them squeezed the unit names to nothing.
                scroll={{ x: 'max-content' }}
                onRow={(row) => ({
                  onClick: () => navigate(`/t/${slug}/dispatch/tasks?unitId=${row.unitId}`),
                  style: { cursor: 'pointer' },
                })}
                columns={[
                  { title: t('assignment.unit'), dataIndex: 'unitName', fixed: 'left', width: 140 },
                  // Wide enough for each title beside its sort arrows (narrower, "Total" broke into "Tota / l").
                  { title: t('board.total'), dataIndex: 'total', width: 96, sorter: (a, b) => a.total - b.total },
                  ...LIGHTS.map((l: Light) => ({
                    title: <Badge color={LIGHT_COLORS[l]} text={t(`light.${l}`)} />,
                    key: l,
                    width: 112,
                    sorter: (a: Board['byUnit'][number], b: Board['byUnit'][number]) => a.byLight[l] - b.byLight[l],
                    render: (_: unknown, row: Board['byUnit'][number]) => row.byLight[l] || '',
                  })),
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
