import type { FromSchema } from 'json-schema-to-ts';
import { nullableString, nullableTimestamp, plainName, plainText, responseObject, uuid } from '../../../core/schemas/schema-kit.ts';

export { nullableString, nullableTimestamp, plainText };

export const nullableInteger = { type: ['integer', 'null'] } as const;

export const reasonText = { ...plainText(500, 1), description: 'Not blank' } as const;
export const fileIds = (maxItems: number, minItems = 0) => ({ type: 'array', items: uuid, minItems, maxItems, uniqueItems: true }) as const;
/** A mainland mobile number: what a citizen leaves to be called back. */
export const mobilePhone = { type: 'string', pattern: '^1\\d{10}$', description: 'Mainland mobile number, 11 digits' } as const;

/**
 * A place: longitude and latitude in WGS-84 (as GPS and 天地图 give), or GCJ-02 (as the phone map
 * SDKs of Gaode, Tencent and Baidu's GCJ mode give), converted before it is stored.
 */
export const locationInput = {
  type: 'object',
  required: ['lon', 'lat'],
  additionalProperties: false,
  properties: {
    lon: { type: 'number', minimum: -180, maximum: 180 },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    crs: { type: 'string', enum: ['wgs84', 'gcj02'], default: 'wgs84' },
    address: plainText(200),
  },
} as const;
export type LocationInput = FromSchema<typeof locationInput, { keepDefaultedPropertiesOptional: true }>;

export const eventStatus = {
  type: 'string',
  enum: ['unassigned', 'reported', 'accepted', 'in_progress', 'resolved', 'closed', 'merged'],
} as const;
export type EventStatus = FromSchema<typeof eventStatus>;
export const eventSource = { type: 'string', enum: ['worker', 'citizen', 'open311'] } as const;

export const namedRef = responseObject({ id: uuid, name: { type: 'string' } });
export const nullableNamedRef = { ...namedRef, type: ['object', 'null'] } as const;
export const fileView = responseObject({
  id: uuid,
  name: { type: 'string' },
  contentType: { type: 'string' },
  sizeBytes: { type: 'integer' },
});
export type FileView = FromSchema<typeof fileView>;
export const categoryName = plainName;
