import { useEffect, useState } from 'react';
import L from 'leaflet';
import type { AreaGeometry } from '../../schemas/area.schema';

/** A vertex as Leaflet takes it: [lat, lng]. */
export type Vertex = [number, number];

const VERTEX_ICON = L.divIcon({
  className: '',
  html: '<div style="width:14px;height:14px;border-radius:50%;background:#fff;border:3px solid #fa541c;box-sizing:border-box"></div>',
  iconSize: [14, 14],
  iconAnchor: [7, 7],
});
const MIDPOINT_ICON = L.divIcon({
  className: '',
  html: '<div style="width:12px;height:12px;border-radius:50%;background:#fa541c;opacity:.45"></div>',
  iconSize: [12, 12],
  iconAnchor: [6, 6],
});

const round = (n: number) => Number(n.toFixed(7));

/**
 * What the editor starts from: the outer ring of a Polygon (without its closing point) and its
 * holes, kept as they are; a MultiPolygon starts from its first part (the page says the others go).
 */
export function verticesOf(geometry: AreaGeometry | undefined): { vertices: Vertex[]; holes: number[][][]; dropsParts: boolean } {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.coordinates))
    return { vertices: [], holes: [], dropsParts: false };
  const polygon = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0];
  const [outer = [], ...holes] = polygon as number[][][];
  const open =
    outer.length > 1 && outer[0][0] === outer[outer.length - 1][0] && outer[0][1] === outer[outer.length - 1][1]
      ? outer.slice(0, -1)
      : outer;
  return {
    vertices: open.map(([lon, lat]) => [lat, lon]),
    holes,
    dropsParts: geometry.type === 'MultiPolygon' && geometry.coordinates.length > 1,
  };
}

/** The drawn outline (and the holes it had) as a closed GeoJSON Polygon in longitude/latitude. */
export function polygonOf(vertices: Vertex[], holes: number[][][]): AreaGeometry {
  const ring = vertices.map(([lat, lng]) => [round(lng), round(lat)]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]], ...holes] };
}

/**
 * Draws and edits one outline on the map: a tap adds a corner at the end, a corner drags, a tap on
 * the faint dot halfway along an edge puts a corner there. The page holds the corners (undo, clear, save).
 */
export function usePolygonEditor(map: L.Map | null, active: boolean, initial: Vertex[]) {
  const [vertices, setVertices] = useState<Vertex[]>(initial);

  useEffect(() => {
    setVertices(initial);
  }, [initial]);

  useEffect(() => {
    if (!map || !active) return;
    const onClick = (event: L.LeafletMouseEvent) => setVertices((v) => [...v, [event.latlng.lat, event.latlng.lng]]);
    map.on('click', onClick);
    map.getContainer().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      map.getContainer().style.cursor = '';
    };
  }, [map, active]);

  useEffect(() => {
    if (!map || !active) return;
    const group = L.layerGroup().addTo(map);
    if (vertices.length >= 2) {
      L.polygon(vertices, { color: '#fa541c', weight: 2, fillOpacity: 0.15, interactive: false }).addTo(group);
    }
    vertices.forEach((vertex, index) => {
      const marker = L.marker(vertex, { icon: VERTEX_ICON, draggable: true, keyboard: false }).addTo(group);
      marker.on('dragend', () => {
        const at = marker.getLatLng();
        setVertices((v) => v.map((p, i) => (i === index ? [at.lat, at.lng] : p)));
      });
    });
    if (vertices.length >= 3) {
      vertices.forEach((vertex, index) => {
        const next = vertices[(index + 1) % vertices.length];
        const middle: Vertex = [(vertex[0] + next[0]) / 2, (vertex[1] + next[1]) / 2];
        L.marker(middle, { icon: MIDPOINT_ICON, keyboard: false })
          .on('click', (event) => {
            L.DomEvent.stopPropagation(event);
            setVertices((v) => [...v.slice(0, index + 1), middle, ...v.slice(index + 1)]);
          })
          .addTo(group);
      });
    }
    return () => {
      group.remove();
    };
  }, [map, active, vertices]);

  return { vertices, setVertices };
}
