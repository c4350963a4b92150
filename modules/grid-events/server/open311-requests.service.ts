import type { Knex } from 'knex';
import { badRequest, notFound, type ModuleContext } from '../../../core/module-kit.ts';
import type { LocationInput } from '../schemas/common.schema.ts';
import { OPEN311_ERRORS } from '../schemas/open311-error-codes.ts';
import type { ListRequestsQuery, PostRequestBody } from '../schemas/open311.schema.ts';
import { listCategories, type CategoryRow } from './category.service.ts';
import { placeOf, recordEvent } from './event.service.ts';
import { requireClientAllowance, type Open311Client } from './open311-keys.ts';
import { OPEN311_STATES, type Open311Row } from './open311-view.ts';

/** The most requests one answer holds, as the standard suggests. */
export const MAX_REQUESTS = 1000;
/** Without start_date, a list covers the 90 days up to end_date (or now), as the standard suggests. */
const DEFAULT_SPAN_MS = 90 * 24 * 3_600_000;
const HAN = /\p{Script=Han}/u;

/** The services a client may file under: the active categories (a child of an inactive one is not). */
export async function activeServices(trx: Knex.Transaction): Promise<CategoryRow[]> {
  return listCategories(trx, false);
}

/**
 * Requests filed through Open311 with what GeoReport shows of them. Only these: the public page's
 * tracking codes are each citizen's key to rate their report, and grid workers' reports are
 * internal, so neither is listed to anyone who asks.
 */
function requestQuery(trx: Knex.Transaction) {
  return trx('grid_open311_request as r')
    .join('grid_event as e', function joinEvent() {
      this.on('e.tenant_id', 'r.tenant_id').andOn('e.id', 'r.event_id');
    })
    .join('grid_category as c', function joinCategory() {
      this.on('c.tenant_id', 'e.tenant_id').andOn('c.id', 'e.category_id');
    })
    .leftJoin('core_unit as hu', function joinHandler() {
      this.on('hu.tenant_id', 'e.tenant_id').andOn('hu.id', 'e.handling_unit_id');
    })
    .select(
      'e.code',
      'e.status',
      'e.resolution_note',
      'e.description',
      'e.address',
      'e.lon',
      'e.lat',
      'e.created_at',
      'e.updated_at',
      'e.resolve_due_at',
      'e.photo_ids',
      'e.resolution_photo_ids',
      'c.name as category_name',
      'c.code as category_code',
      'hu.name as handling_unit_name',
      'r.media_url',
    );
}

/** `a, b,,c` → `['a', 'b', 'c']`: the standard's comma-separated lists. */
function listOf(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(',').map((item) => item.trim()))].filter(Boolean);
}

/**
 * GET requests.json: service_request_id names requests whatever the other filters say (as the
 * standard has it); else by service_code, status and requested_datetime between start_date and
 * end_date (by default the last 90 days). Newest first, at most MAX_REQUESTS.
 */
export async function listOpen311Requests(trx: Knex.Transaction, query: ListRequestsQuery, now: Date): Promise<Open311Row[]> {
  const list = requestQuery(trx)
    .orderBy([
      { column: 'r.created_at', order: 'desc' },
      { column: 'r.event_id', order: 'desc' },
    ])
    .limit(MAX_REQUESTS);
  const codes = listOf(query.service_request_id).map((code) => code.toUpperCase());
  if (codes.length > MAX_REQUESTS)
    throw badRequest(OPEN311_ERRORS.VALUE_INVALID, 'Too many requests named', [
      { path: 'querystring.service_request_id', message: `names more than ${MAX_REQUESTS} requests` },
    ]);
  if (codes.length > 0) return list.whereIn('e.code', codes);

  const services = listOf(query.service_code);
  if (services.length > 0) list.whereIn('c.code', services);
  const states = listOf(query.status) as ('open' | 'closed')[];
  if (states.length > 0)
    list.whereIn(
      'e.status',
      states.flatMap((state) => OPEN311_STATES[state]),
    );
  const end = query.end_date ? new Date(query.end_date) : null;
  const start = query.start_date ? new Date(query.start_date) : new Date((end ?? now).getTime() - DEFAULT_SPAN_MS);
  if (end && start > end)
    throw badRequest(OPEN311_ERRORS.DATES_INVALID, 'end_date is before start_date', [
      { path: 'querystring.end_date', message: 'is before start_date' },
    ]);
  list.where('r.created_at', '>=', start);
  if (end) list.where('r.created_at', '<=', end);
  return list;
}

/** One request filed through Open311 by its tracking code, else 404. */
export async function findOpen311Request(trx: Knex.Transaction, code: string): Promise<Open311Row> {
  const row: Open311Row | undefined = await requestQuery(trx).where('e.code', code).first();
  if (!row) throw notFound(OPEN311_ERRORS.REQUEST_NOT_FOUND, 'No request of this county has this service_request_id');
  return row;
}

/** The reporter's name as a handler reads it: 王 + 芳 for Chinese names, `first last` otherwise, else the client's name. */
function reporterName(body: PostRequestBody, client: Open311Client): string {
  const first = body.first_name?.trim() ?? '';
  const last = body.last_name?.trim() ?? '';
  if (!first && !last) return client.name;
  return HAN.test(first + last) ? `${last}${first}` : [first, last].filter(Boolean).join(' ');
}

/**
 * POST requests.json from a client holding a valid key: within its hourly allowance, under an
 * active service, at a place inside the county (lat/long are WGS-84, as the standard says); then
 * recorded and routed like any report, its handlers told at once. Answers the tracking code.
 */
export async function fileOpen311Request(ctx: ModuleContext, client: Open311Client, body: PostRequestBody): Promise<string> {
  await requireClientAllowance(ctx.trx, client, ctx.now);
  const category = (await activeServices(ctx.trx)).find((c) => c.code === body.service_code);
  if (!category)
    throw badRequest(OPEN311_ERRORS.SERVICE_NOT_FOUND, 'No such service', [
      { path: 'body.service_code', message: `"${body.service_code}" is not a service of this county (see services.json)` },
    ]);
  const location: LocationInput = { lon: body.long, lat: body.lat, crs: 'wgs84', address: body.address_string ?? '' };
  const point = await placeOf(ctx.trx, location, 'body.lat/long');
  const { id, code } = await recordEvent(
    ctx,
    {
      categoryId: category.id,
      description: body.description ?? '',
      location,
      photoIds: [],
      source: 'open311',
      reporter: { userId: null, name: reporterName(body, client), phone: body.phone?.trim() || null },
    },
    point,
  );
  await ctx.trx('grid_open311_request').insert({
    tenant_id: ctx.tenantId,
    event_id: id,
    client_id: client.id,
    email: body.email ?? null,
    media_url: body.media_url ?? null,
    created_at: ctx.now,
  });
  await ctx.trx('grid_open311_client').where({ id: client.id }).update({ last_used_at: ctx.now });
  return code;
}
