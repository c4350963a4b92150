import { useEffect, useState } from 'react';
import { AimOutlined, EnvironmentOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import L from 'leaflet';
import type { AreaView } from '../../schemas/area.schema';
import type { LocationInput } from '../../schemas/common.schema';
import { useT } from '../i18n/grid-events-i18n';
import { useLeafletMap } from '../map/leaflet-map';
import { useAreasLayer, useInitialFrame } from '../map/map-layers';
import type { MapSettings } from '../map/map-settings';
import { useGeolocation } from './use-geolocation';

export type PlaceValue = Partial<LocationInput>;

interface PlacePickerProps {
  value?: PlaceValue;
  onChange?: (value: PlaceValue) => void;
  /** The map to tap on (the county's grids over its tiles, or a plain background); none: the device's position only. */
  map?: { settings: MapSettings; areas: AreaView[] | undefined; ready: boolean };
  /** The map stays folded until asked for, or until the device cannot tell its position (citizens' phones). */
  mapOnDemand?: boolean;
  testId: string;
}

const hasPoint = (value: PlaceValue | undefined): value is PlaceValue & { lon: number; lat: number } =>
  typeof value?.lon === 'number' && typeof value.lat === 'number';

/** The map: grids drawn, the picked point as a dot, a tap moves it. */
function PlaceMap({
  value,
  onPick,
  map: settings,
}: { value?: PlaceValue; onPick: (lon: number, lat: number) => void } & Required<Pick<PlacePickerProps, 'map'>>) {
  const { containerRef, map } = useLeafletMap(settings.settings.tileUrl);
  useAreasLayer(map, settings.areas);
  useInitialFrame(map, settings.settings, settings.areas, settings.ready);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: L.LeafletMouseEvent) => onPick(Number(event.latlng.lng.toFixed(6)), Number(event.latlng.lat.toFixed(6)));
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map, onPick]);

  const lon = value?.lon;
  const lat = value?.lat;
  useEffect(() => {
    if (!map || lon === undefined || lat === undefined) return;
    const dot = L.circleMarker([lat, lon], { radius: 9, color: '#fff', weight: 2, fillColor: '#fa541c', fillOpacity: 1 }).addTo(map);
    if (!map.getBounds().contains([lat, lon])) map.setView([lat, lon], Math.max(map.getZoom(), 16));
    return () => {
      dot.remove();
    };
  }, [map, lon, lat]);

  return <div ref={containerRef} style={{ height: 260, borderRadius: 8, overflow: 'hidden' }} data-testid="place-map" />;
}

/**
 * Where the event is (not where the reporter stands): the device's position with one tap, or a
 * tap on the map, and the address in words. Coordinates are WGS-84 (what browser geolocation and
 * 天地图 give).
 */
export function PlacePicker({ value, onChange, map, mapOnDemand = false, testId }: PlacePickerProps) {
  const t = useT();
  const geo = useGeolocation();
  const [asked, setAsked] = useState(false);
  const mapShown = !!map && (!mapOnDemand || asked || geo.problem !== null);
  const set = (patch: PlaceValue) => onChange?.({ ...value, crs: 'wgs84', ...patch });
  const pick = (lon: number, lat: number) => set({ lon, lat });

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Flex wrap gap={8} align="center">
        <Button
          icon={<AimOutlined />}
          loading={geo.locating}
          onClick={() => geo.locate((fix) => pick(fix.lon, fix.lat))}
          data-testid="locate"
        >
          {t('place.useMyLocation')}
        </Button>
        {map && !mapShown && (
          <Button icon={<GlobalOutlined />} onClick={() => setAsked(true)} data-testid="place-open-map">
            {t('place.pickOnMap')}
          </Button>
        )}
        <Typography.Text type={hasPoint(value) ? undefined : 'secondary'} data-testid="place-point">
          {hasPoint(value) ? (
            <>
              <EnvironmentOutlined /> {t('place.point', { lon: value.lon.toFixed(5), lat: value.lat.toFixed(5) })}
            </>
          ) : mapShown ? (
            t('place.tapMap')
          ) : (
            t('place.none')
          )}
        </Typography.Text>
      </Flex>
      {geo.problem && <Alert type="warning" showIcon title={t(`place.problems.${geo.problem}`)} />}
      {map && mapShown && <PlaceMap value={value} onPick={pick} map={map} />}
      <Input
        value={value?.address}
        onChange={(event) => set({ address: event.target.value })}
        maxLength={200}
        placeholder={t('place.addressPlaceholder')}
        aria-label={t('place.address')}
        data-testid="place-address"
      />
    </Flex>
  );
}
