import { useState } from 'react';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, InputNumber, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useCalendarYear, useDeleteCalendarDay, type CalendarEntry } from '../../api/calendar.api';
import { useHasPermission } from '../../auth/permissions';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { CalendarOverrideModal } from './calendar-override-modal';
import { todayInCounty } from '../../time/county-time';
import { WorkingDaysCalculator } from './working-days-calculator';

/** The county's working days: statutory holidays and make-up days, its own overrides, a deadline calculator. */
export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const { t: tShell } = useTranslation('shell');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const canManage = useHasPermission()('core.calendar.manage');
  const [year, setYear] = useState(() => Number(todayInCounty().slice(0, 4)));
  const [adding, setAdding] = useState(false);
  const calendar = useCalendarYear(slug, year);
  const remove = useDeleteCalendarDay(slug);

  const columns: TableColumnsType<CalendarEntry> = [
    { title: t('columns.date'), dataIndex: 'date', render: (date: string) => `${date} ${dayjs(date).format('ddd')}` },
    {
      title: t('columns.kind'),
      dataIndex: 'kind',
      render: (kind: CalendarEntry['kind']) => <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`kind.${kind}`)}</Tag>,
    },
    { title: t('columns.name'), dataIndex: 'name' },
    {
      title: t('columns.source'),
      key: 'source',
      render: (_, day) => (
        <Space size={4} wrap>
          <Tag color={day.source === 'tenant' ? 'purple' : 'default'}>{t(`source.${day.source}`)}</Tag>
          {day.inLieu && <Tag color="orange">{t('inLieu')}</Tag>}
          {day.replaces && (
            <Typography.Text type="secondary">
              {t('replaces', { kind: t(`kind.${day.replaces.kind}`), name: day.replaces.name })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('columns.actions'),
      key: 'actions',
      render: (_, day) =>
        day.source === 'tenant' && (
          <Popconfirm
            title={t('remove.confirm', { date: day.date })}
            okText={t('remove.action')}
            cancelText={t('actions.cancel', { ns: 'common' })}
            onConfirm={() =>
              remove.mutate(day.date, {
                onSuccess: () => message.success(t('remove.done', { date: day.date })),
                onError: (error) => message.error(t('actionFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' })),
              })
            }
          >
            <Button type="link" danger data-testid={`calendar-remove-${day.date}`}>
              {t('remove.action')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <>
      <Typography.Title level={3}>{tShell('menu.calendar')}</Typography.Title>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('previousYear')} disabled={year <= 1970} />
          <InputNumber<number>
            value={year}
            min={1970}
            max={2199}
            precision={0}
            onChange={(value) => value && setYear(value)}
            aria-label={t('year')}
            style={{ width: 120 }}
          />
          <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('nextYear')} disabled={year >= 2199} />
        </Space>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add">
            {t('add.open')}
          </Button>
        )}
      </Flex>
      {calendar.data && !calendar.data.statutoryKnown && (
        <Alert type="warning" showIcon title={t('statutoryUnknown', { year })} style={{ marginBottom: 16 }} />
      )}
      {calendar.error ? (
        <ErrorResult error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <Table<CalendarEntry>
          rowKey="date"
          columns={columns}
          dataSource={calendar.data?.days}
          loading={calendar.isPending || remove.isPending}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty', { year }) }}
          data-testid="calendar-table"
        />
      )}
      <Card title={t('calculator.title')} style={{ marginTop: 24 }}>
        <WorkingDaysCalculator />
      </Card>
      {adding && <CalendarOverrideModal defaultYear={year} onClose={() => setAdding(false)} />}
    </>
  );
}
