export const uuid = { type: 'string', format: 'uuid' } as const;

/** Tenant slug: what appears in every tenant URL. */
export const tenantSlug = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' } as const;

export const tenantParams = {
  type: 'object',
  required: ['tenant'],
  additionalProperties: false,
  properties: { tenant: tenantSlug },
} as const;

export const tenantIdParams = {
  type: 'object',
  required: ['tenant', 'id'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, id: uuid },
} as const;

/**
 * Characters no name may hold, as a regex class body: C0 and C1 controls, DEL, the bidi marks,
 * embeddings, overrides and isolates that reorder what is shown (U+202E turns "gpj.exe" into
 * "exe.jpg"), and lone surrogates (half a character; with the `u` flag only unpaired ones match).
 */
const UNSAFE_CHARACTER_CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff';
/** The same rule for names checked in code (file names: core/files/file-name.ts). */
export const UNSAFE_TEXT_CHARACTER = new RegExp(`[${UNSAFE_CHARACTER_CLASS}]`, 'u');

/**
 * Names of people, units, positions, roles, forms: plain text with at least one visible
 * character, no markup and none of the unsafe characters above.
 */
export const plainName = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: `^[^<>${UNSAFE_CHARACTER_CLASS}]*[^<>\\s${UNSAFE_CHARACTER_CLASS}][^<>${UNSAFE_CHARACTER_CLASS}]*$`,
} as const;

/** An IANA time zone the server knows: the clock a county's times are shown, exported and counted in. */
export const timeZoneName = { type: 'string', maxLength: 64, format: 'time-zone' } as const;

/** Mainland mobile numbers (11 digits starting with 1) or landlines with area code. */
export const phoneNumber = { type: 'string', pattern: '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$' } as const;

export const limitQuery = { type: 'integer', minimum: 1, maximum: 200, default: 20 } as const;
export const cursorQuery = { type: 'string', maxLength: 200 } as const;

export const timestamp = { type: 'string', format: 'date-time' } as const;
export const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const;
export const nullableString = { type: ['string', 'null'] } as const;

/** A few lines of plain text: no control characters but newlines, no markup brackets (what a name or comment field takes). */
export const plainText = (maxLength: number, minLength = 0) =>
  ({ type: 'string', minLength, maxLength, pattern: '^[^<>\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' }) as const;

/** Standard error responses, spread into each route's `response`. */
/** The body of every error answer: `{ error: { code, message, details: [{ path, message }] } }` (core/http/errors.ts). */
export const errorResponseSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
} as const;

export const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
} as const;

export const okResponse = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;

/**
 * A response object: `required` names every property the server always sends (all but the
 * `optional` ones: a nullable property is sent as null, so it is required too), and nothing else
 * is sent. The serializer then refuses a response that lacks a required property, and FromSchema
 * gives the web app the exact type (no index signature, no needless `?`).
 */
export function responseObject<const P extends Record<string, unknown>, const O extends keyof P & string = never>(
  properties: P,
  optional: readonly O[] = [],
) {
  const required = Object.keys(properties).filter((name) => !(optional as readonly string[]).includes(name)) as Exclude<
    keyof P & string,
    O
  >[];
  return { type: 'object', additionalProperties: false, required, properties } as const;
}
