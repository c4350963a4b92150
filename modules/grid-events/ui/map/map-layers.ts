import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type { GeoJsonObject } from 'geojson';
import type { AreaView } from '../../schemas/area.schema';
import type { EventSummary } from '../../schemas/event.schema';
import { STATUS_COLORS } from '../components/event-status';
import type { MapSettings } from './map-settings';

const GRID_STYLE: L.PathOptions = { color: '#1677ff', weight: 1.5, fillColor: '#1677ff', fillOpacity: 0.08 };
const HIGHLIGHT_STYLE: L.PathOptions = { color: '#fa541c', weight: 3, fillColor: '#fa541c', fillOpacity: 0.15 };

/**
 * One grid's polygon as a layer; null when its geometry is not GeoJSON Leaflet can draw (one bad
 * record must not take the whole map down: the other grids and the events still show).
 */
function gridLayer(area: AreaView, options: L.GeoJSONOptions): L.GeoJSON | null {
  try {
    return L.geoJSON(area.geometry as unknown as GeoJsonObject, options);
  } catch {
    return null;
  }
}

/** The grid polygons with their unit names; `highlight` (a unit id) stands out; `onPick` on a tap. */
export function useAreasLayer(
  map: L.Map | null,
  areas: AreaView[] | undefined,
  options: { highlight?: string; onPick?: (area: AreaView) => void; interactive?: boolean } = {},
) {
  const { highlight, onPick, interactive = true } = options;
  useEffect(() => {
    if (!map || !areas) return;
    const group = L.featureGroup();
    for (const area of areas) {
      const layer = gridLayer(area, {
        style: area.unit.id === highlight ? HIGHLIGHT_STYLE : GRID_STYLE,
        interactive: interactive || !!onPick,
      });
      if (!layer) continue;
      if (interactive) layer.bindTooltip(area.unit.name, { sticky: true });
      if (onPick) layer.on('click', () => onPick(area));
      group.addLayer(layer);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, areas, highlight, onPick, interactive]);
}

/** Events as dots coloured by state; a tap opens one. */
export function useEventsLayer(map: L.Map | null, events: EventSummary[] | undefined, onOpen: (event: EventSummary) => void) {
  useEffect(() => {
    if (!map || !events) return;
    const group = L.featureGroup();
    for (const event of events) {
      const color = STATUS_COLORS[event.status];
      L.circleMarker([event.lat, event.lon], { radius: 7, color: '#fff', weight: 1.5, fillColor: color, fillOpacity: 0.95 })
        .bindTooltip(`${event.code} · ${event.category.name}`)
        .on('click', () => onOpen(event))
        .addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, events, onOpen]);
}

/** The union of the grids' boxes as Leaflet bounds, or null without grids. */
export function areasBounds(areas: AreaView[] | undefined): L.LatLngBounds | null {
  if (!areas || areas.length === 0) return null;
  const bounds = L.latLngBounds([]);
  for (const area of areas) {
    const [minLon, minLat, maxLon, maxLat] = area.bbox;
    bounds.extend([minLat, minLon]).extend([maxLat, maxLon]);
  }
  return bounds.isValid() ? bounds : null;
}

/**
 * Frames the map once, when what it shows is known: the county's extent if set, else its grids,
 * else it stays on the whole country. Later refetches do not move a map the user has panned.
 */
export function useInitialFrame(map: L.Map | null, settings: MapSettings, areas: AreaView[] | undefined, ready: boolean) {
  const framed = useRef(false);
  useEffect(() => {
    if (!map || !ready || framed.current) return;
    framed.current = true;
    if (settings.bounds) {
      const [minLon, minLat, maxLon, maxLat] = settings.bounds;
      map.fitBounds([
        [minLat, minLon],
        [maxLat, maxLon],
      ]);
      return;
    }
    const bounds = areasBounds(areas);
    if (bounds) map.fitBounds(bounds, { padding: [12, 12] });
  }, [map, settings.bounds, areas, ready]);
}
