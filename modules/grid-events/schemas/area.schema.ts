import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams, tenantParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';

const position = { type: 'array', minItems: 2, maxItems: 3, items: { type: 'number', minimum: -180, maximum: 180 } } as const;
const ring = { type: 'array', minItems: 4, maxItems: 5000, items: position } as const;
const polygonCoordinates = { type: 'array', minItems: 1, maxItems: 50, items: ring } as const;

/** A GeoJSON Polygon or MultiPolygon (RFC 7946, WGS-84 longitude/latitude): a grid's area. */
export const areaGeometry = {
  oneOf: [
    {
      type: 'object',
      required: ['type', 'coordinates'],
      additionalProperties: false,
      properties: { type: { const: 'Polygon' }, coordinates: polygonCoordinates },
    },
    {
      type: 'object',
      required: ['type', 'coordinates'],
      additionalProperties: false,
      properties: {
        type: { const: 'MultiPolygon' },
        coordinates: { type: 'array', minItems: 1, maxItems: 50, items: polygonCoordinates },
      },
    },
  ],
} as const;
export type AreaGeometry = FromSchema<typeof areaGeometry>;

export const areaView = responseObject({
  id: uuid,
  unit: responseObject({ id: uuid, name: { type: 'string' }, path: { type: 'string' } }),
  geometry: { ...areaGeometry, description: 'GeoJSON Polygon or MultiPolygon, WGS-84' },
  bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4, description: '[minLon, minLat, maxLon, maxLat]' },
  updatedAt: timestamp,
});
export type AreaView = FromSchema<typeof areaView>;

export const listAreasRoute = {
  tags: ['grid-events'],
  summary: 'The county’s grid polygons (for the map and the managers’ grid page)',
  params: tenantParams,
  response: { 200: responseObject({ items: { type: 'array', items: areaView } }), ...errorResponses },
} as const;

export const saveAreaRoute = {
  tags: ['grid-events'],
  summary:
    'Sets the polygon of a grid unit (drawn on the map): creates it or replaces the one it had. Rings must be closed, without self-intersections',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['unitId', 'geometry'],
    additionalProperties: false,
    properties: { unitId: { ...uuid, description: 'A unit of kind grid' }, geometry: areaGeometry },
  },
  response: { 200: areaView, ...errorResponses },
} as const;

export const deleteAreaRoute = {
  tags: ['grid-events'],
  summary: 'Removes a grid polygon; events already routed keep their handling unit',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;

export const importAreasRoute = {
  tags: ['grid-events'],
  summary:
    'Imports grid polygons from a GeoJSON FeatureCollection: each feature names its grid unit by a property (the unit’s code, else its name). All or nothing: any bad feature is a 400 naming it, and nothing is saved',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['collection'],
    additionalProperties: false,
    properties: {
      unitProperty: { type: 'string', minLength: 1, maxLength: 40, default: 'code', description: 'The feature property naming the unit' },
      crs: { type: 'string', enum: ['wgs84', 'gcj02'], default: 'wgs84' },
      collection: {
        type: 'object',
        required: ['type', 'features'],
        properties: {
          type: { const: 'FeatureCollection' },
          features: {
            type: 'array',
            minItems: 1,
            maxItems: 2000,
            items: {
              type: 'object',
              required: ['type', 'geometry', 'properties'],
              properties: {
                type: { const: 'Feature' },
                geometry: areaGeometry,
                properties: { type: 'object', maxProperties: 100 },
              },
            },
          },
        },
      },
    },
  },
  response: { 200: responseObject({ created: { type: 'integer' }, replaced: { type: 'integer' } }), ...errorResponses },
} as const;
