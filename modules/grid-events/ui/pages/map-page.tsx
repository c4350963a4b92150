import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Badge, Card, Checkbox, Flex, Grid, List, Spin, Statistic, Typography } from 'antd';
import { ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { EventStatus } from '../../schemas/common.schema';
import type { EventSummary } from '../../schemas/event.schema';
import { MAP_EVENT_CAP, useAreas, useMapEvents } from '../api/grid-events.api';
import { STATUS_COLORS, STATUSES } from '../components/event-status';
import { useT } from '../i18n/grid-events-i18n';
import { useLeafletMap } from '../map/leaflet-map';
import { useAreasLayer, useEventsLayer, useInitialFrame } from '../map/map-layers';
import { useMapSettings } from '../map/map-settings';

/** What the map starts showing: everything not yet closed. */
const OPEN: EventStatus[] = ['unassigned', 'reported', 'accepted', 'in_progress', 'resolved'];

/**
 * `/grid-events/map` (一张图): the grids as polygons and the events as dots coloured by state, on a
 * plain background (the county's tiles underneath when it set a tile address), and beside it the
 * numbers: events by state (each toggles its dots), overdue, grids.
 */
export default function MapPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().lg ?? false;
  const settings = useMapSettings();
  const areas = useAreas(slug);
  const events = useMapEvents(slug);
  const [shown, setShown] = useState<EventStatus[]>(OPEN);
  const { containerRef, map } = useLeafletMap(settings.tileUrl);

  const counts = useMemo(() => {
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<EventStatus, number>;
    for (const event of events.data?.items ?? []) byStatus[event.status] += 1;
    return byStatus;
  }, [events.data]);
  const overdue = (events.data?.items ?? []).filter((e) => e.overdue).length;
  const visible = useMemo(() => (events.data?.items ?? []).filter((e) => shown.includes(e.status)), [events.data, shown]);
  const open = useCallback((event: EventSummary) => void navigate(`/t/${slug}/grid-events/events/${event.id}`), [navigate, slug]);

  useAreasLayer(map, areas.data);
  useEventsLayer(map, visible, open);
  useInitialFrame(map, settings, areas.data, !areas.isLoading);

  const toggle = (status: EventStatus, on: boolean) => setShown((s) => (on ? [...s, status] : s.filter((x) => x !== status)));

  const side = (
    <Flex vertical gap={12} style={{ width: wide ? 280 : '100%', flex: 'none' }} data-testid="map-numbers">
      <Flex gap={12}>
        <Card size="small" style={{ flex: 1 }}>
          <Statistic title={t('map.total')} value={events.data?.items.length ?? 0} loading={events.isLoading} />
        </Card>
        <Card size="small" style={{ flex: 1 }}>
          <Statistic
            title={t('map.overdue')}
            value={overdue}
            loading={events.isLoading}
            styles={{ content: { color: overdue > 0 ? '#cf1322' : undefined } }}
          />
        </Card>
        <Card size="small" style={{ flex: 1 }}>
          <Statistic title={t('map.grids')} value={areas.data?.length ?? 0} loading={areas.isLoading} />
        </Card>
      </Flex>
      <Card size="small" title={t('map.byStatus')}>
        <List
          size="small"
          dataSource={STATUSES}
          renderItem={(status) => (
            <List.Item
              data-testid={`map-count-${status}`}
              extra={
                <Typography.Link strong onClick={() => void navigate(`/t/${slug}/grid-events/events?status=${status}`)}>
                  {counts[status]}
                </Typography.Link>
              }
            >
              <Checkbox checked={shown.includes(status)} onChange={(e) => toggle(status, e.target.checked)}>
                <Badge color={STATUS_COLORS[status]} text={t(`status.${status}`)} />
              </Checkbox>
            </List.Item>
          )}
        />
      </Card>
      {events.data?.more && <Alert type="info" showIcon title={t('map.capped', { n: MAP_EVENT_CAP })} />}
      {!settings.tileUrl && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('map.noTiles')}
        </Typography.Text>
      )}
    </Flex>
  );

  return (
    <>
      <Typography.Title level={3}>{t('map.title')}</Typography.Title>
      {events.error && <ErrorResult error={events.error} onRetry={() => void events.refetch()} />}
      <Flex gap={16} vertical={!wide}>
        <div style={{ position: 'relative', flex: 1, minWidth: 0 }}>
          <div
            ref={containerRef}
            style={{ height: wide ? 'calc(100vh - 200px)' : 360, minHeight: 360, borderRadius: 8, overflow: 'hidden' }}
            data-testid="event-map"
          />
          {(events.isFetching || areas.isLoading) && (
            <Spin size="small" style={{ position: 'absolute', top: 8, right: 8, zIndex: 1000 }} aria-label={t('common.loading')} />
          )}
        </div>
        {side}
      </Flex>
    </>
  );
}
