import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

/** Mainland China, where a county with neither grids nor a set extent starts its map. */
export const CHINA_BOUNDS: L.LatLngBoundsExpression = [
  [18, 73],
  [54, 135],
];

/** What the plain background looks like where no tiles are drawn: land-coloured, so vectors read on it. */
const PLAIN_BACKGROUND = '#eef1ec';

/**
 * A Leaflet map in the returned container: vectors on a plain background, so it works with no
 * tile server reachable; with a tile address (the county's `tileUrl`, e.g. 天地图 with its key)
 * that raster layer goes underneath. Canvas rendering keeps thousands of points smooth. The map
 * exists between mount and unmount only (React's strict mode mounts twice: two maps, one removed).
 */
export function useLeafletMap(tileUrl: string | undefined) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [map, setMap] = useState<L.Map | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    container.style.background = PLAIN_BACKGROUND;
    const created = L.map(container, { preferCanvas: true, attributionControl: false, zoomSnap: 0.5, worldCopyJump: false });
    created.fitBounds(CHINA_BOUNDS);
    L.control.scale({ imperial: false }).addTo(created);
    setMap(created);
    // The container may be laid out after the map was made (a drawer, a tab): measure again when it resizes.
    const observer = new ResizeObserver(() => created.invalidateSize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      created.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map || !tileUrl) return;
    const layer = L.tileLayer(tileUrl, { maxZoom: 19, crossOrigin: false }).addTo(map);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
  }, [map, tileUrl]);

  return { containerRef, map };
}
