import * as gcoordModule from 'gcoord';
import { kinks } from '@turf/kinks';
import type { ErrorDetail } from '../../../core/module-kit.ts';
import type { AreaGeometry } from '../schemas/area.schema.ts';

/** A point as stored: WGS-84 longitude and latitude. */
export interface LonLat {
  lon: number;
  lat: number;
}

export type Crs = 'wgs84' | 'gcj02';

// A CommonJS package whose types declare an ES default: at run time that object is `module.exports`,
// which Node hands over as the namespace's `default`; TypeScript (NodeNext) sees one `default` more.
const gcoord = gcoordModule.default as unknown as typeof gcoordModule.default.default;

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

/**
 * A point in WGS-84 whatever it came in: phone map SDKs in China (Gaode, Tencent) give GCJ-02,
 * offset by a few hundred metres; stored coordinates are WGS-84 like GPS and 天地图.
 */
export function toWgs84(lon: number, lat: number, crs: Crs = 'wgs84'): LonLat {
  if (crs === 'wgs84') return { lon, lat };
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lon: x, lat: y };
}

/** Every ring of a polygon or multipolygon. */
function ringsOf(geometry: AreaGeometry): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** The geometry with its coordinates converted to WGS-84. */
export function geometryToWgs84(geometry: AreaGeometry, crs: Crs): AreaGeometry {
  if (crs === 'wgs84') return geometry;
  const ring = (r: number[][]) =>
    r.map(([lon, lat]) => {
      const p = toWgs84(lon, lat, crs);
      return [p.lon, p.lat];
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

export function bboxOf(geometry: AreaGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of ringsOf(geometry))
    for (const [lon, lat] of ring) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  return box;
}

/**
 * What is wrong with a polygon that the schema cannot say: a latitude out of range, a ring that is
 * not closed or has fewer than three distinct corners, a ring crossing itself or another ring of
 * its polygon (turf's kinks). Each problem names its place under `path`.
 */
export function polygonProblems(geometry: AreaGeometry, path: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  polygons.forEach((polygon, p) => {
    const polygonPath = geometry.type === 'Polygon' ? `${path}.coordinates` : `${path}.coordinates[${p}]`;
    polygon.forEach((ring, r) => {
      const ringPath = `${polygonPath}[${r}]`;
      const badLat = ring.findIndex(([, lat]) => lat < -90 || lat > 90);
      if (badLat >= 0) problems.push({ path: `${ringPath}[${badLat}]`, message: 'has a latitude outside -90..90' });
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1])
        problems.push({ path: ringPath, message: 'is not closed (its last position must repeat its first)' });
      if (new Set(ring.map(([lon, lat]) => `${lon},${lat}`)).size < 3)
        problems.push({ path: ringPath, message: 'has fewer than three distinct corners' });
    });
    if (problems.length === 0 && kinks({ type: 'Polygon', coordinates: polygon }).features.length > 0)
      problems.push({ path: polygonPath, message: 'crosses itself (a self-intersecting polygon)' });
  });
  return problems;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine): what "nearby" means for duplicates. */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
