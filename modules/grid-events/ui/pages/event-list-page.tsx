import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Checkbox, Flex, Grid, Input, Select, Space, Table, Typography } from 'antd';
import { ErrorResult, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { EventStatus } from '../../schemas/common.schema';
import type { EventSummary } from '../../schemas/event.schema';
import { useCategories, useEvents, type EventFilters } from '../api/grid-events.api';
import { CategoryPicker } from '../components/category-picker';
import { dueOf, EventCards } from '../components/event-cards';
import { OverdueTag, STATUSES, StatusTag } from '../components/event-status';
import { UnitKindSelect } from '../components/grid-unit-select';
import { Pager, useCursors } from '../components/pager';
import { useT } from '../i18n/grid-events-i18n';

const PAGE_SIZE = 20;
type Filters = Omit<EventFilters, 'limit' | 'cursor'>;

const isStatus = (value: string | null): value is EventStatus => STATUSES.some((s) => s === value);

/** Filters the map's counts and links pass in the address (`?status=reported&overdue=true&gridUnitId=`). */
function filtersOf(params: URLSearchParams): Filters {
  const status = params.get('status');
  return {
    status: isStatus(status) ? status : undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    gridUnitId: params.get('gridUnitId') ?? undefined,
    categoryId: params.get('categoryId') ?? undefined,
  };
}

/** `/grid-events/events` (事件列表): the events the user sees, by state, category, grid, overdue and words. */
export default function EventListPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => filtersOf(params));
  const paging = useCursors();
  const events = useEvents(slug, { ...filters, limit: PAGE_SIZE, cursor: paging.cursor });
  const categories = useCategories(slug);
  const wide = Grid.useBreakpoint().md ?? false;
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    paging.reset();
  };

  return (
    <>
      <Typography.Title level={3}>{t('list.title')}</Typography.Title>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="event-filters">
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          maxLength={50}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          style={{ width: wide ? 220 : '100%' }}
        />
        <Select<EventStatus | undefined>
          allowClear
          placeholder={t('list.status')}
          aria-label={t('list.status')}
          value={filters.status}
          onChange={(status) => filter({ status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: wide ? 120 : 'calc(50% - 4px)' }}
          data-testid="filter-status"
        />
        <div style={{ width: wide ? 180 : 'calc(50% - 4px)' }}>
          <CategoryPicker
            allowClear
            categories={categories.data}
            loading={categories.isLoading}
            value={filters.categoryId}
            onChange={(categoryId) => filter({ categoryId })}
            placeholder={t('list.category')}
          />
        </div>
        <UnitKindSelect
          allowClear
          value={filters.gridUnitId}
          onChange={(gridUnitId) => filter({ gridUnitId })}
          placeholder={t('list.grid')}
          style={{ width: wide ? 180 : 'calc(50% - 4px)' }}
        />
        <Space wrap>
          <Checkbox checked={filters.overdue === true} onChange={(e) => filter({ overdue: e.target.checked || undefined })}>
            {t('list.overdueOnly')}
          </Checkbox>
          <Checkbox checked={filters.mine === true} onChange={(e) => filter({ mine: e.target.checked || undefined })}>
            {t('list.mineOnly')}
          </Checkbox>
        </Space>
      </Flex>
      {events.error ? (
        <ErrorResult error={events.error} onRetry={() => void events.refetch()} />
      ) : wide ? (
        <Table<EventSummary>
          rowKey="id"
          data-testid="event-table"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('list.empty') }}
          onRow={(event) => ({ onClick: () => void navigate(`/t/${slug}/grid-events/events/${event.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('event.code'), dataIndex: 'code', width: 120, render: (code: string) => <Typography.Link>{code}</Typography.Link> },
            {
              title: t('event.status'),
              key: 'status',
              width: 140,
              render: (_, event) => (
                <Space size={4}>
                  <StatusTag status={event.status} />
                  <OverdueTag overdue={event.overdue} />
                </Space>
              ),
            },
            { title: t('event.category'), key: 'category', width: 130, render: (_, event) => event.category.name },
            { title: t('event.description'), dataIndex: 'description', ellipsis: true },
            { title: t('event.address'), dataIndex: 'address', width: 160, ellipsis: true },
            { title: t('event.grid'), key: 'grid', width: 130, render: (_, event) => event.gridUnit?.name ?? '—' },
            { title: t('event.handlingUnit'), key: 'unit', width: 130, render: (_, event) => event.handlingUnit?.name ?? '—' },
            { title: t('event.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => time(at) },
            { title: t('event.due'), key: 'due', width: 140, render: (_, event) => time(dueOf(event)) },
          ]}
        />
      ) : (
        <EventCards items={events.data?.items} loading={events.isLoading} empty={t('list.empty')} />
      )}
      <Pager paging={paging} nextCursor={events.data?.nextCursor} />
    </>
  );
}
