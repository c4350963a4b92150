import fc from 'fast-check';

/**
 * Bad and edge-case requests derived from a route's own JSON schemas: each request is the route's
 * base request (real ids, a body the schema accepts as far as a simple reading goes) with one
 * mutation at one place the schema names, or at the part as a whole. Deterministic for a seed.
 */
type Schema = Record<string, unknown>;
export type RequestPart = 'params' | 'querystring' | 'body';

/** A value sent as this JSON text, for what JSON.stringify cannot write (`1e400`, 10,000 levels). */
export class RawJson {
  constructor(readonly text: string) {}
}
const REMOVED = Symbol('removed');

export interface FuzzRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** What was changed, for the failure message. */
  mutation: string;
}

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const SOME_UUID = '0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e0f';

/** Bad text of every class the attack report found (NUL, broken Unicode, bidi, blank) and more. */
const TEXT_EDGES: unknown[] = [
  'a\u0000b',
  '\u0000',
  'a\ud800b',
  '\udfff',
  'a\u202eb',
  'x\u2066y',
  '',
  ' ',
  '\u3000\t',
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  '../../etc/passwd',
  "'; drop table core_user; --",
  '\\',
  '%',
  '1e308',
  '-0',
  'NaN',
  'Infinity',
];
const SOME_DAYS: unknown[] = [
  '2025-02-30',
  '0000-01-01',
  '99999-01-01',
  '2025-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2025-01-01T00:00:00',
];
const SOME_IDS: unknown[] = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', SOME_UUID.toUpperCase(), `${SOME_UUID}0`];
/** Forged cursors: days that do not exist, year 0000, junk, NUL, numbers where text belongs. */
const CURSORS: unknown[] = [
  cursorOf(['2025-02-30 00:00:00+08', SOME_UUID]),
  cursorOf(['0000-01-01 00:00:00+00', SOME_UUID]),
  cursorOf(['2025-12-31 23:59:60+00', SOME_UUID]),
  cursorOf(['junk', 'junk']),
  cursorOf(['junk']),
  cursorOf([1e308, null, 'a\u0000', 'b']),
  cursorOf(['a\u0000', SOME_UUID]),
  'AAAA',
  '!!!',
];
const NUMBER_EDGES: unknown[] = [
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  1e308,
  -1e308,
  new RawJson('1e400'),
  new RawJson('-1e400'),
  'Infinity',
  '-1e400',
];
/** Wrong shapes for any place, including JSON deeper than any parser should recurse. */
const SHAPE_EDGES: unknown[] = [
  null,
  true,
  0,
  'x',
  [],
  {},
  [null],
  { '': 1 },
  { 'a\u0000': 1 },
  { __proto__x: 1 },
  new RawJson(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
  new RawJson(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`),
];

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function alternatives(schema: Schema): Schema[] {
  return ((schema.oneOf ?? schema.anyOf) as Schema[] | undefined) ?? [];
}

/** A value the schema likely accepts: enough to get past validation to the code behind it. */
export function sampleOf(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return undefined;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema) return schema.default;
  const alternative = alternatives(schema)[0];
  if (alternative) return sampleOf({ ...schema, oneOf: undefined, anyOf: undefined, ...alternative }, depth + 1);
  const type = typesOf(schema).find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const value: Record<string, unknown> = {};
      for (const name of (schema.required ?? []) as string[]) value[name] = sampleOf(properties[name], depth + 1);
      return value;
    }
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () => sampleOf(schema.items as Schema, depth + 1));
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? schema.exclusiveMinimum ?? 0) + (schema.exclusiveMinimum !== undefined ? 1 : 0);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return SOME_UUID;
      if (schema.format === 'date-time') return '2025-06-01T08:00:00+08:00';
      if (schema.format === 'date') return '2025-06-02';
      return 'a'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
    default:
      return null;
  }
}

interface Location {
  part: RequestPart;
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Every place of a request part a mutation can hit: the part, each property, items (three levels). */
export function locations(part: RequestPart, schema: Schema | undefined): Location[] {
  if (!schema) return part === 'body' ? [{ part, path: [], schema: {}, required: false }] : [];
  const found: Location[] = [];
  const visit = (node: Schema, path: string[], required: boolean, depth: number) => {
    if (!(part === 'params' && path.length === 0)) found.push({ part, path, schema: node, required });
    if (depth >= 3) return;
    const merged = [node, ...alternatives(node)];
    for (const candidate of merged) {
      const properties = (candidate.properties ?? {}) as Record<string, Schema>;
      const requiredNames = new Set((candidate.required ?? []) as string[]);
      for (const [name, child] of Object.entries(properties)) visit(child, [...path, name], requiredNames.has(name), depth + 1);
      if (candidate.items && typeof candidate.items === 'object') visit(candidate.items as Schema, [...path, '0'], false, depth + 1);
    }
  };
  visit(schema, [], true, 0);
  // The tenant slug is the tenant: mutating it only reaches another (unknown) tenant's 404.
  return found.filter((l) => !(l.part === 'params' && l.path[0] === 'tenant'));
}

/** Bad values for one place: mostly edge cases of its own type, then wrong shapes and random input. */
function badValue(location: Location): fc.Arbitrary<unknown> {
  const types = typesOf(location.schema);
  const format = location.schema.format;
  const name = location.path[location.path.length - 1] ?? '';
  const typed: unknown[] = [];
  if (types.includes('string') || types.length === 0) typed.push(...TEXT_EDGES);
  if (format === 'date' || format === 'date-time' || /date|at$|from|to|until|on$/i.test(name)) typed.push(...SOME_DAYS, ...SOME_DAYS);
  if (format === 'uuid' || /id$/i.test(name)) typed.push(...SOME_IDS, ...SOME_IDS);
  if (/cursor/i.test(name)) typed.push(...CURSORS, ...CURSORS, ...CURSORS);
  if (types.includes('number') || types.includes('integer')) typed.push(...NUMBER_EDGES, ...NUMBER_EDGES);
  const arbitraries: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: typed.length > 0 ? 6 : 0, arbitrary: fc.constantFrom(...(typed.length > 0 ? typed : [null])) },
    { weight: 2, arbitrary: fc.constantFrom(...SHAPE_EDGES, ...NUMBER_EDGES, ...TEXT_EDGES) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer(), fc.double()) },
    { weight: location.part === 'body' ? 1 : 0, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  ];
  return fc.oneof(...arbitraries);
}

function setAt(target: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container: Record<string, unknown> =
    target !== null && typeof target === 'object'
      ? Array.isArray(target)
        ? ([...target] as unknown as Record<string, unknown>)
        : { ...(target as Record<string, unknown>) }
      : {};
  const next = setAt(container[head], rest, value);
  if (next === REMOVED) delete container[head];
  else container[head] = next;
  return container;
}

/** `count` requests for one route, the same ones for the same seed. */
export function fuzzRequests(
  schema: { params?: Schema; querystring?: Schema; body?: Schema } | undefined,
  base: { params: Record<string, string>; query: Record<string, unknown>; body: unknown },
  seed: number,
  count: number,
): FuzzRequest[] {
  const places = [
    ...locations('params', schema?.params),
    ...locations('querystring', schema?.querystring),
    ...(schema?.body || base.body !== undefined ? locations('body', schema?.body) : []),
  ];
  if (places.length === 0) return [];
  const mutation = fc.constantFrom(...places).chain((place) =>
    fc.oneof(
      { weight: 6, arbitrary: badValue(place).map((value) => ({ place, value })) },
      { weight: place.required && place.path.length > 0 ? 1 : 0, arbitrary: fc.constant({ place, value: REMOVED as unknown }) },
      {
        weight: place.path.length === 0 || typesOf(place.schema).includes('object') ? 1 : 0,
        arbitrary: fc
          .constant({ place, value: 'extra' as unknown })
          .map(({ place: p }) => ({ place: p, value: { ...((sampleOf(p.schema) as object) ?? {}), unexpectedField: 1 } as unknown })),
      },
    ),
  );
  return fc.sample(mutation, { seed, numRuns: count }).map(({ place, value }) => {
    const request = { params: { ...base.params }, query: { ...base.query }, body: base.body };
    const describe = `${place.part}${place.path.map((p) => `.${p}`).join('')} = ${value === REMOVED ? '(removed)' : value instanceof RawJson ? `${value.text.slice(0, 20)}…` : JSON.stringify(value)?.slice(0, 60)}`;
    if (place.part === 'params') request.params[place.path[0]] = textOf(value === REMOVED ? '' : value);
    else if (place.part === 'querystring') request.query = setAt(request.query, place.path, value) as Record<string, unknown>;
    else request.body = setAt(request.body, place.path, value);
    return { ...request, mutation: describe };
  });
}

/** A query or path value as text: raw JSON as written, objects as JSON. */
export function textOf(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

/** The body as JSON text, raw parts written as they are. */
export function bodyText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return value;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}

/** The query string: arrays as repeated keys, anything else as text. */
export function queryText(query: unknown): string {
  // The query replaced as a whole by a bad value: sent as a bare query text.
  if (query === null || typeof query !== 'object' || Array.isArray(query)) return new URLSearchParams({ [textOf(query)]: '' }).toString();
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === REMOVED) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, textOf(item));
  }
  return search.toString();
}

/** A module's standard API (`PlatformModule.standardApis`), mounted at `/<prefix>/t/:tenant/…` beside `/api`. */
export function isStandardApiRoute(url: string): boolean {
  return !url.startsWith('/api/') && /^\/[a-z0-9-]+\/t\/:tenant\//.test(url);
}

type ErrorShape = (status: number, body: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The platform's: `{ "error": { "code", "message", "details": [{ "path", "message" }] } }` (core/http/errors.ts). */
const platformError: ErrorShape = (_status, body) =>
  isObject(body) &&
  isObject(body.error) &&
  typeof body.error.code === 'string' &&
  typeof body.error.message === 'string' &&
  Array.isArray(body.error.details) &&
  body.error.details.every((d) => isObject(d) && typeof d.path === 'string' && typeof d.message === 'string');

/** Open311 GeoReport v2's: `[{ "code": <the HTTP status>, "description" }]`, at least one entry. */
const open311Error: ErrorShape = (status, body) =>
  Array.isArray(body) &&
  body.length > 0 &&
  body.every((e) => isObject(e) && e.code === status && typeof e.description === 'string' && Object.keys(e).length === 2);

/**
 * Refusals of the router itself, before any route, hook or error handler runs (a path that is not
 * valid percent-encoding, a param longer than the router takes): Fastify answers them in its own
 * shape, `{ "error", "code", "message" }`, unless the app sets `frameworkErrors` (core/app.ts does
 * not yet). They are nobody's route's answer, so no route's shape is asked of them.
 */
const ROUTER_REFUSALS = new Set(['FST_ERR_BAD_URL', 'FST_ERR_MAX_PARAM_LENGTH']);

/** The error shape each standard API answers in, by its prefix; every other route answers the platform's. */
const STANDARD_ERROR_SHAPES: Record<string, ErrorShape> = { open311: open311Error };

/**
 * What is wrong with a 4xx answer's body for its route, or null: JSON in the platform's shape, or
 * on a standard API in that standard's (a standard API without a known shape must use the platform's).
 */
export function errorShapeProblem(url: string, status: number, text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 80)}`;
  }
  if (isObject(body) && typeof body.code === 'string' && ROUTER_REFUSALS.has(body.code)) return null;
  const shape = isStandardApiRoute(url) ? (STANDARD_ERROR_SHAPES[url.split('/')[1]] ?? platformError) : platformError;
  return shape(status, body) ? null : `not in the route's error shape: ${text.slice(0, 120)}`;
}

/**
 * The body as `application/x-www-form-urlencoded`, for a route that takes forms (an object's
 * fields as texts); null when the value has no form (not an object).
 */
export function formText(body: unknown): string | null {
  if (!isObject(body)) return null;
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) form.append(key, textOf(value));
  return form.toString();
}
