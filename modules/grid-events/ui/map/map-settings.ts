import { useModuleConfig } from '../../../../admin-ui/src/module-kit';

export interface MapSettings {
  /** A raster tile address with {z} {x} {y}; empty: vectors only. */
  tileUrl: string;
  /** The county's extent [minLon, minLat, maxLon, maxLat], when the county set one. */
  bounds: [number, number, number, number] | null;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The map settings of the county's grid-events config (an unset key means the default: none). */
export function useMapSettings(): MapSettings {
  const { config } = useModuleConfig('grid-events');
  const tileUrl = typeof config?.tileUrl === 'string' ? config.tileUrl : '';
  const b = config?.bounds as Record<string, unknown> | undefined;
  const bounds: MapSettings['bounds'] =
    b && finite(b.minLon) && finite(b.minLat) && finite(b.maxLon) && finite(b.maxLat) && b.maxLon > b.minLon && b.maxLat > b.minLat
      ? [b.minLon, b.minLat, b.maxLon, b.maxLat]
      : null;
  return { tileUrl, bounds };
}
